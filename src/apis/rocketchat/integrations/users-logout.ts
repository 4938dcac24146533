import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { messageErrors } from '../messages/message-errors.ts';
import { checkParams, recordOf } from '../messages/params-schema.ts';
import { USERS_LOGOUT_BODY } from './create-schema.ts';

/**
 * POST /api/v1/users.logout (U8 @b0e30e75; research notes issue 11 §7.3): schema → `userId ||
 * caller` → someone else needs `logout-other-user` (403 `unauthorized` from the route) → every
 * token of that user is gone, the caller's own included. The route's `error-invalid-user-id`
 * branch tests the `UpdateResult` object `Users.unsetLoginTokens` resolves to, which is always
 * truthy: a user who never logged in, or no user at all, is "logged out" too (the vendor's e2e
 * test "should logout other user" logs out a user that has no token).
 */
export const usersLogout: OperationHandler<operations, 'usersLogout', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(USERS_LOGOUT_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const given = recordOf(checked.value).userId;
  const userId = typeof given === 'string' && given !== '' ? given : caller._id;
  if (userId !== caller._id && !ctx.store.authz.hasPermission(caller, 'logout-other-user')) return { status: 403, body: rcErrors.forbidden() };
  ctx.store.tokens.removeUser(userId);
  return { status: 200, body: { message: `User ${userId} has been logged out!`, success: true } };
};
