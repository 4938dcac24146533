import { failure, meteorError, type Failure } from '../errors.ts';

/**
 * The error bodies of users.create / info / delete / update (research notes issue 10 §4; vendor
 * files `app/lib/server/functions/saveUser/validateUserData.ts`, `validateUserEditing.ts`,
 * `handleBio.ts`, `handleNickname.ts`, `saveUser.ts`, `checkUsernameAvailability.ts`,
 * `validateCustomFields.ts`, `setEmail.ts`, `lib/validateEmailDomain.ts`, `setUserActiveStatus.ts`,
 * `deleteUser.ts`, `api/server/helpers/getUserFromParams.ts`, `api/server/v1/users.ts`).
 * Meteor errors become `{success:false, error:"<reason> [<code>]", errorType, details?}` (AC).
 */

const SAVE = 'insertOrUpdateUser';

// `lodash.escape` (validateUserData) and underscore's `_.escape` (checkUsernameAvailability)
// differ in the apostrophe and the backtick.
const LODASH: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNDERSCORE: Readonly<Record<string, string>> = { ...LODASH, "'": '&#x27;', '`': '&#x60;' };

/** `lodash.escape`. */
export function lodashEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => LODASH[c] ?? c);
}

/** underscore's `_.escape`. */
export function underscoreEscape(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => UNDERSCORE[c] ?? c);
}

function actionNotAllowed(reason: string, action: string): Failure {
  return meteorError('error-action-not-allowed', reason, { method: SAVE, action });
}

/** The catalog. */
export const userErrors = {
  /** Route check of users.create / users.update (`validateNameChars`): a plain failure, no errorType. */
  nameInvalidChars: () => failure('Name contains invalid characters'),
  customFieldsInvalidJson: () => meteorError('error-invalid-customfield-json', 'Invalid JSON for Custom Fields'),
  /** validateCustomFields: `Field X is required`, `Value for field X is invalid`, `Max/Min length of field X N`. */
  customField: (reason: string) => meteorError('error-user-registration-custom-field', reason, { method: 'registerUser' }),
  // validateUserData, in its order.
  editingVerificationNotAllowed: () => actionNotAllowed('Editing email verification is not allowed', 'Editing_user'),
  editingNotAllowed: () => actionNotAllowed('Editing user is not allowed', 'Editing_user'),
  addingNotAllowed: () => actionNotAllowed('Adding user is not allowed', 'Adding_user'),
  invalidRoleId: () => actionNotAllowed('The field Roles consist invalid role id', 'Assign_role'),
  assignAdminNotAllowed: () => actionNotAllowed('Assigning admin is not allowed', 'Assign_admin'),
  fieldRequired: (field: 'Name' | 'Username' | 'Password') =>
    meteorError('error-the-field-is-required', `The field ${field} is required`, { method: SAVE, field }),
  invalidUsername: (username: string) =>
    meteorError('error-input-is-not-a-valid-field', `${lodashEscape(username)} is not a valid username`, { method: SAVE, input: username, field: 'Username' }),
  /** checkUsernameAvailability: a blocked or reserved name throws, whatever the caller. */
  blockedUsername: (username: string) =>
    meteorError('error-blocked-username', `${underscoreEscape(username)} is blocked and can't be used!`, { method: 'checkUsernameAvailability', field: username }),
  /** validateUserData: username or e-mail taken (`field` is the value itself). */
  fieldUnavailable: (value: string) => meteorError('error-field-unavailable', `${lodashEscape(value)} is already in use :(`, { method: SAVE, field: value }),
  // validateUserEditing (update only).
  assignRolesNotAllowed: () => actionNotAllowed('Assign roles is not allowed', 'Assign_role'),
  editNotAllowed: (what: 'user profile' | 'username' | 'user status' | 'user real name' | 'user email' | 'user password') =>
    actionNotAllowed(`Edit ${what} is not allowed`, 'Update_user'),
  // saveUser / saveNewUser side effects.
  couldNotSaveIdentity: () => meteorError('error-could-not-save-identity', 'Could not save user identity', { method: 'saveUser' }),
  /** validateEmailDomain: `Invalid email <email>` (not escaped; an absent e-mail reads `undefined`). */
  invalidEmail: (email: string | undefined) =>
    meteorError('error-invalid-email', `Invalid email ${String(email)}`, { function: 'RocketChat.validateEmailDomain', ...(email === undefined ? {} : { email }) }),
  domainNotAllowed: () => meteorError('error-invalid-domain', 'The email domain is not in whitelist', { function: 'RocketChat.validateEmailDomain' }),
  domainBlocked: () => meteorError('error-email-domain-blacklisted', 'The email domain is blacklisted', { function: 'RocketChat.validateEmailDomain' }),
  /** _setEmail: a blank address. */
  blankEmail: () => meteorError('error-invalid-email', 'Invalid email', { function: '_setEmail' }),
  /** _setEmail: the address belongs to someone (not escaped, `function` rather than `method`). */
  emailUnavailable: (email: string) => meteorError('error-field-unavailable', `${email} is already in use :(`, { function: '_setEmail', field: email }),
  bioTooLong: () => meteorError('error-bio-size-exceeded', 'Bio size exceeds 260 characters', { method: 'saveUserProfile' }),
  nicknameTooLong: () => meteorError('error-nickname-size-exceeded', 'Nickname size exceeds 120 characters', { method: 'saveUserProfile' }),
  // setUserActiveStatus.
  activeStatusNotAllowed: () => meteorError('error-not-allowed', 'Not allowed', { method: 'setUserActiveStatus' }),
  lastAdmin: () =>
    meteorError('error-action-not-allowed', 'Leaving the app without an active admin is not allowed', { method: 'removeUserFromRole', action: 'Remove_last_admin' }),
  /** `Meteor.Error('user-last-owner', '', rooms)`: an empty reason leaves only the code in `error`. */
  lastOwner: (rooms: { shouldBeRemoved: string[]; shouldChangeOwner: string[] }): Failure => ({
    success: false,
    error: '[user-last-owner]',
    errorType: 'user-last-owner',
    details: { shouldBeRemoved: rooms.shouldBeRemoved, shouldChangeOwner: rooms.shouldChangeOwner },
  }),
  // Routes.
  /** users.create / users.update: the user is gone when the route reads it back. */
  userNotFound: () => failure('User not found'),
  infoInvalidSearch: () => failure('Invalid search query.'),
  infoNotFound: () => failure('User not found.'),
  // getUserFromParams.
  userParamNotProvided: () => meteorError('error-user-param-not-provided', 'The required "userId" or "username" param was not provided'),
  invalidUser: () => meteorError('error-invalid-user', 'The required "userId" or "username" param provided does not match any users'),
  /** deleteUser refuses the bot the server itself needs. */
  deleteRocketCat: () =>
    meteorError('error-action-not-allowed', 'Deleting the rocket.cat user is not allowed', { method: 'deleteUser', action: 'Delete_user' }),
} as const;
