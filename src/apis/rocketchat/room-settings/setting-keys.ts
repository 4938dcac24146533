import { own } from '../parse-body.ts';

/**
 * The settings `saveRoomSettings` accepts (SRS `fields`, research notes issue 11 §2), in the
 * vendor's order. Any other key makes the whole call fail with `error-invalid-settings`.
 */
export const SETTING_KEYS = [
  'roomAvatar',
  'featured',
  'roomName',
  'roomTopic',
  'roomAnnouncement',
  'roomCustomFields',
  'roomDescription',
  'roomType',
  'readOnly',
  'reactWhenReadOnly',
  'systemMessages',
  'default',
  'joinCode',
  'retentionEnabled',
  'retentionMaxAge',
  'retentionExcludePinned',
  'retentionFilesOnly',
  'retentionIgnoreThreads',
  'retentionOverrideGlobal',
  'encrypted',
  'favorite',
  'sidepanel',
] as const;

/** One accepted setting name. */
export type SettingKey = (typeof SETTING_KEYS)[number];

const KEYS: ReadonlySet<string> = new Set(SETTING_KEYS);

/** True for a name SRS accepts. */
export function isSettingKey(key: string): key is SettingKey {
  return KEYS.has(key);
}

/** A setting name and the value the client sent, in the order they were sent. */
export type SettingEntry = readonly [string, unknown];

/**
 * `const {rid, ...params} = bodyParams` (RSRS, 7.x): every own key of the body but `rid`, in body
 * order, with its value as sent.
 */
export function settingsOfBody(body: unknown): SettingEntry[] {
  if (typeof body !== 'object' || body === null) return [];
  return Object.keys(body)
    .filter((key) => key !== 'rid')
    .map((key) => [key, own(body, key)] as const);
}

/**
 * The message types a room may hide (`MessageTypesValues`, apps/meteor/app/lib/lib/MessageTypes.ts):
 * the only entries `systemMessages` accepts (SRSM).
 */
export const HIDEABLE_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'uj', 'ujt', 'ul', 'ult', 'ru', 'removed-user-from-team', 'au', 'added-user-to-team', 'mute_unmute', 'r', 'ut', 'wm', 'rm',
  'subscription-role-added', 'subscription-role-removed', 'room-archived', 'room-unarchived', 'room_changed_privacy',
  'room_changed_avatar', 'room_changed_topic', 'room_e2e_enabled', 'room_e2e_disabled', 'room-removed-read-only',
  'room-set-read-only', 'room-disallowed-reacting', 'room-allowed-reacting', 'user-added-room-to-team',
  'user-converted-to-channel', 'user-converted-to-team', 'user-deleted-room-from-team', 'user-removed-room-from-team',
  'room_changed_announcement', 'room_changed_description',
]);
