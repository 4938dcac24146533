import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredRoom, StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { settingsErrors } from '../room-settings/settings-errors.ts';

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

/** Options of `findPrivateGroupByIdOrName`. */
export interface LookupOptions {
  /**
   * The vendor's `checkedArchived`: refuse an archived group with `error-room-archived` (after
   * the access check). The vendor defaults to true and passes false for info, delete, close,
   * open, unarchive, files, history and getIntegrations (research notes issue 11 §1.1); the twin
   * defaults to false so callers written before archiving existed keep their answers, and the
   * routes that check say `{checkedArchived: true}`.
   */
  readonly checkedArchived?: boolean;
}

/** True when the room was archived (groups.archive / rooms.changeArchivationState). */
export function isArchived(room: StoredRoom): boolean {
  return room.extra.get('archived') === true;
}

/**
 * `findPrivateGroupByIdOrName`: `roomId` wins when non-empty, else exact `name`. The room must be a
 * private group the caller is subscribed to (issue #16954: even admins need a subscription); with
 * `checkedArchived` it must not be archived either.
 */
export function findPrivateGroupByIdOrName(
  store: RocketChatStore,
  caller: StoredUser,
  params: RoomParams,
  options: LookupOptions = {},
): Result<PrivateRoom> {
  const roomId = text(params.roomId);
  const roomName = text(params.roomName);
  if (!roomId?.trim() && !roomName?.trim()) return err(rcErrors.roomParamNotProvided());
  const room = roomId ? store.rooms.room(roomId) : store.rooms.roomByName(roomName ?? '');
  if (!isPrivate(room) || !store.rooms.subscription(room._id, caller._id)) return err(rcErrors.roomNotFound());
  if (options.checkedArchived === true && isArchived(room)) return err(settingsErrors.roomArchived(room.name));
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
