import { describe, expect, it } from 'vitest';
import { auth, bodyOf, createGroup, NOT_LOGGED_IN, oversizedJson, rc, roomName, TESTER_ID, TOO_LARGE, type Schemas } from './rocketchat-client.ts';
import {
  ADMIN_USERNAME,
  admin,
  createUser,
  createUserCall,
  expectMiddlewareHeaders,
  expectRouteHeaders,
  loginAs,
  meteorBody,
  TESTER_HEADERS,
  userBody,
  username,
} from './users-client.ts';

async function remove(body: unknown, headers?: Record<string, string>) {
  return rc('usersDelete', 'users.delete', { headers: headers ?? (await admin()), json: body });
}

const LAST_OWNER = { success: false, error: '[user-last-owner]', errorType: 'user-last-owner' };

describe('POST /api/v1/users.delete (research notes issue 10 §4.3, users.ts "[/users.delete]")', () => {
  it('200 {success:true} with delete-user; the user is gone and cannot log in', async () => {
    const user = await createUser();
    const credentials = await loginAs(user);
    const res = await remove({ userId: user._id });
    expect([res.status, res.json]).toEqual([200, { success: true }]);
    expectRouteHeaders(res);
    expect((await rc('me', 'me', { headers: credentials })).status).toBe(401);
    expect((await rc('usersInfo', 'users.info', { headers: await admin(), query: { userId: user._id } })).json).toEqual({ success: false, error: 'User not found.' });
  });

  it('403 without delete-user (the permissionsRequired middleware)', async () => {
    const res = await remove({ userId: TESTER_ID }, TESTER_HEADERS);
    expect([res.status, res.json]).toEqual([403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }]);
    expectMiddlewareHeaders(res);
  });

  it('400: no user parameter, an unknown user, rocket.cat', async () => {
    expect((await remove({})).json).toEqual(meteorBody('error-user-param-not-provided', 'The required "userId" or "username" param was not provided'));
    expect((await remove({ userId: 'no-such-user-id' })).json).toEqual(
      meteorBody('error-invalid-user', 'The required "userId" or "username" param provided does not match any users'),
    );
    expect((await remove({ userId: 'rocket.cat' })).json).toEqual(
      meteorBody('error-action-not-allowed', 'Deleting the rocket.cat user is not allowed', { method: 'deleteUser', action: 'Delete_user' }),
    );
  });

  it('last owner: [user-last-owner], then confirmRelinquish gives the room to the other member', async () => {
    const user = await createUser();
    const credentials = await loginAs(user);
    const group = await createGroup({ name: roomName('last-owner'), members: [ADMIN_USERNAME] }, credentials);
    const refused = await remove({ userId: user._id });
    expect([refused.status, refused.json]).toEqual([400, { ...LAST_OWNER, details: { shouldBeRemoved: [], shouldChangeOwner: [group.name] } }]);
    expect((await remove({ userId: user._id, confirmRelinquish: true })).status).toBe(200);
    const after = await rc('groupsInfo', 'groups.info', { headers: await admin(), query: { roomId: group._id } });
    expect(bodyOf(after, 'GroupResponse').group).toMatchObject({ _id: group._id, usersCount: 1 });
    const deleted = await rc('groupsDelete', 'groups.delete', { headers: await admin(), json: { roomId: group._id } });
    // The admin owns it now (and could delete it anyway).
    expect(deleted.status).toBe(200);
  });

  it('by username, in any case', async () => {
    const name = username();
    expect((await createUserCall(userBody(name))).status).toBe(200);
    expect((await remove({ username: name.toUpperCase() })).json).toEqual({ success: true });
  });

  it('401 and 413', async () => {
    const unauthorized = await remove({ userId: 'x' }, auth(TESTER_ID, 'nope'));
    expect([unauthorized.status, unauthorized.json]).toEqual([401, NOT_LOGGED_IN]);
    const large = await rc('usersDelete', 'users.delete', { headers: { ...(await admin()), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([large.status, large.json]).toEqual([413, TOO_LARGE]);
  });
});

describe('story: admin creates a user → user logs in → creates a private group → admin updates the user → admin deletes the user', () => {
  it('walks a user\'s whole life', async () => {
    const adminHeaders = await admin();
    const created = await createUser({ roles: ['user'], joinDefaultChannels: true });
    expect(created).toMatchObject({ active: true, roles: ['user'] });

    const credentials = await loginAs(created);
    const me = await rc('me', 'me', { headers: credentials });
    expect(bodyOf(me, 'MeResponse')).toMatchObject({ _id: created._id, username: created.username });

    const group = await createGroup({ name: roomName('users-story'), members: [ADMIN_USERNAME] }, credentials);
    expect(group).toMatchObject({ usersCount: 2, u: { _id: created._id, username: created.username } });

    const renamed = username('story');
    const updated = await rc('usersUpdate', 'users.update', { headers: adminHeaders, json: { userId: created._id, data: { name: 'Story User', email: `${renamed}@rocket.chat`, bio: 'in a story' } } });
    expect((updated.json as Schemas['UsersUserResponse']).user).toMatchObject({ name: 'Story User', bio: 'in a story', emails: [{ address: `${renamed}@rocket.chat`, verified: false }] });
    const seen = await rc('usersInfo', 'users.info', { headers: credentials, query: { userId: created._id, includeUserRooms: 'true' } });
    const rooms = bodyOf(seen, 'UsersInfoResponse').user.rooms ?? [];
    expect(rooms.find((room) => room.rid === group._id)).toMatchObject({ t: 'p', roles: ['owner'] });

    const refused = await rc('usersDelete', 'users.delete', { headers: adminHeaders, json: { userId: created._id } });
    expect([refused.status, refused.json]).toEqual([400, { ...LAST_OWNER, details: { shouldBeRemoved: [], shouldChangeOwner: [group.name] } }]);
    const deleted = await rc('usersDelete', 'users.delete', { headers: adminHeaders, json: { userId: created._id, confirmRelinquish: true } });
    expect([deleted.status, deleted.json]).toEqual([200, { success: true }]);

    expect((await rc('me', 'me', { headers: credentials })).status).toBe(401);
    const room = await rc('groupsInfo', 'groups.info', { headers: adminHeaders, query: { roomId: group._id } });
    expect(bodyOf(room, 'GroupResponse').group.usersCount).toBe(1);
    expect((await rc('groupsDelete', 'groups.delete', { headers: adminHeaders, json: { roomId: group._id } })).status).toBe(200);
    const gone = await rc('usersDelete', 'users.delete', { headers: adminHeaders, json: { userId: created._id } });
    expect((gone.json as Schemas['Failure']).errorType).toBe('error-invalid-user');
  });
});
