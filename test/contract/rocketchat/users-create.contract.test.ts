import { describe, expect, it } from 'vitest';
import { auth, bodyOf, NOT_LOGGED_IN, oversizedJson, rc, TESTER_ID, TIMESTAMP, TOO_LARGE, type Schemas } from './rocketchat-client.ts';
import {
  admin,
  createUserCall,
  deleteUser,
  expectMiddlewareHeaders,
  expectRouteHeaders,
  invalidParams,
  loginAs,
  meteorBody,
  TESTER_HEADERS,
  userBody,
  username,
  type UsersUser,
} from './users-client.ts';

/** The `/me` preference keys of a Community server (miscellaneous.ts "/me", research notes issue 10 §3.3). */
const ALL_USER_PREFERENCES_KEYS = [
  'alsoSendThreadToChannel', 'newRoomNotification', 'newMessageNotification', 'showThreadsInMainChannel', 'useEmojis', 'convertAsciiEmoji',
  'saveMobileBandwidth', 'collapseMediaByDefault', 'autoImageLoad', 'emailNotificationMode', 'unreadAlert', 'notificationsSoundVolume',
  'omnichannelTranscriptEmail', 'desktopNotifications', 'pushNotifications', 'enableAutoAway', 'desktopNotificationRequireInteraction',
  'hideUsernames', 'hideRoles', 'displayAvatars', 'hideFlexTab', 'sendOnEnter', 'idleTimeLimit', 'sidebarShowFavorites', 'sidebarShowUnread',
  'themeAppearence', 'sidebarSortby', 'sidebarViewMode', 'sidebarDisplayAvatar', 'sidebarGroupByType', 'sidebarSectionsOrder',
  'muteFocusedConversations', 'notifyCalendarEvents', 'enableMobileRinging', 'featuresPreview',
];

function userOf(res: { json: unknown }): UsersUser {
  return (res.json as Schemas['UsersUserResponse']).user;
}

describe('POST /api/v1/users.create 200 (research notes issue 10 §4.1)', () => {
  it('the vendor helper body: the user document without services, role user, unverified address, settings {}', async () => {
    const name = username();
    const res = await createUserCall(userBody(name));
    expect(res.status, res.text).toBe(200);
    expectRouteHeaders(res);
    const user = bodyOf(res, 'UsersUserResponse').user;
    expect(res.json).toEqual({
      user: {
        _id: user._id,
        createdAt: user.createdAt,
        username: name,
        emails: [{ address: `${name}@rocket.chat`, verified: false }],
        type: 'user',
        status: 'offline',
        active: true,
        roles: ['user'],
        _updatedAt: user._updatedAt,
        name,
        settings: {},
      },
      success: true,
    });
    expect(user.createdAt).toMatch(TIMESTAMP);
    expect(res.text).not.toContain('services');
    await deleteUser(user._id);
  });

  it('active, roles, verified, bio, nickname as given; custom fields are dropped while Accounts_CustomFields is blank', async () => {
    const res = await createUserCall(userBody(username(), { active: true, roles: ['guest'], verified: true, bio: 'about', nickname: 'nick', customFields: { customFieldText: 'success' } }));
    const user = userOf(res);
    expect(user).toMatchObject({ active: true, roles: ['guest'], emails: [{ verified: true }], bio: 'about', nickname: 'nick' });
    expect(user).not.toHaveProperty('customFields');
    expect(user).not.toHaveProperty('e2e');
    await deleteUser(user._id);
  });

  it('a form body is coerced like JSON (validateParams coerces types)', async () => {
    const name = username();
    const res = await rc('usersCreate', 'users.create', {
      headers: { ...(await admin()), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...(userBody(name) as Record<string, string>), verified: 'true', joinDefaultChannels: 'false' }).toString(),
    });
    expect(res.status, res.text).toBe(200);
    expect(userOf(res)).toMatchObject({ username: name, emails: [{ verified: true }] });
    await deleteUser(userOf(res)._id);
  });
});

describe('miscellaneous.ts "/me": a created user logs in at once', () => {
  it('GET /me has exactly the Community preference keys and no services.password.bcrypt', async () => {
    const res = await createUserCall(userBody());
    const user = userOf(res);
    const credentials = await loginAs(user);
    const me = await rc('me', 'me', { headers: credentials });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toBe('application/json');
    const body = bodyOf(me, 'MeResponse');
    expect(body).toMatchObject({ success: true, _id: user._id, username: user.username, active: true, name: user.name });
    expect(body.roles).toBeInstanceOf(Array);
    expect(body.emails[0]?.address).toBe(user.emails?.[0]?.address);
    expect(Object.keys(body.settings.preferences).sort()).toEqual([...ALL_USER_PREFERENCES_KEYS].sort());
    expect(body.services).not.toHaveProperty('password.bcrypt');
    await deleteUser(user._id);
  });
});

describe('POST /api/v1/users.create 400, in the vendor order', () => {
  it.each([
    ['email', "must have required property 'email'"],
    ['name', "must have required property 'name'"],
    ['password', "must have required property 'password'"],
    ['username', "must have required property 'username'"],
  ])('validateParams: %s missing', async (field, message) => {
    const body = Object.fromEntries(Object.entries(userBody()).filter(([key]) => key !== field));
    const res = await createUserCall(body);
    expect([res.status, res.json]).toEqual([400, invalidParams(message)]);
    expectRouteHeaders(res);
  });

  it('validateParams: unknown keys and wrong types', async () => {
    expect((await createUserCall(userBody(username(), { joinDefault: true }))).json).toEqual(invalidParams('must NOT have additional properties'));
    expect((await createUserCall(userBody(username(), { roles: 'user' }))).json).toEqual(invalidParams('must be array'));
  });

  it('Name contains invalid characters, before anything else', async () => {
    const res = await createUserCall(userBody(username(), { name: '</\\name>' }), TESTER_HEADERS);
    expect([res.status, res.json]).toEqual([400, { success: false, error: 'Name contains invalid characters' }]);
  });

  it('no create-user: Adding user is not allowed (400, not 403)', async () => {
    const res = await createUserCall(userBody(), TESTER_HEADERS);
    expect([res.status, res.json]).toEqual([400, meteorBody('error-action-not-allowed', 'Adding user is not allowed', { method: 'insertOrUpdateUser', action: 'Adding_user' })]);
  });

  it('roles: an unknown role id', async () => {
    const res = await createUserCall(userBody(username(), { roles: ['user', 'no-such-role'] }));
    expect(res.json).toEqual(meteorBody('error-action-not-allowed', 'The field Roles consist invalid role id', { method: 'insertOrUpdateUser', action: 'Assign_role' }));
  });

  it('required name (Accounts_RequireNameForSignUp) and password, invalid username (escaped)', async () => {
    const required = (field: string) => meteorBody('error-the-field-is-required', `The field ${field} is required`, { method: 'insertOrUpdateUser', field });
    expect((await createUserCall(userBody(username(), { name: '   ' }))).json).toEqual(required('Name'));
    expect((await createUserCall(userBody(username(), { password: '' }))).json).toEqual(required('Password'));
    const bad = 'test$username<>';
    expect((await createUserCall(userBody(username(), { username: bad }))).json).toEqual(
      meteorBody('error-input-is-not-a-valid-field', 'test$username&lt;&gt; is not a valid username', { method: 'insertOrUpdateUser', input: bad, field: 'Username' }),
    );
  });

  it.each(['admin', 'administrator', 'system', 'user'])('users.ts: the reserved word %s is blocked', async (name) => {
    const res = await createUserCall(userBody(name, { email: `${username()}@rocket.chat` }));
    expect(res.status).toBe(400);
    expect((res.json as Schemas['Failure']).error).toBe(`${name} is blocked and can't be used! [error-blocked-username]`);
  });

  it('taken username (any case) and taken e-mail: is already in use :(', async () => {
    expect((await createUserCall(userBody('TESTER', { email: `${username()}@rocket.chat` }))).json).toEqual(
      meteorBody('error-field-unavailable', 'TESTER is already in use :(', { method: 'insertOrUpdateUser', field: 'TESTER' }),
    );
    expect((await createUserCall(userBody(username(), { email: 'tester@example.com' }))).json).toEqual(
      meteorBody('error-field-unavailable', 'tester@example.com is already in use :(', { method: 'insertOrUpdateUser', field: 'tester@example.com' }),
    );
  });

  it('an address without an @', async () => {
    expect((await createUserCall(userBody(username(), { email: 'not-an-address' }))).json).toEqual(
      meteorBody('error-invalid-email', 'Invalid email not-an-address', { function: 'RocketChat.validateEmailDomain', email: 'not-an-address' }),
    );
  });

  it('a bio over 260 characters answers 400 but the user is created (the check follows the insert)', async () => {
    const name = username();
    const res = await createUserCall(userBody(name, { bio: 'b'.repeat(261) }));
    expect(res.json).toEqual(meteorBody('error-bio-size-exceeded', 'Bio size exceeds 260 characters', { method: 'saveUserProfile' }));
    const again = await createUserCall(userBody(name));
    expect((again.json as Schemas['Failure']).errorType).toBe('error-field-unavailable');
    const info = await rc('usersInfo', 'users.info', { headers: await admin(), query: { username: name } });
    await deleteUser((info.json as Schemas['UsersInfoResponse']).user._id);
  });

  it('active: null fails Meteor check after the insert', async () => {
    const name = username();
    const res = await createUserCall(userBody(name, { active: null }));
    expect(res.json).toEqual({ success: false, error: 'Match error: Expected boolean, got null' });
    const info = await rc('usersInfo', 'users.info', { headers: await admin(), query: { username: name } });
    await deleteUser((info.json as Schemas['UsersInfoResponse']).user._id);
  });
});

describe('POST /api/v1/users.create 401 and 413', () => {
  it('401 before the body is read', async () => {
    const res = await createUserCall({}, { 'X-User-Id': TESTER_ID, 'X-Auth-Token': 'nope' });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('usersCreate', 'users.create', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
