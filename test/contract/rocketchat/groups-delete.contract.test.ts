import { describe, expect, it } from 'vitest';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  login,
  NOT_LOGGED_IN,
  notAllowed,
  oversizedJson,
  rc,
  ROOM_NOT_FOUND,
  ROOM_PARAM_NOT_PROVIDED,
  roomName,
  TESTER_ID,
  TOO_LARGE,
} from './rocketchat-client.ts';

function remove(json: unknown, headers = auth()) {
  return rc('groupsDelete', 'groups.delete', { headers, json });
}

describe('POST /api/v1/groups.delete (research §4)', () => {
  it('200 for the owner; the room is gone and its name is free', async () => {
    const name = roomName('delete');
    const group = await createGroup({ name });
    const res = await remove({ roomId: group._id });
    expect([res.status, res.json]).toEqual([200, { success: true }]);
    const info = await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } });
    expect([info.status, info.json]).toEqual([400, ROOM_NOT_FOUND]);
    expect((await createGroup({ name }))._id).not.toBe(group._id);
  });

  it('400: room parameter, not found, not allowed', async () => {
    const missing = await remove({});
    expect([missing.status, missing.json]).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    const unknown = await remove({ roomName: 'general' });
    expect([unknown.status, unknown.json]).toEqual([400, ROOM_NOT_FOUND]);
    const name = roomName('delnope');
    await createGroup({ name, members: ['limited.user'] });
    const denied = await remove({ roomName: name }, LIMITED);
    expect([denied.status, denied.json]).toEqual([400, notAllowed('eraseRoom')]);
  });

  it('401 without valid credentials', async () => {
    const res = await remove({ roomName: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('groupsDelete', 'groups.delete', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});

describe('story: login → create → info → list → invite → members → delete → info → create again', () => {
  it('walks the whole life of a group', async () => {
    const me = await login('tester', 'tester');
    const name = roomName('story');

    const created = await createGroup({ name, members: ['rocket.cat'] }, me);
    expect(created).toMatchObject({ name, usersCount: 2, msgs: 0 });

    const info = await rc('groupsInfo', 'groups.info', { headers: me, query: { roomName: name } });
    expect(info.json).toEqual({ group: created, success: true });

    const list = await rc('groupsList', 'groups.list', { headers: me, query: { count: '0' } });
    expect(bodyOf(list, 'GroupsListResponse').groups.map((g) => g._id)).toContain(created._id);

    const invited = await rc('groupsInvite', 'groups.invite', { headers: me, json: { roomId: created._id, username: 'limited.user' } });
    expect(bodyOf(invited, 'GroupResponse').group).toMatchObject({ usersCount: 3, msgs: 1 });

    const members = await rc('groupsMembers', 'groups.members', { headers: me, query: { roomId: created._id } });
    expect(bodyOf(members, 'GroupsMembersResponse').members.map((m) => m.username).sort()).toEqual([
      'limited.user',
      'rocket.cat',
      'tester',
    ]);

    const deleted = await rc('groupsDelete', 'groups.delete', { headers: me, json: { roomName: name } });
    expect([deleted.status, deleted.json]).toEqual([200, { success: true }]);

    const gone = await rc('groupsInfo', 'groups.info', { headers: me, query: { roomId: created._id } });
    expect([gone.status, gone.json]).toEqual([400, ROOM_NOT_FOUND]);

    const again = await createGroup({ name }, me);
    expect(again._id).not.toBe(created._id);
    expect(again).toMatchObject({ name, usersCount: 1, msgs: 0 });

    const out = await rc('logout', 'logout', { method: 'POST', headers: me });
    expect(out.status).toBe(200);
  });
});
