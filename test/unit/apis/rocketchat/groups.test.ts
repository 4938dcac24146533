import { describe, expect, it } from 'vitest';
import type { ApiSession } from '../../../../src/core/api.ts';
import type { JsonResponse } from '../../../../src/core/types.ts';
import {
  authHeaders,
  call,
  expectDocumented,
  freshSession,
  LIMITED_ID,
  LIMITED_TOKEN,
  PINNED_NOW,
  pinnedDeps,
  TESTER_ID,
} from './support.ts';

const LIMITED = authHeaders(LIMITED_ID, LIMITED_TOKEN);
const ROOM_PARAM = {
  success: false,
  error: 'The parameter "roomId" or "roomName" is required [error-room-param-not-provided]',
  errorType: 'error-room-param-not-provided',
};
const ROOM_NOT_FOUND = {
  success: false,
  error: 'The required "roomId" or "roomName" param provided does not match any group [error-room-not-found]',
  errorType: 'error-room-not-found',
};
const notAllowed = (method: string) => ({
  success: false,
  error: 'Not allowed [error-not-allowed]',
  errorType: 'error-not-allowed',
  details: { method },
});

interface GroupBody {
  group: { _id: string; name: string; msgs: number; usersCount: number; _updatedAt: string };
}

function createGroup(session: ApiSession, body: Record<string, unknown>): GroupBody['group'] {
  const response = call(session, 'groupsCreate', { body });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return (response.body as GroupBody).group;
}

async function documented(operationId: string, response: JsonResponse): Promise<JsonResponse> {
  await expectDocumented(operationId, response);
  return response;
}

describe('groups.info (research §4)', () => {
  it('finds by roomId (preferred) or by exact name', async () => {
    const session = freshSession();
    const group = createGroup(session, { name: 'info1' });
    const byId = await documented('groupsInfo', call(session, 'groupsInfo', { query: { roomId: group._id, roomName: 'other' } }));
    expect(byId).toEqual({ status: 200, body: { group, success: true } });
    expect(call(session, 'groupsInfo', { query: { roomName: 'info1' } })).toEqual(byId);
    expect(call(session, 'groupsInfo', { query: { roomName: 'INFO1' } }).body).toEqual(ROOM_NOT_FOUND);
  });

  it('room-param-not-provided when both are missing or blank', async () => {
    const session = freshSession();
    for (const query of [{}, { roomId: '' }, { roomId: '  ', roomName: ' ' }, { roomId: ['a', 'b'] }]) {
      expect(await documented('groupsInfo', call(session, 'groupsInfo', { query }))).toEqual({ status: 400, body: ROOM_PARAM });
    }
  });

  it('room-not-found for unknown rooms, public channels and groups without a subscription', async () => {
    const session = freshSession();
    const hidden = createGroup(session, { name: 'info2', excludeSelf: true, members: ['limited.user'] });
    for (const query of [{ roomId: 'nope' }, { roomName: 'general' }, { roomId: 'GENERAL' }, { roomId: hidden._id }]) {
      expect(await documented('groupsInfo', call(session, 'groupsInfo', { query }))).toEqual({ status: 400, body: ROOM_NOT_FOUND });
    }
    expect(call(session, 'groupsInfo', { query: { roomId: hidden._id }, headers: LIMITED }).status).toBe(200);
  });
});

describe('groups.list (research §4, §5.2)', () => {
  it('lists only the private groups the caller is subscribed to, by name', async () => {
    const session = freshSession();
    createGroup(session, { name: 'b-room' });
    createGroup(session, { name: 'a-room' });
    createGroup(session, { name: 'not-mine', excludeSelf: true });
    const response = await documented('groupsList', call(session, 'groupsList'));
    const body = response.body as { groups: { name: string }[]; offset: number; count: number; total: number };
    // `testing` is the default fixtures' group of tester and limited.user.
    expect(body.groups.map((g) => g.name)).toEqual(['a-room', 'b-room', 'testing']);
    expect(body).toMatchObject({ offset: 0, count: 3, total: 3, success: true });
    const limited = call(session, 'groupsList', { headers: LIMITED }).body as { groups: { name: string }[]; total: number };
    expect([limited.groups.map((g) => g.name), limited.total]).toEqual([['testing'], 1]);
  });

  it('sorts by any field, 1 or -1, several keys in order', () => {
    const session = freshSession();
    for (const name of ['s1', 's3', 's2']) createGroup(session, { name });
    const names = (sort: string) =>
      (call(session, 'groupsList', { query: { sort } }).body as { groups: { name: string }[] }).groups.map((g) => g.name).filter((name) => /^s\d$/.test(name));
    expect(names('{"name":-1}')).toEqual(['s3', 's2', 's1']);
    expect(names('{"usersCount":1,"name":-1}')).toEqual(['s3', 's2', 's1']);
    expect(names('{"missing":1,"name":1}')).toEqual(['s1', 's2', 's3']);
    expect(names('')).toEqual(['s1', 's2', 's3']);
  });

  it.each(['{"name":2}', '{"name":"asc"}', 'name', '[1]', 'null', '5', '{"name":1'])('invalid sort %s', async (sort) => {
    const response = await documented('groupsList', call(freshSession(), 'groupsList', { query: { sort } }));
    expect(response).toEqual({
      status: 400,
      body: {
        success: false,
        error: `Invalid sort parameter provided: "${sort}" [error-invalid-sort]`,
        errorType: 'error-invalid-sort',
        details: { helperMethod: 'parseJsonQuery' },
      },
    });
  });

  it('paginates: default 50, clamp 100, 0 = all, offset, junk values fall back', () => {
    const deps = pinnedDeps();
    const session = freshSession(deps);
    for (let i = 0; i < 120; i += 1) createGroup(session, { name: `p${String(i).padStart(3, '0')}` });
    const page = (query: Record<string, unknown>) => {
      const body = call(session, 'groupsList', { query }).body as { groups: { name: string }[]; offset: number; count: number; total: number };
      return { first: body.groups[0]?.name, offset: body.offset, count: body.count, total: body.total };
    };
    // 121 groups: the 120 created and the default fixtures' `testing`, last by name.
    expect(page({})).toEqual({ first: 'p000', offset: 0, count: 50, total: 121 });
    expect(page({ count: '500' })).toEqual({ first: 'p000', offset: 0, count: 100, total: 121 });
    expect(page({ count: '0' })).toEqual({ first: 'p000', offset: 0, count: 121, total: 121 });
    expect(page({ count: 10, offset: 115 })).toEqual({ first: 'p115', offset: 115, count: 6, total: 121 });
    expect(page({ offset: '200' })).toEqual({ first: undefined, offset: 200, count: 0, total: 121 });
    expect(page({ count: 'abc', offset: '-3' })).toEqual({ first: 'p000', offset: 0, count: 50, total: 121 });
  });
});

describe('groups.members (research §4)', () => {
  it('lists active members by username with paging, with _updatedAt (issue 11 §C)', async () => {
    const SEEDED = '2024-01-01T00:00:00.000Z';
    const session = freshSession();
    const group = createGroup(session, { name: 'mem1', members: ['rocket.cat', 'limited.user'] });
    const response = await documented('groupsMembers', call(session, 'groupsMembers', { query: { roomId: group._id } }));
    expect(response.body).toEqual({
      members: [
        { _id: LIMITED_ID, username: 'limited.user', name: 'Limited User', status: 'offline', _updatedAt: SEEDED },
        { _id: 'rocket.cat', username: 'rocket.cat', name: 'Rocket.Cat', status: 'online', _updatedAt: SEEDED },
        { _id: TESTER_ID, username: 'tester', name: 'Tester', status: 'online', _updatedAt: SEEDED },
      ],
      count: 3,
      offset: 0,
      total: 3,
      success: true,
    });
    const desc = call(session, 'groupsMembers', { query: { roomName: 'mem1', sort: '{"username":-1,"name":1}', count: '1', offset: '1' } });
    expect(desc.body).toMatchObject({ members: [{ username: 'rocket.cat' }], count: 1, offset: 1, total: 3 });
  });

  it('errors: parameters, not found, invalid sort', async () => {
    const session = freshSession();
    createGroup(session, { name: 'mem2' });
    expect((await documented('groupsMembers', call(session, 'groupsMembers'))).body).toEqual(ROOM_PARAM);
    expect(call(session, 'groupsMembers', { query: { roomName: 'general' } }).body).toEqual(ROOM_NOT_FOUND);
    const bad = await documented('groupsMembers', call(session, 'groupsMembers', { query: { roomName: 'mem2', sort: 'x' } }));
    expect(bad.body).toMatchObject({ errorType: 'error-invalid-sort' });
  });

  it('broadcast rooms: 403 for members without view-broadcast-member-list, fine for the owner', async () => {
    const session = freshSession();
    createGroup(session, { name: 'cast', members: ['limited.user'], extraData: { broadcast: true } });
    const forbidden = await documented('groupsMembers', call(session, 'groupsMembers', { query: { roomName: 'cast' }, headers: LIMITED }));
    expect(forbidden).toEqual({ status: 403, body: { success: false, error: 'unauthorized' } });
    expect(call(session, 'groupsMembers', { query: { roomName: 'cast' } }).status).toBe(200);
  });
});

describe('groups.invite (research §4)', () => {
  it('adds users by username or id; msgs and usersCount +1 per added user; members skipped', async () => {
    const deps = pinnedDeps();
    const session = freshSession(deps);
    const group = createGroup(session, { name: 'inv1' });
    deps.set('2025-01-15T10:05:00.000Z');
    const first = await documented('groupsInvite', call(session, 'groupsInvite', { body: { roomName: 'inv1', username: 'limited.user' } }));
    expect((first.body as GroupBody).group).toMatchObject({ msgs: 1, usersCount: 2, _updatedAt: '2025-01-15T10:05:00.000Z', ts: PINNED_NOW });
    const second = call(session, 'groupsInvite', {
      body: { roomId: group._id, userIds: ['rocket.cat', LIMITED_ID], usernames: ['tester', 'nobody'] },
    });
    expect((second.body as GroupBody).group).toMatchObject({ msgs: 2, usersCount: 3 });
    const again = call(session, 'groupsInvite', { body: { roomId: 'inv1', userId: 'rocket.cat' } }); // roomId matched by name too
    expect((again.body as GroupBody).group).toMatchObject({ msgs: 2, usersCount: 3 });
  });

  it('errors in order: room param → room → user params → known users → permission', async () => {
    const session = freshSession();
    createGroup(session, { name: 'inv2', members: ['limited.user'] });
    createGroup(session, { name: 'inv3', excludeSelf: true });
    const invite = async (body: unknown, headers?: Record<string, string>) =>
      (await documented('groupsInvite', call(session, 'groupsInvite', headers ? { body, headers } : { body }))).body;
    expect(await invite({ username: 'rocket.cat' })).toEqual(ROOM_PARAM);
    expect(await invite({ roomName: 'general', username: 'rocket.cat' })).toEqual(ROOM_NOT_FOUND);
    expect(await invite({ roomName: 'inv2' })).toEqual({
      success: false,
      error: 'Please provide "userId" or "username" or "userIds" or "usernames" as param [error-users-params-not-provided]',
      errorType: 'error-users-params-not-provided',
    });
    expect(await invite({ roomName: 'inv2', usernames: ['ghost'], userId: 'ghost-id' })).toEqual({
      success: false,
      error: 'Cannot invite if no valid users are provided [error-empty-invite-list]',
      errorType: 'error-empty-invite-list',
    });
    expect(await invite({ roomName: 'inv3', username: 'rocket.cat' })).toEqual(notAllowed('addUsersToRoom')); // not a member
    expect(await invite({ roomName: 'inv2', username: 'rocket.cat' }, LIMITED)).toEqual(notAllowed('addUsersToRoom')); // member, not owner
  });
});

describe('groups.delete (research §4)', () => {
  it('the owner deletes; info then answers room-not-found and the name is free again', async () => {
    const session = freshSession();
    const group = createGroup(session, { name: 'del1', members: ['limited.user'] });
    expect(await documented('groupsDelete', call(session, 'groupsDelete', { body: { roomName: 'del1' } }))).toEqual({
      status: 200,
      body: { success: true },
    });
    expect(call(session, 'groupsInfo', { query: { roomId: group._id } }).body).toEqual(ROOM_NOT_FOUND);
    expect(call(session, 'groupsInfo', { query: { roomId: group._id }, headers: LIMITED }).body).toEqual(ROOM_NOT_FOUND);
    expect(createGroup(session, { name: 'del1' })._id).not.toBe(group._id);
  });

  it('members who are not owners get Not allowed (eraseRoom); non-members room-not-found', async () => {
    const session = freshSession();
    createGroup(session, { name: 'del2', members: ['limited.user'] });
    createGroup(session, { name: 'del3', excludeSelf: true });
    const del = async (body: unknown, headers?: Record<string, string>) =>
      (await documented('groupsDelete', call(session, 'groupsDelete', headers ? { body, headers } : { body }))).body;
    expect(await del({ roomName: 'del2' }, LIMITED)).toEqual(notAllowed('eraseRoom'));
    expect(await del({ roomName: 'del3' })).toEqual(ROOM_NOT_FOUND);
    expect(await del({})).toEqual(ROOM_PARAM);
    expect(await del({ roomId: 5 })).toEqual(ROOM_PARAM);
    expect(call(session, 'groupsInfo', { query: { roomName: 'del2' } }).status).toBe(200);
  });
});

describe('groups.delete of a team group (eraseRoom: delete-team-group in the main room)', () => {
  it("an owner of the group who is a plain team member gets Not allowed; the team's owner deletes it", async () => {
    const session = freshSession();
    const team = call(session, 'teamsCreate', { body: { name: 'del-team', type: 0, members: ['limited.user'] } });
    expect(team.status).toBe(200);
    const { _id: teamId } = (team.body as { team: { _id: string } }).team;
    const group = createGroup(session, { name: 'del-team-group', members: ['limited.user'], extraData: { teamId } });
    expect(call(session, 'groupsAddOwner', { body: { roomId: group._id, username: 'limited.user' } }).status).toBe(200);
    // limited.user owns the group (delete-p there) but holds no role in the team's main room.
    expect(await documented('groupsDelete', call(session, 'groupsDelete', { body: { roomId: group._id }, headers: LIMITED }))).toEqual({
      status: 400,
      body: notAllowed('eraseRoom'),
    });
    expect(await documented('groupsDelete', call(session, 'groupsDelete', { body: { roomId: group._id } }))).toEqual({ status: 200, body: { success: true } });
  });
});
