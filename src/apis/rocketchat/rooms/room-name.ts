import { rcErrors, type Failure } from '../errors.ts';

import type { RocketChatStore } from '../store/store.ts';

/**
 * Room-name rules (research/rocketchat.md §2.4, VRN + VN), read from the session's settings on
 * every call: `UTF8_Channel_Names_Validation` anchored at both ends (an invalid pattern falls back
 * to `[0-9a-zA-Z-_.]+`, as VRN does), `Accounts_SystemBlockedUsernameList`, and
 * `UI_Allow_room_names_with_special_chars` (names become slugs of the display name).
 */

/** The default `UTF8_Channel_Names_Validation`, anchored as VRN anchors it (no flags, like the vendor). */
export const ROOM_NAME_PATTERN = new RegExp('^[0-9a-zA-Z-_.]+$');

/** The rules in force for one request. */
export interface RoomNameRules {
  readonly pattern: RegExp;
  readonly blocked: readonly string[];
  readonly specialChars: boolean;
}

/** The rules the session's settings say now. */
export function roomNameRules(store: RocketChatStore): RoomNameRules {
  let pattern = ROOM_NAME_PATTERN;
  try {
    pattern = new RegExp(`^${store.settings.string('UTF8_Channel_Names_Validation')}$`);
  } catch {
    // VRN: an unparsable setting falls back to the default pattern.
  }
  const blocked = store.settings.string('Accounts_SystemBlockedUsernameList').split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  return { pattern, blocked, specialChars: store.settings.boolean('UI_Allow_room_names_with_special_chars') };
}

/**
 * With special characters allowed, `name` is a slug of the display name (the vendor uses limax;
 * modelled: accents dropped, lower case, letters and digits split apart, anything else a `-`,
 * so `d4edcce7` → `d-4-edcce-7` as in issue #15999).
 */
export function slugify(display: string): string {
  return display
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1-$2')
    .replace(/(\d)([a-z])/g, '$1-$2')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

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
 * store's business (they need the rooms). With special characters allowed only blocked names fail.
 */
export function checkRoomName(trimmed: string, rules: RoomNameRules = DEFAULT_RULES): Failure | undefined {
  const blocked = rules.blocked.includes(trimmed.toLowerCase());
  if (blocked || (!rules.specialChars && !rules.pattern.test(trimmed))) return rcErrors.invalidRoomName(escapeHtml(trimmed));
  return undefined;
}

/** The rules of a fresh server (default settings). */
export const DEFAULT_RULES: RoomNameRules = { pattern: ROOM_NAME_PATTERN, blocked: ['admin', 'administrator', 'system', 'user'], specialChars: false };
