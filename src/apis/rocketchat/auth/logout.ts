import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';

/**
 * POST /api/v1/logout (AC `/logout`; research notes issue 10 §2.4): removes the token this
 * request used, so it gets 401 afterwards. The action returns the plain object below; how the
 * router serialises it is [unverified], so the Restivus-era body is kept (modelled).
 */
export const logout: OperationHandler<operations, 'logout', RocketChatContext> = (_input, ctx) => {
  ctx.store.tokens.remove(callerOf(ctx).token);
  return { status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } };
};
