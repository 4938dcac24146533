import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * users.info's search (7.x route `app/api/server/v1/users.ts`, vendor `getFullUserData.ts`;
 * research notes issue 10 §4.2): the first non-empty of `userId`, `username`, `importId`.
 */

export type SearchType = 'id' | 'username' | 'importId';

/** The search term, or undefined ("Invalid search query."). */
export function searchTermOf(query: unknown): { readonly value: string; readonly type: SearchType } | undefined {
  for (const [key, type] of [['userId', 'id'], ['username', 'username'], ['importId', 'importId']] as const) {
    const value = own(query, key);
    if (typeof value === 'string' && value !== '') return { value, type };
  }
  return undefined;
}

/** A found user and what the caller may see of it. */
export interface FullUserData {
  readonly user: StoredUser;
  /** The search named the caller (by `_id` or exact username). */
  readonly myself: boolean;
  readonly canViewAllInfo: boolean;
}

/**
 * `getFullUserDataByIdOrUsernameOrImportId`: "myself" when the term is the caller's `_id` or
 * exact username; `canViewAllInfo` for oneself or with `view-full-other-user-info`. An id or a
 * username term matches either field (`findOneByIdOrUsername`). Import ids are only searched with
 * `canViewAllInfo`; the twin stores none, so they never match.
 */
export function fullUserData(store: RocketChatStore, caller: StoredUser, term: { readonly value: string; readonly type: SearchType }): FullUserData | undefined {
  const myself = (term.type === 'id' && term.value === caller._id) || (term.type === 'username' && term.value === caller.username);
  const canViewAllInfo = myself || store.authz.hasPermission(caller, 'view-full-other-user-info');
  if (term.type === 'importId') return undefined;
  const user = store.users.byUserId(term.value) ?? store.users.byUsername(term.value);
  return user ? { user, myself, canViewAllInfo } : undefined;
}
