import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { setGroupOpen } from './open-close.ts';
import { settingsEnv } from './group-route.ts';

/** POST /api/v1/groups.close (G8; research notes issue 11 §4.3): closes the caller's subscription. */
export const groupsClose: OperationHandler<operations, 'groupsClose', RocketChatContext> = (input, ctx) => {
  const result = setGroupOpen(settingsEnv(ctx), input.body, false);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
