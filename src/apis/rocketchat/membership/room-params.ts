import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName } from '../rooms/room-lookup.ts';
import type { RocketChatStore } from '../store/store.ts';
import { notArchived } from './archived.ts';

/**
 * The room lookups of the membership routes (G8 `apps/meteor/server/api/v1/groups.ts`; research
 * notes issue 11 §1.1, §5.1, §5.8). Parameters arrive as sent: a key's presence matters, and a
 * value that is not a string finds no room (modelled).
 */

/** findPrivateGroupByIdOrName with `checkedArchived`: a group the caller is subscribed to, not archived. */
export function memberGroup(store: RocketChatStore, caller: StoredUser, params: unknown): Result<PrivateRoom> {
  const found = findPrivateGroupByIdOrName(store, caller, { roomId: own(params, 'roomId'), roomName: own(params, 'roomName') });
  return found.ok ? notArchived(found.value) : found;
}

/**
 * getRoomFromParams, as groups.kick uses it: no access and no archived check. Neither key, or both
 * keys present and both empty → room-param-not-provided; a present `roomId` is looked up by id even
 * when empty (then nothing is found), else `roomName` by exact name.
 */
export function anyGroup(store: RocketChatStore, params: unknown): Result<PrivateRoom> {
  const hasId = has(params, 'roomId');
  const hasName = has(params, 'roomName');
  const roomId = own(params, 'roomId');
  const roomName = own(params, 'roomName');
  if ((!hasId && !hasName) || (hasId && !roomId && hasName && !roomName)) return err(rcErrors.roomParamNotProvided());
  return privateRoom(hasId ? byId(store, roomId) : byName(store, roomName));
}

/**
 * groups.counters' own lookup: a present but empty `roomId` or `roomName` → room-param-not-provided;
 * neither key → no room at all, so room-not-found. No access check; archived is the caller's check.
 */
export function countersGroup(store: RocketChatStore, params: unknown): Result<PrivateRoom> {
  const hasId = has(params, 'roomId');
  const hasName = has(params, 'roomName');
  if ((hasId && !own(params, 'roomId')) || (hasName && !own(params, 'roomName'))) return err(rcErrors.roomParamNotProvided());
  const room = hasId ? byId(store, own(params, 'roomId')) : hasName ? byName(store, own(params, 'roomName')) : undefined;
  return privateRoom(room);
}

function privateRoom(room: StoredRoom | undefined): Result<PrivateRoom> {
  return isPrivate(room) ? ok(room) : err(rcErrors.roomNotFound());
}

function isPrivate(room: StoredRoom | undefined): room is PrivateRoom {
  return room?.t === 'p';
}

function has(params: unknown, key: string): boolean {
  return typeof params === 'object' && params !== null && Object.hasOwn(params, key);
}

function byId(store: RocketChatStore, id: unknown): StoredRoom | undefined {
  return typeof id === 'string' ? store.rooms.room(id) : undefined;
}

function byName(store: RocketChatStore, name: unknown): StoredRoom | undefined {
  return typeof name === 'string' ? store.rooms.roomByName(name) : undefined;
}
