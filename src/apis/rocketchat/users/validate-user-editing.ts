import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { userErrors } from './user-errors.ts';

/**
 * `validateUserEditing(userId, userData)` (vendor `saveUser/validateUserEditing.ts`; research
 * notes issue 10 §4.4 item 4), run by users.update on an existing user after validateUserData:
 * changing roles needs `assign-roles`; each `Accounts_Allow*Change` setting that is off refuses
 * its field unless the caller may edit other users (`edit-other-user-info`, or
 * `edit-other-user-password` for the password) and is not editing itself.
 */

/** What validateUserEditing reads of `data`. */
export interface EditedFields {
  readonly username?: string | null;
  readonly name?: string | null;
  readonly statusText?: string | null;
  readonly email?: string | null;
  readonly password?: string | null;
  readonly roles?: readonly string[] | null;
}

function editing(previous: string | undefined, next: string | null | undefined): boolean {
  return next !== undefined && next !== previous;
}

function editingRoles(previous: readonly string[], next: readonly string[] | null | undefined): boolean {
  // Modelled: `null` counts as no change (the vendor would throw on it).
  return next !== undefined && next !== null && (next.some((role) => !previous.includes(role)) || previous.some((role) => !next.includes(role)));
}

/** Runs the checks for `caller` editing `target`. */
export function validateUserEditing(store: RocketChatStore, caller: StoredUser, target: StoredUser, data: EditedFields): Result<void> {
  const myself = caller._id === target._id;
  const otherInfo = store.authz.hasPermission(caller, 'edit-other-user-info');
  const otherPassword = store.authz.hasPermission(caller, 'edit-other-user-password');
  const setting = (id: string): boolean => store.settings.boolean(id);
  const asOther = otherInfo && !myself;
  if (editingRoles(target.roles, data.roles) && !store.authz.hasPermission(caller, 'assign-roles')) return err(userErrors.assignRolesNotAllowed());
  if (!setting('Accounts_AllowUserProfileChange') && !otherInfo && !otherPassword) return err(userErrors.editNotAllowed('user profile'));
  if (editing(target.username, data.username) && !setting('Accounts_AllowUsernameChange') && !asOther) return err(userErrors.editNotAllowed('username'));
  if (editing(target.statusText, data.statusText) && !setting('Accounts_AllowUserStatusMessageChange') && !asOther) {
    return err(userErrors.editNotAllowed('user status'));
  }
  if (editing(target.name, data.name) && !setting('Accounts_AllowRealNameChange') && !asOther) return err(userErrors.editNotAllowed('user real name'));
  const email = target.emails[0];
  if (email && editing(email.address, data.email) && !setting('Accounts_AllowEmailChange') && !asOther) return err(userErrors.editNotAllowed('user email'));
  if (data.password && !setting('Accounts_AllowPasswordChange') && !(otherPassword && !myself)) return err(userErrors.editNotAllowed('user password'));
  return ok(undefined);
}
