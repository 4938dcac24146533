import type { Deps } from '../../../core/types.ts';
import { rcErrors, type Failure } from '../errors.ts';
import type { StoredRoom, StoredUser } from '../model.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * How the room-settings code writes: room fields through `RoomsStore.update` (so the session's
 * byte budget sees the growth), settings in `room.extra` under the vendor's field names (copy on
 * write: a new Map each time), system messages through `saveSystemMessage`. Every Mongo update of
 * the vendor's models also sets `_updatedAt` (BaseRaw.updateOne), so every write here does too.
 */

/** What every settings write needs: the session's state, the clock and the acting user. */
export interface SettingsEnv {
  readonly store: RocketChatStore;
  readonly deps: Deps;
  readonly caller: StoredUser;
}

/** Marks a key to remove (`$unset`) in `patchExtra`. */
export const UNSET = Symbol('unset');

/** A room setting as stored (undefined when the room has none). */
export function extraOf(room: StoredRoom, key: string): unknown {
  return room.extra.get(key);
}

/**
 * `$set`/`$unset` on the room's settings: existing keys keep their place, new ones go last (as
 * Mongo keeps a document's field order). Returns the new map; the old one is never touched.
 */
export function patchExtra(extra: ReadonlyMap<string, unknown>, patch: Readonly<Record<string, unknown>>): ReadonlyMap<string, unknown> {
  const next = new Map(extra);
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (value === UNSET) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * Applies `change` to the room and sets `_updatedAt`; the session-full body when the larger room
 * does not fit the budget (nothing changed then).
 */
export function writeRoom(env: SettingsEnv, room: StoredRoom, change: (draft: StoredRoom) => void): Failure | undefined {
  const now = env.deps.now().toISOString();
  const written = env.store.rooms.update(room, (draft) => {
    change(draft);
    draft._updatedAt = now;
  });
  return written ? undefined : rcErrors.sessionFull(env.store.byteLimit);
}

/** `writeRoom` for settings kept in `room.extra`. */
export function writeExtra(env: SettingsEnv, room: StoredRoom, patch: Readonly<Record<string, unknown>>): Failure | undefined {
  return writeRoom(env, room, (draft) => {
    draft.extra = patchExtra(draft.extra, patch);
  });
}

/**
 * `Message.saveSystemMessage(type, rid, msg, user)` with the acting user as `u` (`{_id,
 * username, name}`, as SRS reads it): `msgs + 1` and `_updatedAt` (Rooms.incMsgCountById).
 */
export function systemMessage(env: SettingsEnv, room: StoredRoom, type: string, msg: string): Failure | undefined {
  const { caller } = env;
  const saved = saveSystemMessage(env.store, env.deps, type, room, msg, { _id: caller._id, username: caller.username, name: caller.name });
  if (!saved) return rcErrors.sessionFull(env.store.byteLimit);
  room._updatedAt = saved.ts;
  return undefined;
}

/** The text a system message carries for a value the vendor stores as sent (modelled: JSON for non-strings). */
export function messageText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return JSON.stringify(value);
}

/** Sets fields on every subscription of the room (`Subscriptions.update*ByRoomId`), with `_updatedAt`. */
export function updateSubscriptions(env: SettingsEnv, rid: string, fields: { readonly open?: boolean; readonly alert?: boolean }): void {
  const now = env.deps.now().toISOString();
  for (const sub of env.store.rooms.subscriptionsOf(rid)) {
    if (fields.open !== undefined) sub.open = fields.open;
    if (fields.alert !== undefined) sub.alert = fields.alert;
    sub._updatedAt = now;
  }
}
