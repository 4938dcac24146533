import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter } from '../../../../../src/core/byte-budget.ts';
import { createRocketChatSession } from '../../../../../src/apis/rocketchat/session.ts';
import type { StoredUser } from '../../../../../src/apis/rocketchat/model.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { freshStore, pinnedDeps, TESTER_ID } from '../support.ts';
import { actionNotAllowed, ADMIN, ADMIN_ID, createdUser, headersOf, meteor, newUserBody, send, usersWorld } from './users-support.ts';

function tester(store: RocketChatStore): StoredUser {
  const user = store.users.byUserId(TESTER_ID);
  if (!user) throw new Error('no tester');
  return user;
}

const CUSTOM_TEXT = JSON.stringify({ customFieldText: { type: 'text', required: true, minLength: 2, maxLength: 10 } });

describe('users.create: what is stored and answered (research notes issue 10 §4.1)', () => {
  it('the vendor helper body: role user, unverified e-mail, settings {}, joins GENERAL, no services', async () => {
    const { store, session } = usersWorld();
    const general = store.rooms.room('GENERAL');
    const before = { users: general?.usersCount ?? 0, msgs: general?.msgs ?? 0 };
    const res = await send(session, 'usersCreate', { body: newUserBody('user.test.1') });
    const user = store.users.byUsername('user.test.1');
    expect(user).toBeDefined();
    expect(res).toEqual({
      status: 200,
      body: {
        user: {
          _id: user?._id,
          createdAt: user?.createdAt,
          username: 'user.test.1',
          emails: [{ address: 'user.test.1@rocket.chat', verified: false }],
          type: 'user',
          status: 'offline',
          active: true,
          roles: ['user'],
          _updatedAt: user?._updatedAt,
          name: 'user.test.1',
          settings: {},
        },
        success: true,
      },
    });
    // joinDefaultChannels defaults to true: a subscription with an alert and a `uj` message without a name.
    expect(store.rooms.subscription('GENERAL', user?._id ?? '')).toMatchObject({ alert: true, unread: 1, userMentions: 1, roles: [] });
    expect(general?.usersCount).toBe(before.users + 1);
    expect(general?.msgs).toBe(before.msgs + 1);
    expect(store.messages.ofRoom('GENERAL').at(-1)).toMatchObject({ t: 'uj', msg: 'user.test.1', u: { _id: user?._id, username: 'user.test.1' } });
    expect(store.messages.ofRoom('GENERAL').at(-1)?.u).not.toHaveProperty('name');
    // The password works at once.
    expect(user?.password).toBe('rocket.chat');
  });

  it('verified, bio, nickname, requirePasswordChange, customFields (defined fields only), roles as given', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_CustomFields', CUSTOM_TEXT);
    const body = newUserBody('cf.user', {
      verified: true,
      bio: 'about me',
      nickname: 'nick',
      requirePasswordChange: true,
      roles: ['guest'],
      joinDefaultChannels: false,
      customFields: { customFieldText: 'success', undefinedField: 'dropped' },
    });
    const res = await send(session, 'usersCreate', { body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user: {
        emails: [{ address: 'cf.user@rocket.chat', verified: true }],
        roles: ['guest'],
        requirePasswordChange: true,
        bio: 'about me',
        nickname: 'nick',
        customFields: { customFieldText: 'success' },
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('undefinedField');
    expect(store.rooms.subscription('GENERAL', store.users.byUsername('cf.user')?._id ?? '')).toBeUndefined();
  });

  it('without roles: Accounts_Registration_Users_Default_Roles (users.ts "default roles")', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_Registration_Users_Default_Roles', 'user, admin');
    expect((await createdUser(store, session, 'default.roles')).roles).toEqual(['user', 'admin']);
    expect((await createdUser(store, session, 'only.guest', { roles: ['guest'] })).roles).toEqual(['guest']);
  });

  it('a caller without view-full-other-user-info sees the limited projection', async () => {
    const { store, session } = usersWorld();
    store.authz.setPermission('create-user', ['admin', 'user'], '2025-01-01T00:00:00.000Z');
    store.settings.set('Accounts_CustomFields', JSON.stringify({ secret: { type: 'text' }, shown: { type: 'text', public: true } }));
    const res = await send(session, 'usersCreate', {
      headers: headersOf(store, tester(store)),
      body: newUserBody('limited.view', { customFields: { secret: 's', shown: 'p' } }),
    });
    const user = store.users.byUsername('limited.view');
    expect(res.body).toEqual({
      user: { _id: user?._id, username: 'limited.view', type: 'user', status: 'offline', active: true, name: 'limited.view', customFields: { shown: 'p' } },
      success: true,
    });
  });

  it('setRandomPassword replaces the password and requires a change', async () => {
    const { store, session } = usersWorld();
    const user = await createdUser(store, session, 'random.pw', { setRandomPassword: true });
    expect(user.password).not.toBe('rocket.chat');
    expect(user.password).toHaveLength(16);
    expect(user.requirePasswordChange).toBe(true);
  });
});

describe('users.create: errors in the vendor order', () => {
  it('name characters, then custom fields, then create-user (a user without it gets those first)', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_CustomFields', CUSTOM_TEXT);
    const testerHeaders = headersOf(store, tester(store));
    expect((await send(session, 'usersCreate', { headers: testerHeaders, body: newUserBody('x1', { name: '</\\name>' }) })).body).toEqual({
      success: false,
      error: 'Name contains invalid characters',
    });
    const customField = meteor('error-user-registration-custom-field', 'Field customFieldText is required', { method: 'registerUser' });
    expect((await send(session, 'usersCreate', { headers: testerHeaders, body: newUserBody('x1', { customFields: { customFieldText: '' } }) })).body).toEqual(customField);
    expect((await send(session, 'usersCreate', { headers: testerHeaders, body: newUserBody('x1') })).body).toEqual(actionNotAllowed('Adding user is not allowed', 'Adding_user'));
  });

  it.each([
    ['', 'Field customFieldText is required'],
    ['0', 'Min length of field customFieldText 2'],
    ['0123456789-0', 'Max length of field customFieldText 10'],
  ])('custom field %j (users.ts)', async (value, reason) => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_CustomFields', CUSTOM_TEXT);
    const res = await send(session, 'usersCreate', { body: newUserBody('cf.fail', { customFields: { customFieldText: value } }) });
    expect([res.status, res.body]).toEqual([400, meteor('error-user-registration-custom-field', reason, { method: 'registerUser' })]);
  });

  it('custom fields: a select outside its options, and a setting that is not JSON', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_CustomFields', JSON.stringify({ team: { type: 'select', options: ['a', 'b'] } }));
    expect((await send(session, 'usersCreate', { body: newUserBody('sel', { customFields: { team: 'c' } }) })).body).toEqual(
      meteor('error-user-registration-custom-field', 'Value for field team is invalid', { method: 'registerUser' }),
    );
    store.settings.set('Accounts_CustomFields', '{not json');
    expect((await send(session, 'usersCreate', { body: newUserBody('sel', { customFields: {} }) })).body).toEqual(
      meteor('error-invalid-customfield-json', 'Invalid JSON for Custom Fields'),
    );
  });

  it('roles: unknown id, then admin without assign-admin-role', async () => {
    const { store, session } = usersWorld();
    expect((await send(session, 'usersCreate', { body: newUserBody('r1', { roles: ['user', 'nope'] }) })).body).toEqual(
      actionNotAllowed('The field Roles consist invalid role id', 'Assign_role'),
    );
    store.authz.setPermission('assign-admin-role', [], '2025-01-01T00:00:00.000Z');
    expect((await send(session, 'usersCreate', { body: newUserBody('r1', { roles: ['admin'] }) })).body).toEqual(
      actionNotAllowed('Assigning admin is not allowed', 'Assign_admin'),
    );
  });

  it('required name (setting), username, pattern (escaped), password', async () => {
    const { store, session } = usersWorld();
    const required = (field: string) => meteor('error-the-field-is-required', `The field ${field} is required`, { method: 'insertOrUpdateUser', field });
    expect((await send(session, 'usersCreate', { body: newUserBody('n1', { name: '  ' }) })).body).toEqual(required('Name'));
    store.settings.set('Accounts_RequireNameForSignUp', false);
    expect((await send(session, 'usersCreate', { body: newUserBody('n1', { name: '  ', username: ' ' }) })).body).toEqual(required('Username'));
    expect((await send(session, 'usersCreate', { body: newUserBody('x', { username: 'test$username<>' }) })).body).toEqual(
      meteor('error-input-is-not-a-valid-field', 'test$username&lt;&gt; is not a valid username', { method: 'insertOrUpdateUser', input: 'test$username<>', field: 'Username' }),
    );
    expect((await send(session, 'usersCreate', { body: newUserBody('n1', { password: '' }) })).body).toEqual(required('Password'));
    store.settings.set('UTF8_User_Names_Validation', '[a-z]+');
    expect((await send(session, 'usersCreate', { body: newUserBody('with.dot') })).status).toBe(400);
  });

  it.each(['admin', 'administrator', 'system', 'user', 'Admin', 'all', 'here'])('blocked username %s (users.ts)', async (name) => {
    const { session } = usersWorld();
    const res = await send(session, 'usersCreate', { body: newUserBody(name, { email: `blocked.${name}@rocket.chat` }) });
    expect(res.body).toEqual(meteor('error-blocked-username', `${name} is blocked and can't be used!`, { method: 'checkUsernameAvailability', field: name }));
  });

  it('Accounts_BlockedUsernameList blocks too', async () => {
    const { store, session } = usersWorld();
    store.settings.set('Accounts_BlockedUsernameList', 'foo, bar');
    expect((await send(session, 'usersCreate', { body: newUserBody('BAR') })).body).toMatchObject({ errorType: 'error-blocked-username' });
  });

  it('taken username (any case, or a team name), then taken e-mail', async () => {
    const { session } = usersWorld();
    const unavailable = (value: string) => meteor('error-field-unavailable', `${value} is already in use :(`, { method: 'insertOrUpdateUser', field: value });
    expect((await send(session, 'usersCreate', { body: newUserBody('TESTER') })).body).toEqual(unavailable('TESTER'));
    expect((await send(session, 'usersCreate', { body: newUserBody('Tester-Team') })).body).toEqual(unavailable('Tester-Team'));
    expect((await send(session, 'usersCreate', { body: newUserBody('fresh', { email: 'TESTER@example.com' }) })).body).toEqual(unavailable('TESTER@example.com'));
  });

  it('e-mail format and domain lists (validateEmailDomain)', async () => {
    const { store, session } = usersWorld();
    expect((await send(session, 'usersCreate', { body: newUserBody('e1', { email: 'not-an-address' }) })).body).toEqual(
      meteor('error-invalid-email', 'Invalid email not-an-address', { function: 'RocketChat.validateEmailDomain', email: 'not-an-address' }),
    );
    store.settings.set('Accounts_AllowedDomainsList', 'rocket.chat');
    expect((await send(session, 'usersCreate', { body: newUserBody('e1', { email: 'e1@other.io' }) })).body).toMatchObject({ errorType: 'error-invalid-domain' });
    store.settings.set('Accounts_AllowedDomainsList', '');
    store.settings.set('Accounts_BlockedDomainsList', 'spam.io');
    expect((await send(session, 'usersCreate', { body: newUserBody('e1', { email: 'e1@spam.io' }) })).body).toMatchObject({ errorType: 'error-email-domain-blacklisted' });
  });

  it('a too-long bio or nickname answers 400 after the insert: the user stays, without its name', async () => {
    const { store, session } = usersWorld();
    const res = await send(session, 'usersCreate', { body: newUserBody('long.bio', { bio: 'b'.repeat(261) }) });
    expect(res.body).toEqual(meteor('error-bio-size-exceeded', 'Bio size exceeds 260 characters', { method: 'saveUserProfile' }));
    expect(store.users.byUsername('long.bio')).toMatchObject({ name: '', bio: undefined });
    const nick = await send(session, 'usersCreate', { body: newUserBody('long.nick', { nickname: 'n'.repeat(121) }) });
    expect(nick.body).toEqual(meteor('error-nickname-size-exceeded', 'Nickname size exceeds 120 characters', { method: 'saveUserProfile' }));
    // Creating it again finds the name taken, as on the vendor.
    expect((await send(session, 'usersCreate', { body: newUserBody('long.bio') })).body).toMatchObject({ errorType: 'error-field-unavailable' });
  });

  it('active: null is a Meteor check error; without edit-other-user-active-status it is not allowed (user kept)', async () => {
    const { store, session } = usersWorld();
    expect((await send(session, 'usersCreate', { body: newUserBody('a.null', { active: null }) })).body).toEqual({ success: false, error: 'Match error: Expected boolean, got null' });
    store.authz.setPermission('edit-other-user-active-status', [], '2025-01-01T00:00:00.000Z');
    expect((await send(session, 'usersCreate', { body: newUserBody('a.denied', { active: false }) })).body).toEqual(
      meteor('error-not-allowed', 'Not allowed', { method: 'setUserActiveStatus' }),
    );
    expect(store.users.byUsername('a.denied')?.active).toBe(true);
    store.authz.setPermission('edit-other-user-active-status', ['admin'], '2025-01-01T00:00:00.000Z');
    expect((await createdUser(store, session, 'inactive', { active: false })).active).toBe(false);
  });

  it('the session budget: a full session answers error-twin-session-full and stores nothing', async () => {
    const store = freshStore(undefined, new Meter(new ByteBudget(1)));
    store.tokens.add('admin-unit-token', ADMIN_ID);
    const session = createRocketChatSession(store, pinnedDeps());
    const general = store.rooms.room('GENERAL');
    const before = general?.usersCount;
    const res = await send(session, 'usersCreate', { body: newUserBody('no.room') });
    expect(res.body).toMatchObject({ errorType: 'error-twin-session-full' });
    expect(store.users.byUsername('no.room')).toBeUndefined();
    expect(general?.usersCount).toBe(before);
  });

  it('401 before the body is read', async () => {
    const { session } = usersWorld();
    const res = await send(session, 'usersCreate', { headers: {}, body: {} });
    expect(res.status).toBe(401);
    expect((await send(session, 'usersCreate', { headers: { ...ADMIN, 'x-auth-token': 'wrong' }, body: {} })).status).toBe(401);
  });
});
