import type { PrivateRoom, StoredRoom, StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName, type RoomParams } from '../rooms/room-lookup.ts';
import type { RocketChatStore } from '../store/store.ts';
import { messageErrors } from './message-errors.ts';

/**
 * Who may read and write in a room (canAccessRoom, CSM `validateRoomMessagePermissions`; research
 * notes issue 11 §1.1, §6.1). Room state other helpers write lives in `room.extra` under the
 * vendor's names: `archived`, `muted`/`unmuted` (usernames), `reactWhenReadOnly`, `encrypted`.
 */

/** canAccessRoom: a private group needs a subscription; a public room `view-c-room` (or one). */
export function canAccessRoom(store: RocketChatStore, room: StoredRoom, user: StoredUser): boolean {
  if (store.rooms.subscription(room._id, user._id)) return true;
  return room.t === 'c' && store.authz.hasPermission(user, 'view-c-room');
}

/** `room.archived === true` (written by groups.archive in `room.extra`). */
export function isArchived(room: StoredRoom): boolean {
  return room.extra.get('archived') === true;
}

/** True when `username` is listed in the room's `muted` or `unmuted` list. */
export function listed(room: StoredRoom, key: 'muted' | 'unmuted', username: string): boolean {
  const list = room.extra.get(key);
  return Array.isArray(list) && list.includes(username);
}

/**
 * validateRoomMessagePermissions (CSM), in the vendor's order: archived → access → read-only
 * without `post-readonly` (unless unmuted) → muted. Plain Errors: `{success:false, error}`.
 */
export function canSendMessage(store: RocketChatStore, room: StoredRoom, user: StoredUser): Result<StoredRoom> {
  if (isArchived(room)) return err(messageErrors.roomArchived());
  if (!canAccessRoom(store, room, user)) return err(messageErrors.sendNotAllowed());
  if (room.ro && !store.authz.hasPermission(user, 'post-readonly', room._id) && !listed(room, 'unmuted', user.username)) {
    return err(messageErrors.readOnly());
  }
  if (listed(room, 'muted', user.username)) return err(messageErrors.muted());
  return ok(room);
}

/**
 * findPrivateGroupByIdOrName with its `checkedArchived` flag (G8): the shared lookup, then an
 * archived group is refused when the route checks it (discussions would use `fname`; the twin has
 * none, so it is `name`).
 */
export function findGroup(store: RocketChatStore, caller: StoredUser, params: RoomParams, checkedArchived: boolean): Result<PrivateRoom> {
  const found = findPrivateGroupByIdOrName(store, caller, params);
  if (!found.ok) return found;
  if (checkedArchived && isArchived(found.value)) return err(messageErrors.groupArchived(found.value.name));
  return found;
}
