import { describe, expect, it } from 'vitest';
import type { ApiSession } from '../../../../../src/core/api.ts';
import type { StoredUser } from '../../../../../src/apis/rocketchat/model.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { TESTER_ID, TESTER_TOKEN, authHeaders } from '../support.ts';
import { actionNotAllowed, ADMIN, ADMIN_ID, createdUser, headersOf, meteor, send, usersWorld } from './users-support.ts';

const AT = '2025-01-01T00:00:00.000Z';

function update(session: ApiSession, userId: string, data: Record<string, unknown>, headers = ADMIN, extra: Record<string, unknown> = {}) {
  return send(session, 'usersUpdate', { headers, body: { userId, data, ...extra } });
}

async function world(): Promise<{ store: RocketChatStore; session: ApiSession; user: StoredUser }> {
  const { store, session } = usersWorld();
  const user = await createdUser(store, session, 'edit.me');
  return { store, session, user };
}

describe('users.update: changes (research notes issue 10 §4.4, users.ts "[/users.update]")', () => {
  it('email, name, username, password, active, roles by userId', async () => {
    const { store, session, user } = await world();
    const res = await update(session, user._id, { email: 'edited@rocket.chat', name: 'Edited', username: 'edited.user', password: ' newpass ', active: true, roles: ['user'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: {
        _id: user._id,
        createdAt: user.createdAt,
        username: 'edited.user',
        emails: [{ address: 'edited@rocket.chat', verified: false }],
        type: 'user',
        status: 'offline',
        active: true,
        roles: ['user'],
        _updatedAt: user._updatedAt,
        name: 'Edited',
        settings: {},
      },
      success: true,
    });
    // The password is trimmed; the new username and address index the user.
    expect(user.password).toBe('newpass');
    expect(store.users.byUsername('edited.user')).toBe(user);
    expect(store.users.byUsername('edit.me')).toBeUndefined();
    expect(store.users.byEmailAddress('edited@rocket.chat')).toBe(user);
  });

  it('a new e-mail is unverified unless verified:true; verified alone sets the flag', async () => {
    const { session, user } = await world();
    await update(session, user._id, { verified: true });
    expect(user.emails[0]).toEqual({ address: 'edit.me@rocket.chat', verified: true });
    await update(session, user._id, { email: 'second@rocket.chat' });
    expect(user.emails[0]).toEqual({ address: 'second@rocket.chat', verified: false });
    await update(session, user._id, { email: 'third@rocket.chat', verified: true });
    expect(user.emails[0]).toEqual({ address: 'third@rocket.chat', verified: true });
    await update(session, user._id, { verified: false });
    await update(session, user._id, { email: 'third@rocket.chat', verified: true });
    expect(user.emails[0]?.verified).toBe(true);
  });

  it('bio and nickname are set, limited, and cleared by an update without them (handleBio/handleNickname)', async () => {
    const { session, user } = await world();
    expect((await update(session, user._id, { bio: 'b'.repeat(260), nickname: 'n'.repeat(120) })).body).toMatchObject({ user: { bio: 'b'.repeat(260), nickname: 'n'.repeat(120) } });
    expect((await update(session, user._id, { bio: 'b'.repeat(261) })).body).toEqual(meteor('error-bio-size-exceeded', 'Bio size exceeds 260 characters', { method: 'saveUserProfile' }));
    expect((await update(session, user._id, { nickname: 'n'.repeat(121) })).body).toEqual(
      meteor('error-nickname-size-exceeded', 'Nickname size exceeds 120 characters', { method: 'saveUserProfile' }),
    );
    expect(user.bio).toBe('b'.repeat(260));
    const res = await update(session, user._id, { name: 'Other' });
    expect(res.body).not.toHaveProperty('user.bio');
    expect(res.body).not.toHaveProperty('user.nickname');
  });

  it('statusText is trimmed and cut at 120; rocket.cat (no e-mail) gets one', async () => {
    const { store, session, user } = await world();
    await update(session, user._id, { statusText: `  ${'s'.repeat(130)} ` });
    expect(user.statusText).toBe('s'.repeat(120));
    expect((await update(session, 'rocket.cat', { email: 'cat@rocket.chat' })).status).toBe(200);
    expect(store.users.byUserId('rocket.cat')?.emails).toEqual([{ address: 'cat@rocket.chat', verified: false }]);
  });

  it('requirePasswordChange:false clears the flag; setRandomPassword sets a new one', async () => {
    const { store, session } = usersWorld();
    const user = await createdUser(store, session, 'must.change', { requirePasswordChange: true });
    expect((await update(session, user._id, { requirePasswordChange: false })).body).toMatchObject({ user: { requirePasswordChange: false } });
    await update(session, user._id, { setRandomPassword: true });
    expect(user.requirePasswordChange).toBe(true);
    expect(user.password).not.toBe('rocket.chat');
  });

  it('custom fields are merged; "" and null are kept; required ones are validated (users.ts "Custom Fields")', async () => {
    const { store, session, user } = await world();
    store.settings.set('Accounts_CustomFields', JSON.stringify({ customFieldText1: { type: 'text' }, customFieldText2: { type: 'text' } }));
    await update(session, user._id, { customFields: { customFieldText1: 'value1', customFieldText2: 'value2' } });
    expect((await update(session, user._id, { customFields: { customFieldText1: 'updated1' } })).body).toMatchObject({
      user: { customFields: { customFieldText1: 'updated1', customFieldText2: 'value2' } },
    });
    expect((await send(session, 'usersInfo', { query: { userId: user._id } })).body).toMatchObject({ user: { customFields: { customFieldText1: 'updated1', customFieldText2: 'value2' } } });
    expect((await update(session, user._id, { customFields: { customFieldText1: '' } })).body).toMatchObject({ user: { customFields: { customFieldText1: '' } } });
    expect((await update(session, user._id, { customFields: { customFieldText1: null, other: 'x' } })).body).toMatchObject({
      user: { customFields: { customFieldText1: null, customFieldText2: 'value2' } },
    });
    expect(user.customFields).not.toHaveProperty('other');
    store.settings.set('Accounts_CustomFields', JSON.stringify({ customFieldText1: { type: 'text', required: true } }));
    expect((await update(session, user._id, { customFields: { customFieldText2: 'x' } })).body).toMatchObject({ errorType: 'error-user-registration-custom-field' });
  });
});

describe('users.update: errors in the vendor order', () => {
  it('name characters, verified on oneself, another user without edit-other-user-info', async () => {
    const { store, session, user } = await world();
    const own = headersOf(store, user);
    expect((await update(session, user._id, { name: '</\\name>' })).body).toEqual({ success: false, error: 'Name contains invalid characters' });
    expect((await update(session, user._id, { verified: true }, own)).body).toEqual(actionNotAllowed('Editing email verification is not allowed', 'Editing_user'));
    expect((await update(session, TESTER_ID, { name: 'x' }, own)).body).toEqual(actionNotAllowed('Editing user is not allowed', 'Editing_user'));
  });

  it('roles: unknown, admin without assign-admin-role, changed without assign-roles', async () => {
    const { store, session, user } = await world();
    expect((await update(session, user._id, { roles: ['nope'] })).body).toEqual(actionNotAllowed('The field Roles consist invalid role id', 'Assign_role'));
    store.authz.setPermission('assign-admin-role', [], AT);
    expect((await update(session, user._id, { roles: ['admin'] })).body).toEqual(actionNotAllowed('Assigning admin is not allowed', 'Assign_admin'));
    store.authz.setPermission('assign-roles', [], AT);
    expect((await update(session, user._id, { roles: ['guest'] })).body).toEqual(actionNotAllowed('Assign roles is not allowed', 'Assign_role'));
    expect((await update(session, user._id, { roles: ['user'] })).status).toBe(200);
  });

  it.each([
    ['Accounts_AllowUsernameChange', { username: 'renamed.self' }, 'username'],
    ['Accounts_AllowRealNameChange', { name: 'Renamed' }, 'user real name'],
    ['Accounts_AllowUserStatusMessageChange', { statusText: 'busy' }, 'user status'],
    ['Accounts_AllowEmailChange', { email: 'renamed@rocket.chat' }, 'user email'],
    ['Accounts_AllowPasswordChange', { password: 'other' }, 'user password'],
  ] as const)('%s off: refused to the user itself, allowed to an admin editing someone else', async (setting, data, what) => {
    const { store, session, user } = await world();
    store.settings.set(setting, false);
    expect((await update(session, user._id, data, headersOf(store, user))).body).toEqual(actionNotAllowed(`Edit ${what} is not allowed`, 'Update_user'));
    expect((await update(session, user._id, data)).status).toBe(200);
    // The admin editing itself is refused as well.
    const self = setting === 'Accounts_AllowUsernameChange' ? { username: 'admin.renamed' } : data;
    expect((await update(session, ADMIN_ID, self)).body).toMatchObject({ errorType: 'error-action-not-allowed' });
  });

  it('Accounts_AllowUserProfileChange off: refused unless the caller may edit other users', async () => {
    const { store, session, user } = await world();
    store.settings.set('Accounts_AllowUserProfileChange', false);
    expect((await update(session, user._id, { name: 'x' }, headersOf(store, user))).body).toEqual(actionNotAllowed('Edit user profile is not allowed', 'Update_user'));
    expect((await update(session, user._id, { name: 'x' })).status).toBe(200);
  });

  it('a password change by a user without edit-other-user-password is ignored', async () => {
    const { session } = usersWorld();
    const tester = authHeaders(TESTER_ID, TESTER_TOKEN);
    expect((await update(session, TESTER_ID, { password: 'changed' }, tester)).status).toBe(200);
    const login = await send(session, 'login', { headers: {}, body: { user: 'tester', password: 'tester' } });
    expect(login.status).toBe(200);
  });

  it.each(['admin', 'administrator', 'system', 'user'])('reserved username %s: Could not save user identity (users.ts)', async (name) => {
    const { session, user } = await world();
    expect((await update(session, user._id, { username: name })).body).toEqual(meteor('error-could-not-save-identity', 'Could not save user identity', { method: 'saveUser' }));
  });

  it('identity: taken username, empty name; blocked names throw; a case change of one\'s own name is fine', async () => {
    const { store, session, user } = await world();
    const identity = meteor('error-could-not-save-identity', 'Could not save user identity', { method: 'saveUser' });
    expect((await update(session, user._id, { username: 'TESTER' })).body).toEqual(identity);
    expect((await update(session, user._id, { name: '  ' })).body).toEqual(identity);
    expect((await update(session, user._id, { username: 'all' })).body).toMatchObject({ errorType: 'error-blocked-username' });
    expect((await update(session, user._id, { username: 'bad name' })).body).toMatchObject({ errorType: 'error-input-is-not-a-valid-field' });
    expect((await update(session, user._id, { username: 'Edit.Me' })).status).toBe(200);
    expect(store.users.byUserId(user._id)?.username).toBe('Edit.Me');
  });

  it('e-mail: blank, invalid, taken; nothing of the update is kept then', async () => {
    const { session, user } = await world();
    expect((await update(session, user._id, { email: '   ' })).body).toEqual(meteor('error-invalid-email', 'Invalid email', { function: '_setEmail' }));
    expect((await update(session, user._id, { email: 'nope' })).body).toMatchObject({ errorType: 'error-invalid-email' });
    const taken = await update(session, user._id, { username: 'renamed.first', email: 'tester@example.com' });
    expect(taken.body).toEqual(meteor('error-field-unavailable', 'tester@example.com is already in use :(', { function: '_setEmail', field: 'tester@example.com' }));
    expect(user.username).toBe('edit.me');
  });

  it('an unknown userId: the e-mail check of saveNewUser, then "User not found"', async () => {
    const { store, session } = usersWorld();
    const count = store.users.all().length;
    expect((await update(session, 'nobody', {})).body).toEqual(meteor('error-invalid-email', 'Invalid email undefined', { function: 'RocketChat.validateEmailDomain' }));
    expect((await update(session, 'nobody', { email: 'n@rocket.chat' })).body).toEqual({ success: false, error: 'User not found' });
    expect(store.users.all()).toHaveLength(count);
  });

  it('active: needs edit-other-user-active-status; the last active admin stays; deactivation ends sessions', async () => {
    const { store, session, user } = await world();
    const own = headersOf(store, user);
    expect((await update(session, user._id, { active: false }, own)).body).toEqual(meteor('error-not-allowed', 'Not allowed', { method: 'setUserActiveStatus' }));
    expect((await update(session, ADMIN_ID, { active: false })).body).toEqual(
      meteor('error-action-not-allowed', 'Leaving the app without an active admin is not allowed', { method: 'removeUserFromRole', action: 'Remove_last_admin' }),
    );
    expect((await update(session, user._id, { active: false })).body).toMatchObject({ user: { active: false } });
    expect((await send(session, 'me', { headers: own })).status).toBe(401);
    expect((await update(session, user._id, { active: true })).body).toMatchObject({ user: { active: true } });
  });

  it('deactivating the last owner of a room needs confirmRelinquish, which hands the room over', async () => {
    const { store, session, user } = await world();
    const own = headersOf(store, user);
    const group = await send(session, 'groupsCreate', { headers: own, body: { name: 'owned-room', members: ['tester'] } });
    const rid = (group.body as { group: { _id: string } }).group._id;
    expect((await update(session, user._id, { active: false })).body).toEqual({
      success: false,
      error: '[user-last-owner]',
      errorType: 'user-last-owner',
      details: { shouldBeRemoved: [], shouldChangeOwner: ['owned-room'] },
    });
    expect((await update(session, user._id, { active: false }, ADMIN, { confirmRelinquish: true })).status).toBe(200);
    expect(store.rooms.subscription(rid, TESTER_ID)?.roles).toEqual(['owner']);
  });
});
