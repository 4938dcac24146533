import type { Deps } from '../../../core/types.ts';
import type { components } from '../../../generated/rocketchat.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { meteorId, randomString, BASE64_CHARS } from '../random-id.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { userBytes } from '../store/users.ts';
import { setActiveStatus } from './active-status.ts';
import { customFieldsMeta, mergeCustomFields, validateCustomFields } from './custom-fields.ts';
import { defaultChannelsFit, joinDefaultChannels } from './default-channels.ts';
import { userErrors } from './user-errors.ts';
import { checkEmailDomain, validNameChars } from './username-rules.ts';
import { validateUserData } from './validate-user-data.ts';

type CreateBody = components['schemas']['UsersCreateRequest'];

/**
 * `POST /api/v1/users.create` after validateParams (7.x route `app/api/server/v1/users.ts`, then
 * saveUser → validateUserData → saveNewUser → `Accounts.createUser`; research notes issue 10
 * §4.1), in the vendor's order:
 * name characters → custom fields → validateUserData → e-mail domain → insert (roles, default
 * channels) → name, settings, requirePasswordChange, verified, bio, nickname → custom fields →
 * `active`. Like the vendor, steps after the insert do not undo it: a too-long bio or a refused
 * `active` answers 400 and leaves the user created (without its name when the bio failed).
 */
export function createUser(store: RocketChatStore, deps: Deps, caller: StoredUser, body: CreateBody): Result<StoredUser> {
  // The route: `joinDefaultChannels` defaults to true (PR #5152).
  const joinDefault = body.joinDefaultChannels !== false;
  if (body.name && !validNameChars(body.name)) return err(userErrors.nameInvalidChars());
  if (body.customFields) {
    const valid = validateCustomFields(store, body.customFields);
    if (!valid.ok) return valid;
  }
  const checked = validateUserData(store, caller, body);
  if (!checked.ok) return checked;
  // saveUser: a random password replaces the given one and must be changed at first login.
  const password = body.setRandomPassword ? randomString(deps.random, BASE64_CHARS, 16) : body.password;
  const requirePasswordChange = body.setRandomPassword ? true : (body.requirePasswordChange ?? undefined);
  const domain = checkEmailDomain(store, body.email);
  if (!domain.ok) return domain;
  const listed = body.roles && body.roles.length > 0 ? body.roles : newUserRoles(store);
  const now = deps.now().toISOString();
  const user: StoredUser = {
    _id: meteorId(deps.random),
    username: body.username,
    // The name is set after the insert; until then the document has none.
    name: '',
    password,
    emails: [{ address: body.email, verified: false }],
    status: 'offline',
    statusDefault: undefined,
    statusText: undefined,
    active: true,
    utcOffset: undefined,
    roles: [...new Set(listed)],
    type: 'user',
    createdAt: now,
    _updatedAt: now,
    preferences: {},
    customFields: undefined,
    bio: undefined,
    nickname: undefined,
    requirePasswordChange: undefined,
  };
  if (!store.rooms.fits(userBytes(user) + (joinDefault ? defaultChannelsFit(store) : 0)) || !store.users.add(user)) {
    return err(rcErrors.sessionFull(store.byteLimit));
  }
  if (joinDefault) joinDefaultChannels(store, deps, user);
  // saveNewUser's updater: applied all at once, and not at all when the bio or nickname is refused.
  const bio = body.bio?.trim() ? body.bio : undefined;
  if (bio !== undefined && bio.length > 260) return err(userErrors.bioTooLong());
  const nickname = body.nickname?.trim() ? body.nickname : undefined;
  if (nickname !== undefined && nickname.length > 120) return err(userErrors.nicknameTooLong());
  const meta = body.customFields ? customFieldsMeta(store) : undefined;
  if (meta && !meta.ok) return meta;
  const stored = store.users.update(user, (u) => {
    u.name = body.name;
    u.requirePasswordChange = requirePasswordChange;
    const email = u.emails[0];
    if (typeof body.verified === 'boolean' && email) email.verified = body.verified;
    u.bio = bio;
    u.nickname = nickname;
    if (body.customFields && meta?.ok) u.customFields = mergeCustomFields(meta.value, u.customFields, body.customFields);
  });
  if (!stored) return err(rcErrors.sessionFull(store.byteLimit));
  if (body.active !== undefined) {
    const status = setActiveStatus(store, deps, caller, user._id, body.active, false);
    if (!status.ok) return status;
  }
  return ok(user);
}

/** `getNewUserRoles()`: `Accounts_Registration_Users_Default_Roles`, comma-separated. */
function newUserRoles(store: RocketChatStore): string[] {
  return store.settings
    .string('Accounts_Registration_Users_Default_Roles')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
}
