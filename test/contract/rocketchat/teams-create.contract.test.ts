import { describe, expect, it } from 'vitest';
import {
  auth,
  bodyOf,
  createGroup,
  LIMITED,
  LIMITED_ID,
  NOT_LOGGED_IN,
  oversizedJson,
  rc,
  ROOM_ID,
  TESTER_ID,
  TIMESTAMP,
  TOO_LARGE,
} from './rocketchat-client.ts';
import {
  createTeam,
  expectMiddlewareHeaders,
  expectRouteHeaders,
  FORBIDDEN,
  PERMISSIONS_REQUIRED,
  plain,
  TEAM_ID_PATTERN,
  teamName,
  teamsCreate,
  teamsInfo,
} from './teams-client.ts';

const invalidParams = (error: string) => ({ success: false, errorType: 'invalid-params', error });

describe('POST /api/v1/teams.create 200 (research notes issue 10 §7.1)', () => {
  it('answers the team document; teams.info reads the same document back', async () => {
    const name = teamName('tcreate');
    const res = await teamsCreate({ name, type: 0, members: ['limited.user', 'no.such.user'] });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { team } = bodyOf(res, 'TeamsCreateResponse');
    expect(res.json).toEqual({
      team: {
        _id: team._id,
        name,
        type: 0,
        createdAt: team.createdAt,
        createdBy: { _id: TESTER_ID, username: 'tester' },
        _updatedAt: team._updatedAt,
        roomId: team.roomId,
      },
      success: true,
    });
    expect(Object.keys(team)).toEqual(['_id', 'name', 'type', 'createdAt', 'createdBy', '_updatedAt', 'roomId']);
    expect(team._id).toMatch(TEAM_ID_PATTERN);
    expect(team.roomId).toMatch(ROOM_ID);
    expect(team.createdAt).toMatch(TIMESTAMP);
    const info = await teamsInfo({ teamId: team._id });
    expect([info.status, info.json]).toEqual([200, { teamInfo: team, success: true }]);
  });

  it('type 1: a private main room named like the team, teamMain and teamId, creator owner and members', async () => {
    const name = teamName('tpriv');
    const team = await createTeam({ name, type: 1, members: [LIMITED_ID] });
    const info = await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: team.roomId } });
    expect(info.status).toBe(200);
    expect(bodyOf(info, 'GroupResponse').group).toMatchObject({
      _id: team.roomId,
      name,
      fname: name,
      t: 'p',
      msgs: 0,
      usersCount: 2,
      u: { _id: TESTER_ID, username: 'tester' },
      teamMain: true,
      teamId: team._id,
    });
    const members = await rc('groupsMembers', 'groups.members', { headers: auth(), query: { roomId: team.roomId } });
    expect(bodyOf(members, 'GroupsMembersResponse').members.map((m) => m.username).sort()).toEqual(['limited.user', 'tester']);
    // The member sees the private team; the team main room is theirs too.
    expect((await teamsInfo({ teamName: name }, LIMITED)).status).toBe(200);
  });
});

describe('teams.create errors in the vendor order', () => {
  it('401 first, from the middleware', async () => {
    const res = await teamsCreate({}, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });

  it('403 without create-team, from the middleware, before the body', async () => {
    const res = await teamsCreate({ name: 1 }, LIMITED);
    expect([res.status, res.json]).toEqual([403, PERMISSIONS_REQUIRED]);
    expectMiddlewareHeaders(res);
  });

  it('400 invalid-params: ajv\'s first message, no suffix', async () => {
    const cases: [unknown, string][] = [
      [{}, "must have required property 'name'"],
      [{ name: teamName() }, "must have required property 'type'"],
      [{ name: teamName(), type: 0, description: 'x' }, 'must NOT have additional properties'],
      [{ name: teamName(), type: '0' }, 'must be number'],
      [{ name: teamName(), type: 2 }, 'must be equal to one of the allowed values'],
      [{ name: teamName(), type: 0, members: 'tester' }, 'must be array'],
      [{ name: teamName(), type: 0, room: { readOnly: 'yes' } }, 'must be boolean'],
    ];
    for (const [json, message] of cases) {
      const res = await teamsCreate(json);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, invalidParams(message)]);
      expectRouteHeaders(res);
    }
  });

  it('403 unauthorized (route) when room.id is given without edit-room in it', async () => {
    const res = await teamsCreate({ name: teamName(), type: 0, room: { id: 'GENERAL' } });
    expect([res.status, res.json]).toEqual([403, FORBIDDEN]);
    expectRouteHeaders(res);
  });

  it('Team.create: blocked handle, taken name (any case), taken room name, then error-team-creation', async () => {
    const blocked = await teamsCreate({ name: 'here', type: 0 });
    expect([blocked.status, blocked.json]).toEqual([
      400,
      { success: false, error: "here is blocked and can't be used! [error-blocked-username]", errorType: 'error-blocked-username', details: { method: 'checkUsernameAvailability', field: 'here' } },
    ]);
    const name = teamName('ttaken');
    await createTeam({ name, type: 0 });
    for (const again of [name, name.toUpperCase()]) {
      const res = await teamsCreate({ name: again, type: 1 });
      expect([res.status, res.json]).toEqual([400, plain('team-name-already-exists')]);
    }
    const user = await teamsCreate({ name: 'TESTER', type: 0 });
    expect(user.json).toEqual(plain('team-name-already-exists'));
    const groupName = teamName('troom');
    await createGroup({ name: groupName });
    const room = await teamsCreate({ name: groupName, type: 0 });
    expect([room.status, room.json]).toEqual([400, plain('room-name-already-exists')]);
    const invalid = await teamsCreate({ name: 'invalid*team*name', type: 0 });
    expect([invalid.status, invalid.json]).toEqual([400, plain('error-team-creation')]);
    expectRouteHeaders(invalid);
    // The vendor's test: afterwards the team is unknown.
    const info = await teamsInfo({ teamName: 'invalid*team*name' });
    expect([info.status, info.json]).toEqual([400, plain('Team not found')]);
  });

  it('sidepanel (the vendor\'s teams e2e): channels is accepted; other, repeated or unknown items are not', async () => {
    const ok = await teamsCreate({ name: teamName('tside'), type: 0, sidepanel: { items: ['channels'] } });
    expect(ok.status).toBe(200);
    for (const items of [['channels', 'discussion', 'other'], ['other'], ['channels', 'channels']]) {
      const res = await teamsCreate({ name: teamName('tside'), type: 0, sidepanel: { items } });
      expect([res.status, res.json], JSON.stringify(items)).toEqual([400, plain('error-invalid-sidepanel')]);
      expectRouteHeaders(res);
    }
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('teamsCreate', 'teams.create', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
