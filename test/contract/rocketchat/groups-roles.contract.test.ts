import { describe, expect, it } from 'vitest';
import { answer, get, groupWith, post } from './membership-client.ts';
import { auth, LIMITED, NOT_LOGGED_IN, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID, type Schemas } from './rocketchat-client.ts';

describe('GET /api/v1/groups.roles (research notes issue 11 §5.4; test T "should return an array of roles <-> user relationships")', () => {
  it('200: role holders by username, each {_id, rid, u, roles}', async () => {
    const group = await groupWith(['rocket.cat', 'limited.user']);
    await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: 'rocket.cat' });
    await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, userId: 'rocket.cat' });
    const res = await get('groupsRoles', 'groups.roles', { roomName: group.name }, LIMITED);
    const body = res.json as Schemas['MembershipRolesResponse'];
    expect(res.status).toBe(200);
    expect(body).toEqual({
      roles: [
        { _id: expect.any(String) as unknown, rid: group._id, u: { _id: 'rocket.cat', username: 'rocket.cat', name: 'Rocket.Cat' }, roles: ['moderator', 'leader'] },
        { _id: expect.any(String) as unknown, rid: group._id, u: { _id: TESTER_ID, username: 'tester', name: 'Tester' }, roles: ['owner'] },
      ],
      success: true,
    });
  });

  it('400: room parameter, a group the caller is not in; 401', async () => {
    expect(answer(await get('groupsRoles', 'groups.roles', {}))).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    const group = await groupWith([]);
    expect(answer(await get('groupsRoles', 'groups.roles', { roomId: group._id }, LIMITED))).toEqual([400, ROOM_NOT_FOUND]);
    expect(answer(await get('groupsRoles', 'groups.roles', { roomId: group._id }, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
