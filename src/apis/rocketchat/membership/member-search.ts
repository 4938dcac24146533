import type { Failure } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';
import { membershipErrors } from './membership-errors.ts';

/**
 * groups.members' `status` and `filter` (G8 route and findUsersOfRoom; research notes issue 11 §C):
 * `check(queryParams, Match.ObjectIncluding({status: Match.Maybe([String]), filter:
 * Match.Maybe(String)}))`, then a case-insensitive substring match of `filter` on the
 * `Accounts_SearchFields` and `status: {$in: status}`.
 */

/** What the members must match; `undefined` parts match everyone. */
export interface MemberSearch {
  readonly statuses: readonly string[] | undefined;
  readonly filter: RegExp | undefined;
  readonly fields: readonly string[];
}

/**
 * Meteor's check walks the query's keys in order and stops at the first bad one: a `status` that
 * is not a list of strings, or a `filter` that is not one string (a repeated key is a list).
 */
export function memberSearchOf(store: RocketChatStore, query: object): { ok: true; value: MemberSearch } | { ok: false; error: Failure } {
  let statuses: readonly string[] | undefined;
  let filter: string | undefined;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (key === 'status') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return { ok: false, error: membershipErrors.matchOneOf('status') };
      statuses = value.filter((item): item is string => typeof item === 'string');
    } else if (key === 'filter') {
      if (typeof value !== 'string') return { ok: false, error: membershipErrors.matchOneOf('filter') };
      filter = value;
    }
  }
  const fields = store.settings.string('Accounts_SearchFields').split(',').map((field) => field.trim()).filter((field) => field !== '');
  // `...(filter && {$or: …})`: an empty filter matches everyone; the text is regex-escaped.
  return { ok: true, value: { statuses, filter: filter ? new RegExp(escapeRegExp(filter), 'i') : undefined, fields } };
}

/** True when `user` passes the search. */
export function matchesSearch(user: StoredUser, search: MemberSearch): boolean {
  if (search.statuses !== undefined && !search.statuses.includes(user.status)) return false;
  const { filter } = search;
  if (filter === undefined) return true;
  return search.fields.some((field) => valuesOf(user, field).some((value) => filter.test(value)));
}

/** The values a search field reads on a user (the fields the twin stores; others match nothing). */
function valuesOf(user: StoredUser, field: string): string[] {
  switch (field) {
    case 'username':
      return [user.username];
    case 'name':
      return [user.name];
    case 'bio':
      return user.bio === undefined ? [] : [user.bio];
    case 'nickname':
      return user.nickname === undefined ? [] : [user.nickname];
    case 'emails.address':
      return user.emails.map((email) => email.address);
    default:
      return [];
  }
}

/** @rocket.chat/string-helpers `escapeRegExp`. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
