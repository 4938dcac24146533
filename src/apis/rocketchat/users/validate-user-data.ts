import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { userErrors } from './user-errors.ts';
import { emailAvailable, usernameAvailable, usernamePattern } from './username-rules.ts';

/**
 * `validateUserData(userId, userData)` (vendor `saveUser/validateUserData.ts`; research notes
 * issue 10 §4.1 table), the first step of saveUser for both users.create (`_id` absent) and
 * users.update (`_id` set), in the vendor's exact order. Each check throws a Meteor error; the
 * first one is the answer.
 */

/** What saveUser reads of the body (users.create's body, or users.update's `data` plus `_id`). */
export interface SaveUserData {
  readonly _id?: string;
  readonly username?: string | null;
  readonly name?: string | null;
  readonly email?: string | null;
  readonly password?: string | null;
  readonly setRandomPassword?: boolean | null;
  readonly verified?: boolean | null;
  readonly roles?: readonly string[] | null;
}

/** lib/utils/stringUtils `trim`. */
function trim(value: string | null | undefined): string {
  return (value ?? '').trim();
}

/** Runs the checks for `caller`; ok when saveUser may go on. */
export function validateUserData(store: RocketChatStore, caller: StoredUser, data: SaveUserData): Result<void> {
  const isUpdate = data._id !== undefined && data._id !== '';
  if (data.verified && isUpdate && caller._id === data._id) return err(userErrors.editingVerificationNotAllowed());
  if (isUpdate && caller._id !== data._id && !store.authz.hasPermission(caller, 'edit-other-user-info')) return err(userErrors.editingNotAllowed());
  if (!isUpdate && !store.authz.hasPermission(caller, 'create-user')) return err(userErrors.addingNotAllowed());
  if (data.roles) {
    if (data.roles.some((role) => store.authz.role(role) === undefined)) return err(userErrors.invalidRoleId());
    if (data.roles.includes('admin') && !store.authz.hasPermission(caller, 'assign-admin-role')) return err(userErrors.assignAdminNotAllowed());
  }
  if (!isUpdate && store.settings.boolean('Accounts_RequireNameForSignUp') && !trim(data.name)) return err(userErrors.fieldRequired('Name'));
  if (!isUpdate && !trim(data.username)) return err(userErrors.fieldRequired('Username'));
  if (data.username && !usernamePattern(store).test(data.username)) return err(userErrors.invalidUsername(data.username));
  if (!isUpdate && !data.password && !data.setRandomPassword) return err(userErrors.fieldRequired('Password'));
  if (!isUpdate) {
    if (data.username) {
      const available = usernameAvailable(store, data.username);
      if (!available.ok) return available;
      if (!available.value) return err(userErrors.fieldUnavailable(data.username));
    }
    if (data.email && !emailAvailable(store, data.email)) return err(userErrors.fieldUnavailable(data.email));
  }
  return ok(undefined);
}
