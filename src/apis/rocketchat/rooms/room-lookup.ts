import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredRoom, StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * The vendor's two ways of finding a private group (research/rocketchat.md §4, G7/G8).
 * Parameters arrive as whatever the client sent; only strings count (modelled: the vendor would
 * crash on `.trim()` of a non-string, the twin treats it as absent).
 */

/** The room selector of groups.info/members/delete/invite, as received. */
export interface RoomParams {
  readonly roomId?: unknown;
  readonly roomName?: unknown;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isPrivate(room: StoredRoom | undefined): room is PrivateRoom {
  return room?.t === 'p';
}

/**
 * `findPrivateGroupByIdOrName`: `roomId` wins when non-empty, else exact `name`. The room must be a
 * private group the caller is subscribed to (issue #16954: even admins need a subscription).
 */
export function findPrivateGroupByIdOrName(store: RocketChatStore, caller: StoredUser, params: RoomParams): Result<PrivateRoom> {
  const roomId = text(params.roomId);
  const roomName = text(params.roomName);
  if (!roomId?.trim() && !roomName?.trim()) return err(rcErrors.roomParamNotProvided());
  const room = roomId ? store.rooms.room(roomId) : store.rooms.roomByName(roomName ?? '');
  if (!isPrivate(room) || !store.rooms.subscription(room._id, caller._id)) return err(rcErrors.roomNotFound());
  return ok(room);
}

/**
 * `Rooms.findOneByIdOrName` as groups.invite uses it: `roomId || roomName` matched against `_id`
 * or `name`, with no access check at lookup (the permission check comes later).
 */
export function findGroupByIdOrName(store: RocketChatStore, params: RoomParams): Result<PrivateRoom> {
  const idOrName = text(params.roomId) || text(params.roomName) || '';
  if (!idOrName.trim()) return err(rcErrors.roomParamNotProvided());
  const room = store.rooms.room(idOrName) ?? store.rooms.roomByName(idOrName);
  if (!isPrivate(room)) return err(rcErrors.roomNotFound());
  return ok(room);
}
