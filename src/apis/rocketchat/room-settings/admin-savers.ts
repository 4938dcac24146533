import { derivedId } from '../random-id.ts';
import { extraOf, systemMessage, UNSET, writeExtra } from './room-writes.ts';
import type { Saver } from './saver.ts';

/**
 * SRS savers behind extra permissions (research notes issue 11 §2 step 9): retention policy
 * (`Rooms.saveRetention*ById`), avatar (setRoomAvatar) and team side panel (`setSidepanelById`).
 */

/** The current `retention` object, copied, with `field` set (or removed for `UNSET`). */
function retentionWith(before: Readonly<Record<string, unknown>> | undefined, field: string, value: unknown): Record<string, unknown> {
  const next: Record<string, unknown> = { ...before };
  if (value === UNSET) Reflect.deleteProperty(next, field);
  else next[field] = value;
  return next;
}

function currentRetention(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** One `retention.<field>` setter; `convert` is the model's coercion. */
function retention(field: string, convert: (value: unknown) => unknown): Saver {
  return ({ env, room, value }) => {
    const next = retentionWith(currentRetention(extraOf(room, 'retention')), field, convert(value));
    return writeExtra(env, room, { retention: next });
  };
}

const flag = (value: unknown): unknown => value === true;

/** `retentionEnabled`: unset for null/undefined, else `!!value`. */
export const saveRetentionEnabled: Saver = retention('enabled', (value) => (value === null || value === undefined ? UNSET : Boolean(value)));
/** `retentionMaxAge`: as sent (30 when undefined, the setter's default). */
export const saveRetentionMaxAge: Saver = retention('maxAge', (value) => (value === undefined ? 30 : value));
export const saveRetentionExcludePinned: Saver = retention('excludePinned', flag);
export const saveRetentionFilesOnly: Saver = retention('filesOnly', flag);
export const saveRetentionIgnoreThreads: Saver = retention('ignoreThreads', flag);
export const saveRetentionOverrideGlobal: Saver = retention('overrideGlobal', flag);

/**
 * `roomAvatar` (setRoomAvatar): an empty value removes the avatar (`avatarETag` becomes the
 * current time in ms, `avatarOrigin` goes); any other value is an upload. Both write a
 * `room_changed_avatar` message. Modelled: the twin keeps no image, only the fields and an ETag
 * derived from the room and time.
 */
export const saveAvatar: Saver = ({ env, room, value }) => {
  const now = env.deps.now();
  const patch = value
    ? { avatarOrigin: 'upload', avatarETag: derivedId(`${room._id}:avatar:${now.toISOString()}`) }
    : { avatarETag: String(now.getTime()), avatarOrigin: UNSET };
  return writeExtra(env, room, patch) ?? systemMessage(env, room, 'room_changed_avatar', '');
};

/** `sidepanel`: stored as sent when it differs (JSON) from the current one. */
export const saveSidepanel: Saver = ({ env, room, before, value }) => {
  if (JSON.stringify(value) === JSON.stringify(extraOf(before, 'sidepanel'))) return undefined;
  return writeExtra(env, room, { sidepanel: value });
};
