import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { setGroupOpen } from './open-close.ts';
import { settingsEnv } from './group-route.ts';

/** POST /api/v1/groups.open (G8; research notes issue 11 §4.4): opens the caller's subscription. */
export const groupsOpen: OperationHandler<operations, 'groupsOpen', RocketChatContext> = (input, ctx) => {
  const result = setGroupOpen(settingsEnv(ctx), input.body, true);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
