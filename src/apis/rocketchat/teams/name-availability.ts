import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * `checkUsernameAvailability(name)`, the first step of Team.create: a team's name is a handle
 * shared with usernames (`apps/meteor/app/lib/server/functions/checkUsernameAvailability.ts`,
 * `validateName.ts`; research notes issue 11 §4.5 CUA).
 *
 * - blocked: `all`, `here` and `Accounts_BlockedUsernameList` (each entry regex-escaped, trimmed,
 *   matched whole and ignoring case against the trimmed, regex-escaped name: so an empty name is
 *   blocked by the empty default list, and names with regex characters never match), or the name
 *   in lower case is in `Accounts_SystemBlockedUsernameList` → the Meteor error `error-blocked-username`;
 * - taken: a user or a team whose name matches the trimmed name ignoring case → `false`.
 */
export function isHandleAvailable(store: RocketChatStore, name: string): Result<boolean> {
  if (isBlocked(store, name)) return err(teamsErrors.blockedName(name));
  const handle = name.trim().toLowerCase();
  if (store.users.byUsernameIgnoringCase(handle)) return ok(false);
  return ok(!store.teams.all().some((team) => team.name.toLowerCase() === handle));
}

function isBlocked(store: RocketChatStore, name: string): boolean {
  const tested = escapeRegExp(name).trim();
  const entries = ['all', 'here', ...store.settings.string('Accounts_BlockedUsernameList').split(',')];
  if (entries.some((entry) => new RegExp(`^${escapeRegExp(entry).trim()}$`, 'i').test(tested))) return true;
  return store.settings.string('Accounts_SystemBlockedUsernameList').split(',').includes(name.toLowerCase());
}

/** `escapeRegExp` of @rocket.chat/string-helpers. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
