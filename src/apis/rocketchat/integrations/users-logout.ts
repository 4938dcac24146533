import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { messageErrors } from '../messages/message-errors.ts';
import { checkParams, recordOf } from '../messages/params-schema.ts';
import { USERS_LOGOUT_BODY } from './create-schema.ts';
import { integrationErrors } from './integration-errors.ts';

/**
 * POST /api/v1/users.logout (U8 @b0e30e75; research notes issue 11 §7.3): schema → `userId ||
 * caller` → someone else needs `logout-other-user` (403 `unauthorized` from the route) →
 * `Users.unsetLoginTokens` must modify the user (modelled: a known user with at least one valid
 * token in this session) → every token of that user is gone, the caller's own included.
 */
export const usersLogout: OperationHandler<operations, 'usersLogout', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(USERS_LOGOUT_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const given = recordOf(checked.value).userId;
  const userId = typeof given === 'string' && given !== '' ? given : caller._id;
  if (userId !== caller._id && !ctx.store.authz.hasPermission(caller, 'logout-other-user')) return { status: 403, body: rcErrors.forbidden() };
  const hasTokens = ctx.store.users.byUserId(userId) !== undefined && ctx.store.tokens.entries().some((entry) => entry.userId === userId);
  if (!hasTokens) return { status: 400, body: integrationErrors.invalidUserId() };
  ctx.store.tokens.removeUser(userId);
  return { status: 200, body: { message: `User ${userId} has been logged out!`, success: true } };
};
