import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, bodyOf, LIMITED_ID, NOT_LOGGED_IN, rc, TESTER_ID, type Schemas } from './rocketchat-client.ts';
import { admin, createUser, deleteUser, expectMiddlewareHeaders, expectRouteHeaders, invalidParams, loginAs, TESTER_HEADERS, type UsersUser } from './users-client.ts';

async function info(query: Record<string, string>, headers?: Record<string, string>) {
  return rc('usersInfo', 'users.info', { headers: headers ?? (await admin()), query });
}

let user: UsersUser;
let userHeaders: Record<string, string>;

beforeAll(async () => {
  user = await createUser({ active: true, roles: ['user'], joinDefaultChannels: true, verified: true });
  userHeaders = await loginAs(user);
});

afterAll(async () => {
  await deleteUser(user._id);
});

describe('GET /api/v1/users.info 200 (research notes issue 10 §4.2, users.ts "[/users.info]")', () => {
  it('by userId, as the admin: the full fields and canViewAllInfo, never services', async () => {
    const res = await info({ userId: user._id });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    expect(res.json).toEqual({
      user: {
        _id: user._id,
        createdAt: user.createdAt,
        username: user.username,
        emails: [{ address: user.emails?.[0]?.address, verified: true }],
        type: 'user',
        status: 'offline',
        active: true,
        roles: ['user'],
        name: user.name,
        canViewAllInfo: true,
      },
      success: true,
    });
    expect(res.json).not.toHaveProperty('user.rooms');
    expect(res.json).not.toHaveProperty('user.e2e');
  });

  it('by username, as another user: only the default fields', async () => {
    const res = await info({ username: 'limited.user' }, TESTER_HEADERS);
    expect(res.json).toEqual({
      user: { _id: LIMITED_ID, username: 'limited.user', type: 'user', status: 'offline', active: true, name: 'Limited User', utcOffset: 0, canViewAllInfo: false },
      success: true,
    });
  });

  it('oneself: services.password and services.resume', async () => {
    const res = await info({ userId: user._id }, userHeaders);
    const found = bodyOf(res, 'UsersInfoResponse').user;
    expect(found.services?.password).toBe(true);
    expect(found.services?.resume?.loginTokens.length).toBeGreaterThan(0);
    expect(found.canViewAllInfo).toBe(true);
  });

  it('includeUserRooms=true: own rooms; another user\'s with view-other-user-channels (the admin); never without', async () => {
    const own = bodyOf(await info({ userId: user._id, includeUserRooms: 'true' }, userHeaders), 'UsersInfoResponse').user;
    expect(own.rooms?.find((room) => room.rid === 'GENERAL')).toMatchObject({ name: 'general', t: 'c', unread: 1 });
    const byAdmin = bodyOf(await info({ userId: user._id, includeUserRooms: 'true' }), 'UsersInfoResponse').user;
    expect(byAdmin.rooms?.map((room) => room.rid)).toContain('GENERAL');
    const byTester = await info({ userId: user._id, includeUserRooms: 'true' }, TESTER_HEADERS);
    expect(byTester.json).not.toHaveProperty('user.rooms');
    const legacy = await info({ userId: user._id, fields: JSON.stringify({ userRooms: 1 }) }, TESTER_HEADERS);
    expect(legacy.json).not.toHaveProperty('user.rooms');
  });
});

describe('GET /api/v1/users.info 400', () => {
  it('validateParams: none of userId/username/importId, or two of them', async () => {
    const none = await info({});
    expect([none.status, none.json]).toEqual([
      400,
      invalidParams("must have required property 'userId'\n must have required property 'username'\n must have required property 'importId'\n must match a schema in anyOf"),
    ]);
    expectRouteHeaders(none);
    const both = await info({ userId: TESTER_ID, username: 'tester' });
    expect((both.json as Schemas['Failure']).errorType).toBe('invalid-params');
  });

  it('Invalid search query. / User not found.', async () => {
    expect((await info({ userId: '' })).json).toEqual({ success: false, error: 'Invalid search query.' });
    const missing = await info({ username: 'invalid-username' });
    expect([missing.status, missing.json]).toEqual([400, { success: false, error: 'User not found.' }]);
  });
});

describe('GET /api/v1/users.info 401', () => {
  it('bad credentials', async () => {
    const res = await info({ userId: TESTER_ID }, auth(TESTER_ID, 'nope'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
