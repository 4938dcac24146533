import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { sortBy } from '../pagination.ts';
import { memberGroup } from './room-params.ts';
import { roleHolderView } from './views.ts';

/**
 * GET /api/v1/groups.roles (G8 route, executeGetRoomRoles and getRoomRoles; research notes issue 11
 * §5.4): the subscriptions holding a `Subscriptions`-scope role with a description, by username.
 */
export const groupsRoles: OperationHandler<operations, 'groupsRoles', RocketChatContext> = (input, ctx) => {
  const { store } = ctx;
  const room = memberGroup(store, callerOf(ctx).user, input.query);
  if (!room.ok) return { status: 400, body: room.error };
  const described = new Set(store.authz.allRoles().filter((role) => role.scope === 'Subscriptions' && role.description !== '').map((role) => role._id));
  const holders = store.rooms.subscriptionsOf(room.value._id).flatMap((sub) => {
    const user = store.users.byUserId(sub.userId);
    return user && sub.roles.some((role) => described.has(role)) ? [roleHolderView(sub, user)] : [];
  });
  const roles = sortBy(holders, [['username', 1]], (holder) => holder.u.username);
  return { status: 200, body: { roles, success: true } };
};
