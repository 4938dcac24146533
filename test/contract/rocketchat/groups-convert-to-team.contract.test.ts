import { describe, expect, it } from 'vitest';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  NOT_LOGGED_IN,
  oversizedJson,
  rc,
  ROOM_NOT_FOUND,
  ROOM_PARAM_NOT_PROVIDED,
  roomName,
  TESTER_ID,
  TIMESTAMP,
  TOO_LARGE,
} from './rocketchat-client.ts';
import { convertToTeam, expectMiddlewareHeaders, expectRouteHeaders, FORBIDDEN, plain, TEAM_ID_PATTERN, teamsInfo } from './teams-client.ts';

describe('POST /api/v1/groups.convertToTeam (research notes issue 11 §4.5)', () => {
  it('200: a private team named like the group, whose main room is the group; converting again is taken', async () => {
    const name = roomName('conv');
    const group = await createGroup({ name, members: ['limited.user'] });
    const res = await convertToTeam({ roomId: group._id });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { team } = bodyOf(res, 'TeamsCreateResponse');
    expect(res.json).toEqual({
      team: { _id: team._id, name, type: 1, createdAt: team.createdAt, createdBy: { _id: TESTER_ID, username: 'tester' }, _updatedAt: team._updatedAt, roomId: group._id },
      success: true,
    });
    expect(team._id).toMatch(TEAM_ID_PATTERN);
    expect(team.createdAt).toMatch(TIMESTAMP);
    // The room is now the team's main room, with the conversion message.
    const info = await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } });
    expect(bodyOf(info, 'GroupResponse').group).toMatchObject({ _id: group._id, teamMain: true, teamId: team._id, msgs: group.msgs + 1, usersCount: 2 });
    // Every subscriber became a team member: the member may read the private team.
    expect((await teamsInfo({ teamId: team._id }, LIMITED)).status).toBe(200);
    const again = await convertToTeam({ roomName: name });
    expect([again.status, again.json]).toEqual([400, plain('team-name-already-exists')]);
  });

  it('400s in the vendor order', async () => {
    const hidden = roomName('convhidden');
    await createGroup({ name: hidden, excludeSelf: true, members: ['limited.user'] });
    const cases: [unknown, unknown][] = [
      [{ roomId: '' }, plain('The parameter "roomId" or "roomName" is required')],
      [{ roomName: '', roomId: 'x' }, plain('The parameter "roomId" or "roomName" is required')],
      [{}, ROOM_PARAM_NOT_PROVIDED],
      [{ roomName: 'general' }, ROOM_NOT_FOUND],
      [{ roomId: 'no-such-room' }, ROOM_NOT_FOUND],
      [{ roomName: hidden }, ROOM_NOT_FOUND],
    ];
    for (const [json, expected] of cases) {
      const res = await convertToTeam(json);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('403 for a member without edit-room and create-team in the room', async () => {
    const name = roomName('convmember');
    await createGroup({ name, members: ['limited.user'] });
    const res = await convertToTeam({ roomName: name }, LIMITED);
    expect([res.status, res.json]).toEqual([403, FORBIDDEN]);
    expectRouteHeaders(res);
  });

  it('401 before the body; 413 for a body over the limit (modelled)', async () => {
    const res = await convertToTeam({}, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
    const big = await rc('groupsConvertToTeam', 'groups.convertToTeam', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([big.status, big.json]).toEqual([413, TOO_LARGE]);
  });
});
