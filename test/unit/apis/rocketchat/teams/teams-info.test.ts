import { describe, expect, it } from 'vitest';
import { call, TEAM_ID, TESTER_ID } from '../support.ts';
import { ADMIN, createTeam, documented, fresh, LIMITED } from './teams-support.ts';

const FIXTURE_TEAM = {
  _id: TEAM_ID,
  name: 'tester-team',
  type: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  createdBy: { _id: TESTER_ID, username: 'tester' },
  _updatedAt: '2024-01-01T00:00:00.000Z',
  roomId: '658441562dd9f928ad9951ab',
};

describe('teams.info (research notes issue 10 §7.2)', () => {
  it('finds by teamId or by exact teamName, under teamInfo', async () => {
    const { session } = fresh();
    const byId = await documented(session, 'teamsInfo', { query: { teamId: TEAM_ID } });
    expect(byId).toEqual({ status: 200, body: { teamInfo: FIXTURE_TEAM, success: true } });
    expect(call(session, 'teamsInfo', { query: { teamName: 'tester-team' } })).toEqual(byId);
    expect(call(session, 'teamsInfo', { query: { teamName: 'Tester-Team' } })).toEqual({ status: 400, body: { success: false, error: 'Team not found' } });
    expect(call(session, 'teamsInfo', { query: { teamId: 'tester-team' } }).body).toEqual({ success: false, error: 'Team not found' });
    expect(call(session, 'teamsInfo', { query: { teamId: '' } }).body).toEqual({ success: false, error: 'Team not found' });
  });

  it('shows a created team as teams.create answered it', () => {
    const { session } = fresh();
    const team = createTeam(session, { name: 'seen', type: 1 });
    expect(call(session, 'teamsInfo', { query: { teamId: team._id } }).body).toEqual({ teamInfo: team, success: true });
  });

  it('400 error-invalid-params for neither, both, or another parameter', async () => {
    const { session } = fresh();
    const neither = await documented(session, 'teamsInfo', {});
    expect(neither.body).toEqual({
      success: false,
      errorType: 'error-invalid-params',
      error: "must have required property 'teamId'\n must have required property 'teamName'\n must match exactly one schema in oneOf",
    });
    expect(call(session, 'teamsInfo', { query: { teamId: TEAM_ID, teamName: 'tester-team' } }).body).toEqual({
      success: false,
      errorType: 'error-invalid-params',
      error: 'must match exactly one schema in oneOf',
    });
    expect(call(session, 'teamsInfo', { query: { teamId: TEAM_ID, fields: '{}' } }).body).toMatchObject({ error: 'must NOT have additional properties' });
  });

  it('Room not found when the main room is gone', async () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'orphan', type: 1 });
    store.rooms.delete(team.roomId);
    expect(await documented(session, 'teamsInfo', { query: { teamName: 'orphan' } })).toEqual({ status: 400, body: { success: false, error: 'Room not found' } });
  });

  it('403 when the caller can access neither the main room nor all teams', async () => {
    const { session } = fresh();
    createTeam(session, { name: 'secret', type: 1 });
    const res = await documented(session, 'teamsInfo', { query: { teamName: 'secret' }, headers: LIMITED });
    expect(res).toEqual({ status: 403, body: { success: false, error: 'unauthorized' } });
    // view-all-teams (admin) sees it; members of the private main room see it.
    expect(call(session, 'teamsInfo', { query: { teamName: 'secret' }, headers: ADMIN }).status).toBe(200);
    createTeam(session, { name: 'shared-secret', type: 1, members: ['limited.user'] });
    expect(call(session, 'teamsInfo', { query: { teamName: 'shared-secret' }, headers: LIMITED }).status).toBe(200);
    // A public main room is open to anyone with view-c-room.
    expect(call(session, 'teamsInfo', { query: { teamId: TEAM_ID }, headers: LIMITED }).status).toBe(200);
  });
});
