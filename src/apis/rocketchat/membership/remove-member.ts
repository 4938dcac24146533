import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import type { MessageAuthor } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { membershipErrors } from './membership-errors.ts';
import { anyGroup, memberGroup } from './room-params.ts';
import { authorOf, isLastOwner } from './room-roles.ts';
import { userFromParams } from './user-params.ts';

/**
 * groups.kick (G8 route + removeUserFromRoomMethod, apps/meteor/server/methods/removeUserFromRoom.ts)
 * and groups.leave (G8 route + leaveRoomMethod and removeUserFromRoom); research notes issue 11
 * §5.1, §5.2. Both delete a subscription (usersCount −1) and write one system message.
 */

/** groups.kick, in the vendor's order. */
export function kickFromGroup(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown): Result<true> {
  const room = anyGroup(store, body);
  if (!room.ok) return room;
  const target = userFromParams(store, body);
  if (!target.ok) return target;
  const rid = room.value._id;
  if (!store.authz.hasPermission(caller, 'remove-user', rid)) return err(membershipErrors.notAllowed('removeUserFromRoom'));
  // Global in this copy of the method (a later variant scopes it to the room).
  const canKickAny = store.authz.hasPermission(caller, 'kick-user-from-any-p-room');
  if (!canKickAny && !store.rooms.subscription(rid, caller._id)) return err(rcErrors.roomNotFound());
  // The method looks the target up again by username, ignoring case.
  const removed = store.users.byUsernameIgnoringCase(target.value.username);
  if (!removed) return err(membershipErrors.userNotInRoom('removeUserFromRoom'));
  const member = store.rooms.subscription(rid, removed._id) !== undefined;
  if (!canKickAny && !member) return err(membershipErrors.userNotInRoom('removeUserFromRoom'));
  if (isLastOwner(store, rid, removed._id)) return err(membershipErrors.lastOwner('removeUserFromRoom'));
  // With kick-user-from-any-p-room a non-member is "kicked" too: nothing to delete, the message is written.
  return removeMember(store, deps, room.value, removed, 'ru', authorOf(caller));
}

/** groups.leave, in the vendor's order. */
export function leaveGroup(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown): Result<true> {
  const room = memberGroup(store, caller, body);
  if (!room.ok) return room;
  const rid = room.value._id;
  // leave-p is checked without a room scope: only the caller's global roles count.
  if (!store.authz.hasPermission(caller, 'leave-p')) return err(membershipErrors.notAllowed('leaveRoom'));
  if (!store.rooms.subscription(rid, caller._id)) return err(membershipErrors.callerNotInRoom());
  if (isLastOwner(store, rid, caller._id)) return err(membershipErrors.lastOwner('leaveRoom'));
  return removeMember(store, deps, room.value, caller, room.value.teamMain === true ? 'ult' : 'ul', authorOf(caller));
}

/**
 * The message (`msg` the removed username), then the subscription and, in a team's main room,
 * the team membership. The message goes first so that a full session changes nothing.
 */
function removeMember(store: RocketChatStore, deps: Deps, room: PrivateRoom, user: StoredUser, type: string, author: MessageAuthor): Result<true> {
  const message = saveSystemMessage(store, deps, type, room, user.username, author);
  if (!message) return err(rcErrors.sessionFull(store.byteLimit));
  // Modelled: the room's _updatedAt follows its usersCount, as invitations do.
  if (store.rooms.unsubscribe(room._id, user._id)) room._updatedAt = message.ts;
  const team = room.teamMain === true && room.teamId !== undefined ? store.teams.team(room.teamId) : undefined;
  if (team) store.teams.removeMember(team, user._id);
  return ok(true);
}
