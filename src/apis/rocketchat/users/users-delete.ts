import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { deleteUser, userFromParams } from './delete-user.ts';

/**
 * POST /api/v1/users.delete (7.x route `app/api/server/v1/users.ts`, `permissionsRequired:
 * ['delete-user']` answered by the middleware in auth/; research notes issue 10 §4.3). The 7.x
 * route has no body schema: getUserFromParams reads the body as it is, then deleteUser.
 * `confirmRelinquish` counts when truthy. The answer is the 7.x `{success:true}` (newer servers add
 * `deletedRooms`).
 */
export const usersDelete: OperationHandler<operations, 'usersDelete', RocketChatContext> = (input, ctx) => {
  const found = userFromParams(ctx.store, input.body);
  if (!found.ok) return { status: 400, body: found.error };
  const deleted = deleteUser(ctx.store, found.value, Boolean(own(input.body, 'confirmRelinquish')));
  return deleted.ok ? { status: 200, body: { success: true } } : { status: 400, body: deleted.error };
};
