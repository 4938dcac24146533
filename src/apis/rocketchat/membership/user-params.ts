import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { membershipErrors } from './membership-errors.ts';

/**
 * getUserFromParams (apps/meteor/server/api/lib/getUserFromParams.ts; research notes issue 11 §5):
 * a `userId` that is not blank wins, else `username`, else `user`, both matched ignoring case.
 * Modelled: a value that is not a string counts as absent (the vendor's `.trim()` would throw).
 */
export function userFromParams(store: RocketChatStore, params: unknown): Result<StoredUser> {
  const userId = text(own(params, 'userId'));
  const username = text(own(params, 'username'));
  const user = text(own(params, 'user'));
  let found: StoredUser | undefined;
  if (userId?.trim()) found = store.users.byUserId(userId);
  else if (username?.trim()) found = store.users.byUsernameIgnoringCase(username);
  else if (user?.trim()) found = store.users.byUsernameIgnoringCase(user);
  else return err(membershipErrors.userParamNotProvided());
  return found ? ok(found) : err(membershipErrors.invalidUser());
}

/**
 * isUserFromParams (apps/meteor/server/api/lib/isUserFromParams.ts): true when the parameters name
 * no user at all, or name the caller by id or username (exact).
 */
export function namesCaller(params: unknown, caller: StoredUser): boolean {
  const userId = own(params, 'userId');
  const username = own(params, 'username');
  const user = own(params, 'user');
  return (
    (!userId && !username && !user) ||
    (Boolean(userId) && userId === caller._id) ||
    (Boolean(username) && username === caller.username) ||
    (Boolean(user) && user === caller.username)
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
