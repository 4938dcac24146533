import { describe, expect, it } from 'vitest';
import { call, LIMITED_ID, PINNED_NOW, TESTER_ID } from '../support.ts';
import { documented, fresh, LIMITED } from './teams-support.ts';
import type { ApiSession } from '../../../../../src/core/api.ts';

const plain = (error: string) => ({ success: false, error });
const ROOM_NOT_FOUND = {
  success: false,
  error: 'The required "roomId" or "roomName" param provided does not match any group [error-room-not-found]',
  errorType: 'error-room-not-found',
};

function group(session: ApiSession, body: Record<string, unknown>, headers?: Record<string, string>): string {
  const res = call(session, 'groupsCreate', { body, ...(headers ? { headers } : {}) });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body as { group: { _id: string } }).group._id;
}

describe('groups.convertToTeam (research notes issue 11 §4.5)', () => {
  it('turns the group into a private team of its subscribers, owned by the caller', async () => {
    const { store, session } = fresh();
    const rid = group(session, { name: 'convert-me', members: ['limited.user', 'rocket.cat'] });
    const res = await documented(session, 'groupsConvertToTeam', { body: { roomName: 'convert-me' } });
    const team = (res.body as { team: { _id: string } }).team;
    expect(res).toEqual({
      status: 200,
      body: {
        team: { _id: team._id, name: 'convert-me', type: 1, createdAt: PINNED_NOW, createdBy: { _id: TESTER_ID, username: 'tester' }, _updatedAt: PINNED_NOW, roomId: rid },
        success: true,
      },
    });
    expect(store.rooms.room(rid)).toMatchObject({ teamMain: true, teamId: team._id, msgs: 1, usersCount: 3 });
    expect(store.messages.ofRoom(rid).map((m) => [m.t, m.msg, m.u])).toEqual([['user-converted-to-team', 'convert-me', { _id: TESTER_ID, username: 'tester' }]]);
    expect([...(store.teams.team(team._id)?.members.values() ?? [])].map((m) => [m.userId, m.roles])).toEqual([
      [LIMITED_ID, []],
      ['rocket.cat', []],
      [TESTER_ID, ['owner']],
    ]);
    // The group now answers groups.info with its team fields.
    expect(call(session, 'groupsInfo', { query: { roomId: rid } }).body).toMatchObject({ group: { teamId: team._id, teamMain: true, msgs: 1 } });
  });

  it('converting again fails: the team holds the name', async () => {
    const { session } = fresh();
    group(session, { name: 'twice' });
    expect(call(session, 'groupsConvertToTeam', { body: { roomName: 'twice' } }).status).toBe(200);
    expect(await documented(session, 'groupsConvertToTeam', { body: { roomName: 'twice' } })).toEqual({ status: 400, body: plain('team-name-already-exists') });
  });

  it('400s in the vendor order', async () => {
    const { store, session } = fresh();
    group(session, { name: 'others', members: ['limited.user'] });
    const archivedId = group(session, { name: 'archived-one' });
    const archived = store.rooms.room(archivedId);
    if (archived) store.rooms.update(archived, (copy) => (copy.extra = new Map([['archived', true]])));
    group(session, { name: 'all' });
    const cases: [unknown, unknown][] = [
      [{ roomId: '' }, plain('The parameter "roomId" or "roomName" is required')],
      [{ roomId: 'x', roomName: '' }, plain('The parameter "roomId" or "roomName" is required')],
      [{}, { success: false, error: 'The parameter "roomId" or "roomName" is required [error-room-param-not-provided]', errorType: 'error-room-param-not-provided' }],
      [{ roomId: 'nope', roomName: 'others' }, ROOM_NOT_FOUND],
      [{ roomId: 5 }, ROOM_NOT_FOUND],
      [{ roomName: 'general' }, ROOM_NOT_FOUND],
      [{ roomName: 'archived-one' }, { success: false, error: 'The private group, archived-one, is archived [error-room-archived]', errorType: 'error-room-archived' }],
      [
        { roomName: 'all' },
        { success: false, error: "all is blocked and can't be used! [error-blocked-username]", errorType: 'error-blocked-username', details: { method: 'checkUsernameAvailability', field: 'all' } },
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await documented(session, 'groupsConvertToTeam', { body });
      expect([res.status, res.body], JSON.stringify(body)).toEqual([400, expected]);
    }
  });

  it('403 without edit-room in the room (a plain member), or without create-team', async () => {
    const { store, session } = fresh();
    group(session, { name: 'member-only', members: ['limited.user'] });
    // limited.user is subscribed but holds neither create-team nor edit-room.
    expect(await documented(session, 'groupsConvertToTeam', { body: { roomName: 'member-only' }, headers: LIMITED })).toEqual({ status: 403, body: plain('unauthorized') });
    store.authz.setPermission('create-team', ['admin'], PINNED_NOW);
    expect(call(session, 'groupsConvertToTeam', { body: { roomName: 'member-only' } })).toEqual({ status: 403, body: plain('unauthorized') });
    store.authz.setPermission('create-team', ['admin', 'owner'], PINNED_NOW);
    expect(call(session, 'groupsConvertToTeam', { body: { roomName: 'member-only' } }).status).toBe(200);
  });
});
