import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { customFieldsMeta } from './custom-fields.ts';
import { updateUser } from './edit-user.ts';
import { userErrors } from './user-errors.ts';
import { userDocumentView } from './user-views.ts';

/**
 * POST /api/v1/users.update (7.x route `app/api/server/v1/users.ts`; research notes issue 10
 * §4.4). reject-invalid.ts has already run the vendor's `validateParams`; edit-user.ts runs
 * saveUser and the `active` step; the user is read back with the users.* projection.
 */
export const usersUpdate: OperationHandler<operations, 'usersUpdate', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const updated = updateUser(ctx.store, ctx.deps, caller, input.body);
  if (!updated.ok) return { status: 400, body: updated.error };
  // The route re-reads the user; a user deleted meanwhile cannot happen in one request, but the vendor's answer is kept.
  const user = ctx.store.users.byUserId(updated.value._id);
  if (!user) return { status: 400, body: userErrors.userNotFound() };
  const meta = customFieldsMeta(ctx.store);
  const privileged = ctx.store.authz.hasPermission(caller, 'view-full-other-user-info');
  return { status: 200, body: { user: userDocumentView(user, privileged, meta.ok ? meta.value : undefined), success: true } };
};
