import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import type { RocketChatStore } from '../store/store.ts';
import { membershipErrors, type RoleMethod } from './membership-errors.ts';
import { memberGroup } from './room-params.ts';
import { authorOf, holdersOf, rolesField, setRole, type RoomRole } from './room-roles.ts';
import { userFromParams } from './user-params.ts';

/**
 * groups.addOwner/removeOwner/addModerator/removeModerator/addLeader/removeLeader (G8 routes and
 * the methods in apps/meteor/server/methods/; research notes issue 11 §5.3): the route finds the
 * group (subscription, not archived) and the target, then the method checks the permission, the
 * target's membership and role, changes the role and writes `subscription-role-added|removed`.
 */

/** One of the six routes. */
export interface RoleChange {
  readonly role: RoomRole;
  readonly add: boolean;
  readonly method: RoleMethod;
  readonly permission: 'set-owner' | 'set-moderator' | 'set-leader';
}

export const ROLE_CHANGES = {
  addOwner: { role: 'owner', add: true, method: 'addRoomOwner', permission: 'set-owner' },
  removeOwner: { role: 'owner', add: false, method: 'removeRoomOwner', permission: 'set-owner' },
  addModerator: { role: 'moderator', add: true, method: 'addRoomModerator', permission: 'set-moderator' },
  removeModerator: { role: 'moderator', add: false, method: 'removeRoomModerator', permission: 'set-moderator' },
  addLeader: { role: 'leader', add: true, method: 'addRoomLeader', permission: 'set-leader' },
  removeLeader: { role: 'leader', add: false, method: 'removeRoomLeader', permission: 'set-leader' },
} as const satisfies Record<string, RoleChange>;

/** Runs one route for `caller` with the request body as sent. */
export function changeRoomRole(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown, change: RoleChange): Result<true> {
  const room = memberGroup(store, caller, body);
  if (!room.ok) return room;
  const target = userFromParams(store, body);
  if (!target.ok) return target;
  const { role, add, method } = change;
  // Room-scoped: admins globally, the room's owners through their subscription.
  if (!store.authz.hasPermission(caller, change.permission, room.value._id)) return err(membershipErrors.notAllowed(method));
  const sub = store.rooms.subscription(room.value._id, target.value._id);
  // removeRoomOwner and removeRoomModerator say "Invalid room" for a target who is not a member.
  if (!sub) return err(add || role === 'leader' ? membershipErrors.userNotInRoom(method) : membershipErrors.invalidRoom(method));
  const roles = rolesField(store, sub);
  if (add && roles?.includes(role) === true) return err(membershipErrors.alreadyHasRole(role, method));
  if (!add) {
    // removeRoomOwner demands the field; the other two pass a subscription that never held a role.
    const lacks = role === 'owner' ? roles?.includes(role) !== true : roles !== undefined && !roles.includes(role);
    if (lacks) return err(membershipErrors.lacksRole(role, method));
    if (role === 'owner' && holdersOf(store, room.value._id, 'owner') === 1) return err(membershipErrors.removeLastOwner());
  }
  // The message first: when it does not fit the session's budget, nothing changes.
  const type = add ? 'subscription-role-added' : 'subscription-role-removed';
  const message = saveSystemMessage(store, deps, type, room.value, target.value.username, authorOf(caller), { role });
  if (!message) return err(rcErrors.sessionFull(store.byteLimit));
  // `$pull` of a role the document does not hold changes nothing (the field is not created).
  if (add || sub.roles.includes(role)) setRole(store, room.value, sub, role, add, message.ts);
  return ok(true);
}
