import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { userInfo } from './user-info.ts';

/** GET /api/v1/me (MISC): `getUserInfo` of the caller plus `success: true` (user-info.ts). */
export const me: OperationHandler<operations, 'me', RocketChatContext> = (_input, ctx) => ({
  status: 200,
  body: { ...userInfo(ctx.store, callerOf(ctx).user), success: true },
});
