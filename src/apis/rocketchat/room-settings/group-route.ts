import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredRoom } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName } from '../rooms/room-lookup.ts';
import { saveRoomSettings } from './engine.ts';
import type { SettingsEnv } from './room-writes.ts';
import type { SettingKey } from './setting-keys.ts';

/**
 * The shape every groups.rename / groups.set* route shares (G7/G8, research notes issue 11 §3):
 * its own body check → `findPrivateGroupByIdOrName` with the archived check → sometimes one more
 * route check → `saveRoomSettings(userId, rid, '<setting>', value)` → the room re-read.
 */

/** The engine's environment for the handler's caller. */
export function settingsEnv(ctx: RocketChatContext): SettingsEnv {
  return { store: ctx.store, deps: ctx.deps, caller: callerOf(ctx).user };
}

/** `this.bodyParams.hasOwnProperty(key)`. */
export function hasParam(body: unknown, key: string): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, key);
}

/** The group named by `roomId`/`roomName` of the body, refused when archived (§1.1). */
export function lookupGroup(env: SettingsEnv, body: unknown): Result<PrivateRoom> {
  return findPrivateGroupByIdOrName(env.store, env.caller, { roomId: own(body, 'roomId'), roomName: own(body, 'roomName') }, { checkedArchived: true });
}

/** saveRoomSettings with one setting on an already found group. */
export function saveOne(env: SettingsEnv, room: StoredRoom, key: SettingKey, value: unknown): Result<StoredRoom> {
  return saveRoomSettings(env, room._id, [[key, value]]);
}

/**
 * The route re-reads the room after saving and answers `error-room-not-found` when it is gone
 * (unreachable in the twin); a private group is returned as such.
 */
export function reread(env: SettingsEnv, rid: string): Result<PrivateRoom> {
  const room = env.store.rooms.room(rid);
  return room?.t === 'p' ? ok({ ...room, t: 'p' }) : err(rcErrors.roomNotFound());
}

/** Lookup, then one setting: the shared middle of the groups.set* routes. */
export function lookupAndSave(env: SettingsEnv, body: unknown, key: SettingKey, value: unknown): Result<StoredRoom> {
  const found = lookupGroup(env, body);
  return found.ok ? saveOne(env, found.value, key, value) : found;
}
