import { describe, expect, it } from 'vitest';
import { auth, LIMITED, NOT_LOGGED_IN, TEAM_ID, TESTER_ID } from './rocketchat-client.ts';
import { admin, createTeam, expectMiddlewareHeaders, expectRouteHeaders, FORBIDDEN, plain, teamName, teamsInfo } from './teams-client.ts';

const invalidQuery = (error: string) => ({ success: false, errorType: 'error-invalid-params', error });

describe('GET /api/v1/teams.info (research notes issue 10 §7.2)', () => {
  it('the fixture team by teamId or teamName, under teamInfo', async () => {
    const byId = await teamsInfo({ teamId: TEAM_ID });
    expect(byId.status).toBe(200);
    expectRouteHeaders(byId);
    expect(byId.json).toEqual({
      teamInfo: {
        _id: TEAM_ID,
        name: 'tester-team',
        type: 0,
        createdAt: '2024-01-01T00:00:00.000Z',
        createdBy: { _id: TESTER_ID, username: 'tester' },
        _updatedAt: '2024-01-01T00:00:00.000Z',
        roomId: '658441562dd9f928ad9951ab',
      },
      success: true,
    });
    const byName = await teamsInfo({ teamName: 'tester-team' });
    expect(byName.json).toEqual(byId.json);
  });

  it('400 error-invalid-params: neither, both, or another parameter', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, "must have required property 'teamId'\n must have required property 'teamName'\n must match exactly one schema in oneOf"],
      [{ teamId: TEAM_ID, teamName: 'tester-team' }, 'must match exactly one schema in oneOf'],
      [{ teamId: TEAM_ID, count: '5' }, 'must NOT have additional properties'],
    ];
    for (const [query, message] of cases) {
      const res = await teamsInfo(query);
      expect([res.status, res.json], JSON.stringify(query)).toEqual([400, invalidQuery(message)]);
      expectRouteHeaders(res);
    }
  });

  it('Team not found: an unknown id, a name in another case, an id given as teamName, an empty name (vendor test)', async () => {
    const queries: Record<string, string>[] = [{ teamId: 'ffffffffffffffffffffffff' }, { teamName: 'TESTER-TEAM' }, { teamName: TEAM_ID }, { teamName: '' }];
    for (const query of queries) {
      const res = await teamsInfo(query);
      expect([res.status, res.json], JSON.stringify(query)).toEqual([400, plain('Team not found')]);
    }
  });

  it('403 for a private team whose main room the caller cannot see; view-all-teams sees it', async () => {
    const name = teamName('tsecret');
    const team = await createTeam({ name, type: 1 });
    const res = await teamsInfo({ teamName: name }, LIMITED);
    expect([res.status, res.json]).toEqual([403, FORBIDDEN]);
    expectRouteHeaders(res);
    const asAdmin = await teamsInfo({ teamId: team._id }, await admin());
    expect([asAdmin.status, asAdmin.json]).toEqual([200, { teamInfo: team, success: true }]);
    // A public team's main room is open to everyone with view-c-room.
    expect((await teamsInfo({ teamId: TEAM_ID }, LIMITED)).status).toBe(200);
  });

  it('401 before the query is looked at', async () => {
    const res = await teamsInfo({}, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
