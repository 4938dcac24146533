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
 * With special characters allowed, `name` is `limax(displayName, {maintainCase: true})` (VRN;
 * limax ≥ 2 no longer splits numbers from letters, so `d4edcce7` stays as it is). Modelled on
 * limax → speakingurl with `lang: 'en'`: apostrophes inside a word vanish, Latin letters lose
 * their accents (German umlauts and a few ligatures spelled out as speakingurl does), `& | < > ♥
 * ∞ ∆ ∑ ¤` become English words, `$ € £ ¥ ¢` currency codes; every other character outside
 * `[A-Za-z0-9_-]` and whitespace runs become one `-`, trimmed at both ends; case is kept.
 * Not modelled: Chinese (pinyin), Japanese (Hepburn) and the other scripts of speakingurl's map,
 * whose characters become `-` here.
 */
export function slugify(display: string): string {
  // limax's apostrophes (U+0301, a combining accent, is one of them) between two non-spaces.
  const text = display.replace(/(\S)(?:['\u2018\u2019\u201A\u201B\u2032\u2035]|\u0301)(\S)/g, '$1$2').trim();
  let out = '';
  for (const char of text) {
    const symbol = SYMBOLS.get(char);
    if (symbol !== undefined) {
      out += ` ${symbol} `;
      continue;
    }
    const latin = LATIN.get(char) ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += latin.replace(/[^\w\s-]/g, '-');
  }
  return out
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** speakingurl's English symbol map. */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['∆', 'delta'],
  ['∞', 'infinity'],
  ['♥', 'love'],
  ['&', 'and'],
  ['|', 'or'],
  ['<', 'less than'],
  ['>', 'greater than'],
  ['∑', 'sum'],
  ['¤', 'currency'],
]);

/** speakingurl's spellings where dropping the accent is not enough (its Latin and currency map). */
const LATIN: ReadonlyMap<string, string> = new Map([
  ['Ä', 'Ae'], ['Ö', 'Oe'], ['Ü', 'Ue'], ['ä', 'ae'], ['ö', 'oe'], ['ü', 'ue'], ['ß', 'ss'], ['ẞ', 'SS'],
  ['Æ', 'AE'], ['æ', 'ae'], ['Ø', 'O'], ['ø', 'o'], ['Þ', 'TH'], ['þ', 'th'], ['Ð', 'D'], ['ð', 'd'],
  ['Œ', 'OE'], ['œ', 'oe'], ['Ł', 'L'], ['ł', 'l'], ['Đ', 'D'], ['đ', 'd'], ['ı', 'i'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'CNY'], ['¢', 'cent'],
]);

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
 * Validates a name as VRN does after any slugging (the trimmed name, or with special characters
 * allowed its slug); `undefined` when it is acceptable. Both a pattern miss and a blocked name give
 * `error-invalid-room-name` with the escaped name (VRN, VN). Duplicates are the store's business.
 */
export function checkRoomName(name: string, rules: RoomNameRules = DEFAULT_RULES): Failure | undefined {
  if (rules.blocked.includes(name.toLowerCase()) || !rules.pattern.test(name)) return rcErrors.invalidRoomName(escapeHtml(name));
  return undefined;
}

/** The rules of a fresh server (default settings). */
export const DEFAULT_RULES: RoomNameRules = { pattern: ROOM_NAME_PATTERN, blocked: ['admin', 'administrator', 'system', 'user'], specialChars: false };
