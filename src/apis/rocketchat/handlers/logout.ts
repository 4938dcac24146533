import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';

/**
 * POST /api/v1/logout: removes the token this request used, so it gets 401 afterwards
 * (research/rocketchat.md §5.1). Body modelled on the vendor's Restivus logout answer.
 */
export const logout: OperationHandler<operations, 'logout', RocketChatContext> = (_input, ctx) => {
  ctx.store.removeToken(callerOf(ctx).token);
  return { status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } };
};
