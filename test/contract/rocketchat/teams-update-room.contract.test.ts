import { describe, expect, it } from 'vitest';
import { auth, bodyOf, createGroup, LIMITED, NOT_LOGGED_IN, oversizedJson, rc, roomName, TESTER_ID, TOO_LARGE } from './rocketchat-client.ts';
import { createTeam, createTeamGroup, expectMiddlewareHeaders, expectRouteHeaders, FORBIDDEN, plain, teamName, teamsUpdateRoom } from './teams-client.ts';

describe('POST /api/v1/teams.updateRoom (research notes issue 11 §4.6)', () => {
  it('isDefault: the room as read before, with teamDefault; team members join the room', async () => {
    const team = await createTeam({ name: teamName('tauto'), type: 0, members: ['limited.user'] });
    const group = await createTeamGroup(team._id);
    const res = await teamsUpdateRoom({ roomId: group._id, isDefault: true });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    expect(res.json).toEqual({
      room: { ...group, usersCount: group.usersCount + 1, teamDefault: true },
      success: true,
    });
    const members = await rc('groupsMembers', 'groups.members', { headers: auth(), query: { roomId: group._id } });
    expect(bodyOf(members, 'GroupsMembersResponse').members.map((m) => m.username).sort()).toEqual(['limited.user', 'tester']);
    // The joiner sees the group, which now carries teamDefault and the `au` message.
    const info = await rc('groupsInfo', 'groups.info', { headers: LIMITED, query: { roomId: group._id } });
    expect(bodyOf(info, 'GroupResponse').group).toMatchObject({ teamDefault: true, teamId: team._id, msgs: group.msgs + 1, usersCount: 2 });
    // Back to false: nobody leaves; "false" is coerced like the vendor's ajv does.
    const off = await teamsUpdateRoom({ roomId: group._id, isDefault: 'false' });
    expect(bodyOf(off, 'TeamsUpdateRoomResponse').room).toMatchObject({ teamDefault: false, usersCount: 2 });
  });

  it('400s and 403 in the vendor order', async () => {
    const team = await createTeam({ name: teamName('tupd'), type: 0, members: ['limited.user'] });
    const teamGroup = await createTeamGroup(team._id);
    const loose = await createGroup({ name: roomName('loose') });
    const cases: [unknown, Record<string, string>, number, unknown][] = [
      [{ roomId: teamGroup._id }, auth(), 400, { success: false, errorType: 'invalid-params', error: "must have required property 'isDefault'" }],
      [{ roomId: teamGroup._id, isDefault: true, teamId: team._id }, auth(), 400, { success: false, errorType: 'invalid-params', error: 'must NOT have additional properties' }],
      [{ roomId: 'no-such-room', isDefault: true }, auth(), 400, plain('invalid-room')],
      [{ roomId: loose._id, isDefault: true }, auth(), 400, plain('room-not-on-team')],
      // A team member who holds no role in the main room lacks edit-team-channel.
      [{ roomId: teamGroup._id, isDefault: true }, LIMITED, 403, FORBIDDEN],
    ];
    for (const [json, headers, status, expected] of cases) {
      const res = await teamsUpdateRoom(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([status, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 before the body; 413 for a body over the limit (modelled)', async () => {
    const res = await teamsUpdateRoom({}, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
    const big = await rc('teamsUpdateRoom', 'teams.updateRoom', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([big.status, big.json]).toEqual([413, TOO_LARGE]);
  });
});
