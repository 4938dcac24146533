import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, bodyOf, NOT_LOGGED_IN, oversizedJson, rc, TESTER_ID, TOO_LARGE, type Schemas } from './rocketchat-client.ts';
import {
  admin,
  createUser,
  deleteUser,
  expectMiddlewareHeaders,
  expectRouteHeaders,
  invalidParams,
  loginAs,
  meteorBody,
  PASSWORD,
  TESTER_HEADERS,
  username,
  type UsersUser,
} from './users-client.ts';

async function update(body: unknown, headers?: Record<string, string>) {
  return rc('usersUpdate', 'users.update', { headers: headers ?? (await admin()), json: body });
}

function userOf(res: { json: unknown }): UsersUser {
  return (res.json as Schemas['UsersUserResponse']).user;
}

let target: UsersUser;
let targetHeaders: Record<string, string>;

beforeAll(async () => {
  target = await createUser({ active: true, roles: ['user'], joinDefaultChannels: true, verified: true });
  targetHeaders = await loginAs(target);
});

afterAll(async () => {
  await deleteUser(target._id);
});

describe('POST /api/v1/users.update 200 (research notes issue 10 §4.4, users.ts "[/users.update]")', () => {
  it("should update a user's info by userId", async () => {
    const user = await createUser();
    const name = username('edited');
    const res = await update({ userId: user._id, data: { email: `${name}@rocket.chat`, name, username: name, password: PASSWORD, active: true, roles: ['user'] } });
    expect(res.status, res.text).toBe(200);
    expectRouteHeaders(res);
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
        _updatedAt: userOf(res)._updatedAt,
        name,
        settings: {},
      },
      success: true,
    });
    // The new username logs in with the new password.
    expect(Object.keys(await loginAs({ username: name }))).toEqual(['X-User-Id', 'X-Auth-Token']);
    await deleteUser(user._id);
  });

  it("email → unverified; verified:true alone → verified", async () => {
    const email = `${username('mail')}@rocket.chat`;
    expect(userOf(await update({ userId: target._id, data: { email } })).emails).toEqual([{ address: email, verified: false }]);
    expect(userOf(await update({ userId: target._id, data: { verified: true } })).emails).toEqual([{ address: email, verified: true }]);
  });

  it('bio and nickname by userId; each update without them clears them', async () => {
    expect(userOf(await update({ userId: target._id, data: { bio: 'edited-bio-test' } })).bio).toBe('edited-bio-test');
    const nick = userOf(await update({ userId: target._id, data: { nickname: 'edited-nickname-test' } }));
    expect(nick.nickname).toBe('edited-nickname-test');
    expect(nick).not.toHaveProperty('bio');
  });

  it('requirePasswordChange:false', async () => {
    const user = await createUser({ requirePasswordChange: true });
    expect(user.requirePasswordChange).toBe(true);
    expect(userOf(await update({ userId: user._id, data: { requirePasswordChange: false } })).requirePasswordChange).toBe(false);
    await deleteUser(user._id);
  });

  it('active:false ends the user\'s sessions; active:true lets it log in again', async () => {
    const user = await createUser();
    const credentials = await loginAs(user);
    expect(userOf(await update({ userId: user._id, data: { active: false } })).active).toBe(false);
    expect((await rc('me', 'me', { headers: credentials })).status).toBe(401);
    expect(userOf(await update({ userId: user._id, data: { active: true } })).active).toBe(true);
    expect((await rc('me', 'me', { headers: await loginAs(user) })).status).toBe(200);
    await deleteUser(user._id);
  });
});

describe('POST /api/v1/users.update 400, in the vendor order', () => {
  it('validateParams: an empty userId, data.joinDefaultChannels (users.ts)', async () => {
    const empty = await update({ userId: '', data: {} });
    expect([empty.status, empty.json]).toEqual([400, invalidParams('must NOT have fewer than 1 characters')]);
    expectRouteHeaders(empty);
    expect((await update({ userId: target._id, data: { joinDefaultChannels: true } })).json).toEqual(invalidParams('must NOT have additional properties'));
  });

  it('Name contains invalid characters', async () => {
    expect((await update({ userId: target._id, data: { name: '</\\name>' } })).json).toEqual({ success: false, error: 'Name contains invalid characters' });
  });

  it('verified on oneself; another user without edit-other-user-info', async () => {
    const action = (reason: string) => meteorBody('error-action-not-allowed', reason, { method: 'insertOrUpdateUser', action: 'Editing_user' });
    expect((await update({ userId: target._id, data: { verified: true } }, targetHeaders)).json).toEqual(action('Editing email verification is not allowed'));
    expect((await update({ userId: target._id, data: { name: 'x' } }, TESTER_HEADERS)).json).toEqual(action('Editing user is not allowed'));
  });

  it.each(['admin', 'administrator', 'system', 'user'])('the reserved word %s as username: Could not save user identity', async (name) => {
    const res = await update({ userId: target._id, data: { username: name } });
    expect([res.status, (res.json as Schemas['Failure']).error]).toEqual([400, 'Could not save user identity [error-could-not-save-identity]']);
  });

  it('bio over 260, nickname over 120 (users.ts)', async () => {
    expect(((await update({ userId: target._id, data: { bio: 'b'.repeat(261) } })).json as Schemas['Failure']).error).toBe(
      'Bio size exceeds 260 characters [error-bio-size-exceeded]',
    );
    expect(((await update({ userId: target._id, data: { nickname: 'n'.repeat(121) } })).json as Schemas['Failure']).error).toBe(
      'Nickname size exceeds 120 characters [error-nickname-size-exceeded]',
    );
  });

  it('an e-mail another user has', async () => {
    expect((await update({ userId: target._id, data: { email: 'tester@example.com' } })).json).toEqual(
      meteorBody('error-field-unavailable', 'tester@example.com is already in use :(', { function: '_setEmail', field: 'tester@example.com' }),
    );
  });

  it('active without edit-other-user-active-status', async () => {
    const res = await update({ userId: target._id, data: { active: true } }, targetHeaders);
    expect(res.json).toEqual(meteorBody('error-not-allowed', 'Not allowed', { method: 'setUserActiveStatus' }));
  });
});

describe('POST /api/v1/users.update 401 and 413', () => {
  it('401 before the body is read', async () => {
    const res = await update({}, auth(TESTER_ID, 'nope'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });

  it('413 (modelled)', async () => {
    const res = await rc('usersUpdate', 'users.update', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
    expect(bodyOf(res, 'Failure').success).toBe(false);
  });
});
