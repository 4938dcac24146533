import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { userView } from '../views.ts';

/** GET /api/v1/me: the caller's user document plus `success:true` (fields modelled, views.ts). */
export const me: OperationHandler<operations, 'me', RocketChatContext> = (_input, ctx) => ({
  status: 200,
  body: { ...userView(callerOf(ctx).user), success: true },
});
