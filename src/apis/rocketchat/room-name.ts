import { rcErrors, type Failure } from './errors.ts';

/**
 * Room-name rules under the default settings (research/rocketchat.md §2.4, VRN + VN):
 * `UI_Allow_room_names_with_special_chars` off, `UTF8_Channel_Names_Validation` = `[0-9a-zA-Z-_.]+`
 * anchored at both ends, `Accounts_SystemBlockedUsernameList` = admin,administrator,system,user.
 */

/** The default `UTF8_Channel_Names_Validation`, anchored as VRN anchors it (no flags, like the vendor). */
export const ROOM_NAME_PATTERN = new RegExp('^[0-9a-zA-Z-_.]+$');

/** Default blocked names, compared case-insensitively (VN). */
export const BLOCKED_NAMES: readonly string[] = ['admin', 'administrator', 'system', 'user'];

// The `escapeHTML` map of @rocket.chat/string-helpers (ported from underscore.string).
const HTML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['¢', 'cent'],
  ['£', 'pound'],
  ['¥', 'yen'],
  ['€', 'euro'],
  ['©', 'copy'],
  ['®', 'reg'],
  ['<', 'lt'],
  ['>', 'gt'],
  ['"', 'quot'],
  ['&', 'amp'],
  ["'", '#39'],
]);

/** HTML-escapes like the vendor's `escapeHTML`, which VRN applies to the name in its error (§2.2 item 11). */
export function escapeHtml(text: string): string {
  return text.replace(/[¢£¥€©®<>"&']/g, (char) => `&${HTML_ENTITIES.get(char) ?? ''};`);
}

/**
 * Validates an already-trimmed name; `undefined` when it is acceptable. Both a pattern miss and a
 * blocked name give `error-invalid-room-name` with the escaped name (VRN, VN). Duplicates are the
 * store's business (they need the rooms).
 */
export function checkRoomName(trimmed: string): Failure | undefined {
  const blocked = BLOCKED_NAMES.includes(trimmed.toLowerCase());
  if (blocked || !ROOM_NAME_PATTERN.test(trimmed)) return rcErrors.invalidRoomName(escapeHtml(trimmed));
  return undefined;
}
