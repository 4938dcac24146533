import { describe, expect, it } from 'vitest';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  LIMITED_ID,
  NOT_LOGGED_IN,
  rc,
  ROOM_NOT_FOUND,
  ROOM_PARAM_NOT_PROVIDED,
  roomName,
  TESTER_ID,
  TIMESTAMP,
} from './rocketchat-client.ts';
import { answer, expectRouteHeaders, get } from './membership-client.ts';

function members(query: Record<string, string>, headers = auth()) {
  return rc('groupsMembers', 'groups.members', { headers, query });
}

describe('GET /api/v1/groups.members (research §4)', () => {
  it('200: the members with _id, username, name, status; count/offset/total', async () => {
    const group = await createGroup({ name: roomName('members'), members: ['limited.user', 'rocket.cat'] });
    const res = await members({ roomId: group._id });
    expect(res.status).toBe(200);
    const body = bodyOf(res, 'GroupsMembersResponse');
    expect(body.members.map((m) => m.username).sort()).toEqual(['limited.user', 'rocket.cat', 'tester']);
    expect(body.members).toContainEqual({
      _id: LIMITED_ID,
      username: 'limited.user',
      name: 'Limited User',
      status: expect.any(String) as unknown,
      _updatedAt: expect.stringMatching(TIMESTAMP) as unknown,
    });
    expect(body).toMatchObject({ count: 3, offset: 0, total: 3, success: true });
  });

  it('count and offset page through the members', async () => {
    const name = roomName('mpage');
    await createGroup({ name, members: ['limited.user', 'rocket.cat'] });
    const res = await members({ roomName: name, count: '2', offset: '1' });
    expect(bodyOf(res, 'GroupsMembersResponse')).toMatchObject({ count: 2, offset: 1, total: 3 });
  });

  it('400: room parameter, room not found, invalid sort', async () => {
    const missing = await members({});
    expect([missing.status, missing.json]).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    const hidden = await createGroup({ name: roomName('mhidden'), excludeSelf: true });
    const notFound = await members({ roomId: hidden._id });
    expect([notFound.status, notFound.json]).toEqual([400, ROOM_NOT_FOUND]);
    const name = roomName('msort');
    await createGroup({ name });
    const badSort = await members({ roomName: name, sort: '{"username":0}' });
    expect([badSort.status, badSort.json]).toEqual([
      400,
      {
        success: false,
        error: 'Invalid sort parameter provided: "{"username":0}" [error-invalid-sort]',
        errorType: 'error-invalid-sort',
        details: { helperMethod: 'parseJsonQuery' },
      },
    ]);
  });

  it('403 in a broadcast room for a member without view-broadcast-member-list; the owner may list', async () => {
    const name = roomName('cast');
    await createGroup({ name, members: ['limited.user'], extraData: { broadcast: true } });
    const forbidden = await members({ roomName: name }, LIMITED);
    expect([forbidden.status, forbidden.json]).toEqual([403, { success: false, error: 'unauthorized' }]);
    expect((await members({ roomName: name })).status).toBe(200);
  });

  it('filter: a case-insensitive part of the username, name, bio or nickname (issue: ?filter=rocket returned everyone)', async () => {
    const group = await createGroup({ name: roomName('mfilter'), members: ['limited.user', 'rocket.cat'] });
    const names = async (query: Record<string, string>) =>
      bodyOf(await get('groupsMembers', 'groups.members', { roomId: group._id, ...query }), 'GroupsMembersResponse').members.map((m) => m.username).sort();
    expect(await names({ filter: 'rocket' })).toEqual(['rocket.cat']);
    expect(await names({ filter: 'LIMITED' })).toEqual(['limited.user']);
    expect(await names({ filter: 'user' })).toEqual(['limited.user']);
    expect(await names({ filter: 'r.c' })).toEqual([]);
    const res = await get('groupsMembers', 'groups.members', { roomId: group._id, filter: 'rocket' });
    expect(res.json).toMatchObject({ count: 1, offset: 0, total: 1, success: true });
    expectRouteHeaders(res);
  });

  it('status[]: only members with one of the statuses; a single status string fails the check', async () => {
    const group = await createGroup({ name: roomName('mstatus'), members: ['rocket.cat'] });
    const res = await rc('groupsMembers', `groups.members?status[]=busy&status[]=online`, { headers: auth(), query: { roomId: group._id } });
    const members = bodyOf(res, 'GroupsMembersResponse').members;
    expect(members.every((m) => m.status === 'busy' || m.status === 'online')).toBe(true);
    expect(members.map((m) => m.username)).toContain('rocket.cat');
    const none = await rc('groupsMembers', 'groups.members?status[]=no-such-status', { headers: auth(), query: { roomId: group._id } });
    expect(none.json).toMatchObject({ members: [], total: 0 });
    const single = await get('groupsMembers', 'groups.members', { roomId: group._id, status: 'online' });
    expect(answer(single)).toEqual([400, { success: false, error: 'Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field status' }]);
  });

  it('401 without valid credentials', async () => {
    const res = await members({ roomName: 'general' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });
});
