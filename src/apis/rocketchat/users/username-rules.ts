import type { RocketChatStore } from '../store/store.ts';
import { err, ok, type Result } from '../result.ts';
import { userErrors } from './user-errors.ts';

/**
 * Name and address rules of saveUser, read from the session's settings on every call (research
 * notes issue 10 §4.1, §6.3; vendor `validateUserData.ts`, `validateUsername.ts`,
 * `validateName.ts`, `checkUsernameAvailability.ts`, `checkEmailAvailability.ts`,
 * `validateNameChars.ts`, `lib/validateEmailDomain.ts`).
 */

const DEFAULT_PATTERN = /^[0-9a-zA-Z-_.]+$/;

/** `^<UTF8_User_Names_Validation>$`; an unparsable setting falls back to the default, as the vendor does. */
export function usernamePattern(store: RocketChatStore): RegExp {
  try {
    return new RegExp(`^${store.settings.string('UTF8_User_Names_Validation')}$`);
  } catch {
    return DEFAULT_PATTERN;
  }
}

/** `validateName`: false for the reserved names of `Accounts_SystemBlockedUsernameList` (any case). */
export function isReservedName(store: RocketChatStore, username: string): boolean {
  const blocked = store.settings.string('Accounts_SystemBlockedUsernameList');
  return blocked !== '' && blocked.split(',').includes(username.toLowerCase());
}

// @rocket.chat/string-helpers' escapeRegExp.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * checkUsernameAvailability's block list: `all`, `here` and `Accounts_BlockedUsernameList`, each
 * an anchored case-insensitive pattern tested against the regex-escaped username (so a name with
 * regex characters never matches, as in the vendor).
 */
function isBlockedName(store: RocketChatStore, username: string): boolean {
  const list = ['all', 'here', ...store.settings.string('Accounts_BlockedUsernameList').split(',')];
  const probe = escapeRegExp(username).trim();
  return list.some((entry) => new RegExp(`^${escapeRegExp(entry).trim()}$`, 'i').test(probe));
}

/**
 * `checkUsernameAvailability(username)`: blocked or reserved → `error-blocked-username`; taken by
 * a user (any case) or by a team name (any case) → false; else true.
 */
export function usernameAvailable(store: RocketChatStore, username: string): Result<boolean> {
  if (isBlockedName(store, username) || isReservedName(store, username)) return err(userErrors.blockedUsername(username));
  if (store.users.byUsernameIgnoringCase(username)) return ok(false);
  const wanted = username.trim().toLowerCase();
  return ok(!store.teams.all().some((team) => team.name.toLowerCase() === wanted));
}

/** `checkEmailAvailability`: no user has this address (trimmed, any case). */
export function emailAvailable(store: RocketChatStore, email: string): boolean {
  return store.users.byEmailAddress(email.trim()) === undefined;
}

/** `validateNameChars`: no `<`, `>`, `\` or `/`, also once URI-decoded; undecodable names fail. */
export function validNameChars(name: string): boolean {
  const invalid = /[<>\\/]/;
  if (invalid.test(name)) return false;
  try {
    return !invalid.test(decodeURI(name));
  } catch {
    return false;
  }
}

/**
 * `validateEmailDomain`: `@rocket.chat/tools` validateEmail (basic: `^[^@]+@[^@]+$`), then the
 * allowed and blocked domain lists (empty by default). Modelled: the default blocked-domain list
 * and the DNS check are off, as in the vendor's defaults.
 */
export function checkEmailDomain(store: RocketChatStore, email: string | undefined): Result<void> {
  if (email === undefined || !/^[^@]+@[^@]+$/.test(email)) return err(userErrors.invalidEmail(email));
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const list = (id: string): string[] => store.settings.string(id).split(',').filter(Boolean).map((d) => d.trim());
  const allowed = list('Accounts_AllowedDomainsList');
  if (allowed.length > 0 && !allowed.includes(domain)) {
    return err(userErrors.domainNotAllowed());
  }
  if (list('Accounts_BlockedDomainsList').includes(domain)) {
    return err(userErrors.domainBlocked());
  }
  return ok(undefined);
}
