import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { createUser } from './create-user.ts';
import { customFieldsMeta } from './custom-fields.ts';
import { userDocumentView } from './user-views.ts';

/**
 * POST /api/v1/users.create (7.x route `app/api/server/v1/users.ts`; research notes issue 10
 * §4.1). reject-invalid.ts has already run the vendor's `validateParams`; create-user.ts runs the
 * rest in the vendor's order. The new user is read back with the users.* projection.
 */
export const usersCreate: OperationHandler<operations, 'usersCreate', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const created = createUser(ctx.store, ctx.deps, caller, input.body);
  if (!created.ok) return { status: 400, body: created.error };
  const meta = customFieldsMeta(ctx.store);
  const privileged = ctx.store.authz.hasPermission(caller, 'view-full-other-user-info');
  return { status: 200, body: { user: userDocumentView(created.value, privileged, meta.ok ? meta.value : undefined), success: true } };
};
