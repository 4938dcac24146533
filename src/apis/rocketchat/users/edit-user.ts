import type { Deps } from '../../../core/types.ts';
import type { components } from '../../../generated/rocketchat.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser, UserEmail } from '../model.ts';
import { BASE64_CHARS, randomString } from '../random-id.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { setActiveStatus } from './active-status.ts';
import { customFieldsMeta, mergeCustomFields, validateCustomFields } from './custom-fields.ts';
import { userErrors } from './user-errors.ts';
import { checkEmailDomain, emailAvailable, isReservedName, usernameAvailable, usernamePattern, validNameChars } from './username-rules.ts';
import { validateUserData } from './validate-user-data.ts';
import { validateUserEditing } from './validate-user-editing.ts';

type UpdateBody = components['schemas']['UsersUpdateRequest'];
type UpdateData = UpdateBody['data'];

/**
 * `POST /api/v1/users.update` after validateParams (7.x route `app/api/server/v1/users.ts`, then
 * saveUser; research notes issue 10 §4.4), in the vendor's order: name characters →
 * validateUserData → validateUserEditing → identity (username, name) → status text → e-mail →
 * password → bio → nickname → roles, requirePasswordChange, verified, custom fields. saveUser runs
 * in a transaction, so a failure there changes nothing; `active` is applied afterwards and its
 * failure leaves the saved fields saved. As in the vendor, a body without `bio` or `nickname`
 * clears them (handleBio/handleNickname run on every save).
 */
export function updateUser(store: RocketChatStore, deps: Deps, caller: StoredUser, body: UpdateBody): Result<StoredUser> {
  const data = body.data;
  if (data.name && !validNameChars(data.name)) return err(userErrors.nameInvalidChars());
  const checked = validateUserData(store, caller, { _id: body.userId, ...data });
  if (!checked.ok) return checked;
  const randomPassword = data.setRandomPassword ? randomString(deps.random, BASE64_CHARS, 16) : undefined;
  const target = store.users.byUserId(body.userId);
  // saveUser hands an unknown `_id` to saveNewUser, which first checks the e-mail. Modelled: the
  // user without a username the vendor would then create is not stored; the route's re-read fails.
  if (!target) {
    const domain = checkEmailDomain(store, data.email ?? undefined);
    return domain.ok ? err(userErrors.userNotFound()) : domain;
  }
  const editable = validateUserEditing(store, caller, target, data);
  if (!editable.ok) return editable;
  const change = plannedChange(store, caller, target, data, randomPassword);
  if (!change.ok) return change;
  if (!store.users.update(target, (u) => Object.assign(u, change.value, { _updatedAt: deps.now().toISOString() }))) {
    return err(rcErrors.sessionFull(store.byteLimit));
  }
  if (data.active !== undefined) {
    const status = setActiveStatus(store, deps, caller, target._id, data.active, Boolean(body.confirmRelinquish));
    if (!status.ok) return status;
  }
  return ok(target);
}

type Change = Partial<Pick<StoredUser, 'username' | 'name' | 'statusText' | 'emails' | 'password' | 'bio' | 'nickname' | 'roles' | 'requirePasswordChange' | 'customFields'>>;

/** The saveUser updater: every field's new value, or the first error (nothing is applied then). */
function plannedChange(store: RocketChatStore, caller: StoredUser, target: StoredUser, data: UpdateData, randomPassword: string | undefined): Result<Change> {
  const change: Change = {};
  if (Object.hasOwn(data, 'username') || Object.hasOwn(data, 'name')) {
    const identity = identityChange(store, target, data);
    if (!identity.ok) return identity;
    Object.assign(change, identity.value);
  }
  if (typeof data.statusText === 'string') change.statusText = data.statusText.trim().slice(0, 120);
  let emails: UserEmail[] = target.emails.map((e) => ({ ...e }));
  if (data.email) {
    const email = data.email.trim();
    if (!email) return err(userErrors.blankEmail());
    const domain = checkEmailDomain(store, email);
    if (!domain.ok) return domain;
    const first = emails[0];
    if (first?.address === email) {
      // Modelled on users.ts "…verified correctly even if email is not changed".
      if (data.verified === true) first.verified = true;
    } else {
      if (!emailAvailable(store, email)) return err(userErrors.emailUnavailable(email));
      emails = [{ address: email, verified: data.verified === true }];
    }
  } else if (typeof data.verified === 'boolean' && emails[0]) {
    emails[0].verified = data.verified;
  }
  change.emails = emails;
  const password = randomPassword ?? data.password?.trim();
  if (password && store.authz.hasPermission(caller, 'edit-other-user-password')) change.password = password;
  // handleBio / handleNickname: a blank or absent value unsets the field.
  change.bio = data.bio?.trim() ? data.bio : undefined;
  if (change.bio !== undefined && change.bio.length > 260) return err(userErrors.bioTooLong());
  change.nickname = data.nickname?.trim() ? data.nickname : undefined;
  if (change.nickname !== undefined && change.nickname.length > 120) return err(userErrors.nicknameTooLong());
  if (data.roles) change.roles = [...data.roles];
  if (randomPassword !== undefined) change.requirePasswordChange = true;
  // Modelled: `requirePasswordChange: null` removes the flag (the vendor stores null).
  else if (data.requirePasswordChange !== undefined) change.requirePasswordChange = data.requirePasswordChange ?? undefined;
  if (data.customFields) {
    const valid = validateCustomFields(store, data.customFields);
    if (!valid.ok) return valid;
    const meta = customFieldsMeta(store);
    if (!meta.ok) return meta;
    change.customFields = mergeCustomFields(meta.value, target.customFields, data.customFields);
  }
  return ok(change);
}

/**
 * `saveUserIdentity`: both values are `String(…).trim()`ed. A new username must not be reserved,
 * must match the pattern and be free (a blocked one throws); an empty new name fails while
 * `Accounts_RequireNameForSignUp` is on. Any refusal is `error-could-not-save-identity`.
 */
function identityChange(store: RocketChatStore, target: StoredUser, data: UpdateData): Result<Change> {
  const change: Change = {};
  const username = String(data.username).trim();
  if (data.username !== undefined && username !== target.username) {
    if (isReservedName(store, username) || !username || !usernamePattern(store).test(username)) return err(userErrors.couldNotSaveIdentity());
    if (username.toLowerCase() !== target.username.toLowerCase()) {
      const available = usernameAvailable(store, username);
      if (!available.ok) return available;
      if (!available.value) return err(userErrors.couldNotSaveIdentity());
    }
    change.username = username;
  }
  const name = String(data.name).trim();
  if (data.name !== undefined && name !== target.name) {
    if (!name && store.settings.boolean('Accounts_RequireNameForSignUp')) return err(userErrors.couldNotSaveIdentity());
    change.name = name;
  }
  return ok(change);
}
