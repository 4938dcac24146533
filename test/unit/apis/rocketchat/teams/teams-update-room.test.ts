import { describe, expect, it } from 'vitest';
import { call, LIMITED_ID, PINNED_NOW, TEAM_ID, TESTER_ID } from '../support.ts';
import { ADMIN, addUser, createTeam, documented, fresh, LIMITED } from './teams-support.ts';
import type { ApiSession } from '../../../../../src/core/api.ts';

const plain = (error: string) => ({ success: false, error });

function group(session: ApiSession, body: Record<string, unknown>): { _id: string; ts: string } {
  const res = call(session, 'groupsCreate', { body });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body as { group: { _id: string; ts: string } }).group;
}

describe('teams.updateRoom (research notes issue 11 §4.6)', () => {
  it('isDefault true: answers the room read before the change, with teamDefault; team members join', async () => {
    const { store, session } = fresh();
    const sleepy = addUser(store, 'sleepy', false);
    const team = createTeam(session, { name: 'auto', type: 0, members: ['limited.user', 'rocket.cat'] });
    store.teams.setMember(store.teams.team(team._id) ?? fail(), { userId: sleepy._id, roles: [], createdAt: PINNED_NOW, createdBy: { _id: TESTER_ID, username: 'tester' } });
    const g = group(session, { name: 'auto-room', members: ['rocket.cat'], extraData: { teamId: team._id } });
    const res = await documented(session, 'teamsUpdateRoom', { body: { roomId: g._id, isDefault: true } });
    expect(res).toEqual({
      status: 200,
      body: {
        room: {
          _id: g._id,
          fname: 'auto-room',
          name: 'auto-room',
          t: 'p',
          msgs: 0,
          usersCount: 3,
          u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
          ts: g.ts,
          ro: false,
          _updatedAt: g.ts,
          teamId: team._id,
          teamDefault: true,
        },
        success: true,
      },
    });
    const room = store.rooms.room(g._id);
    // limited.user joined (rocket.cat already in, the inactive user and the creator skipped).
    expect(store.rooms.subscriptionsOf(g._id).map((s) => s.userId)).toEqual([TESTER_ID, 'rocket.cat', LIMITED_ID]);
    expect(store.rooms.subscription(g._id, LIMITED_ID)).toMatchObject({ open: true, alert: true, unread: 1, userMentions: 1 });
    expect(room).toMatchObject({ msgs: 1, usersCount: 3 });
    expect(room?.extra.get('teamDefault')).toBe(true);
    expect(store.messages.ofRoom(g._id).map((m) => [m.t, m.msg, m.u])).toEqual([['au', 'limited.user', { _id: TESTER_ID, username: 'tester' }]]);
    // groups.info shows the flag too.
    expect(call(session, 'groupsInfo', { query: { roomId: g._id } }).body).toMatchObject({ group: { teamDefault: true, msgs: 1, usersCount: 3 } });
    // Setting it back keeps the key in place and adds no one.
    const off = call(session, 'teamsUpdateRoom', { body: { roomId: g._id, isDefault: 'false' } });
    expect(off.body).toMatchObject({ room: { teamDefault: false, msgs: 1, usersCount: 3 } });
  });

  it('on a main room the joiners get added-user-to-team', () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'main-auto', type: 0 });
    store.teams.setMember(store.teams.team(team._id) ?? fail(), { userId: LIMITED_ID, roles: [], createdAt: PINNED_NOW, createdBy: { _id: TESTER_ID, username: 'tester' } });
    expect(call(session, 'teamsUpdateRoom', { body: { roomId: team.roomId, isDefault: true } }).body).toMatchObject({ room: { t: 'c', teamMain: true, teamDefault: true, usersCount: 2 } });
    expect(store.messages.ofRoom(team.roomId).map((m) => m.t)).toEqual(['added-user-to-team']);
  });

  it('400s and 403 in the vendor order', async () => {
    const { session } = fresh();
    const plainGroup = group(session, { name: 'loose' });
    const team = createTeam(session, { name: 'strict', type: 1, members: ['limited.user'] });
    const teamGroup = group(session, { name: 'strict-room', extraData: { teamId: team._id } });
    const cases: [unknown, Record<string, string> | undefined, number, unknown][] = [
      [{ roomId: 'x' }, undefined, 400, { success: false, errorType: 'invalid-params', error: "must have required property 'isDefault'" }],
      [{ roomId: 'nope', isDefault: true }, undefined, 400, plain('invalid-room')],
      [{ roomId: plainGroup._id, isDefault: true }, undefined, 400, plain('room-not-on-team')],
      [{ roomId: teamGroup._id, isDefault: true }, LIMITED, 403, plain('unauthorized')],
    ];
    for (const [body, headers, status, expected] of cases) {
      const res = await documented(session, 'teamsUpdateRoom', { body, ...(headers ? { headers } : {}) });
      expect([res.status, res.body], JSON.stringify(body)).toEqual([status, expected]);
    }
  });

  it('team-does-not-exist when the room points to a team that is gone', async () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'gone', type: 0 });
    const g = group(session, { name: 'gone-room', extraData: { teamId: team._id } });
    store.teams.delete(team._id);
    expect(await documented(session, 'teamsUpdateRoom', { body: { roomId: g._id, isDefault: true } })).toEqual({ status: 400, body: plain('team-does-not-exist') });
  });

  it('without view-all-team-channels the caller must access the room (invalid-room); the admin need not', () => {
    const { store, session } = fresh();
    const g = group(session, { name: 'hidden-team-room', excludeSelf: true, members: ['rocket.cat'], extraData: { teamId: TEAM_ID } });
    // tester owns the fixture team's main room (edit-team-channel) but view-all-team-channels
    // is taken from owners here, and tester is not in the group.
    store.authz.setPermission('view-all-team-channels', ['admin'], PINNED_NOW);
    expect(call(session, 'teamsUpdateRoom', { body: { roomId: g._id, isDefault: false } })).toEqual({ status: 400, body: plain('invalid-room') });
    expect(call(session, 'teamsUpdateRoom', { body: { roomId: g._id, isDefault: false }, headers: ADMIN }).status).toBe(200);
  });
});

function fail(): never {
  throw new Error('missing');
}
