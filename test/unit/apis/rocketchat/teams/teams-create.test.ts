import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter, unboundedMeter } from '../../../../../src/core/byte-budget.ts';
import { call, LIMITED_ID, PINNED_NOW, TESTER_ID } from '../support.ts';
import { ADMIN, addUser, createTeam, documented, fresh, LIMITED } from './teams-support.ts';

const plain = (error: string) => ({ success: false, error });

describe('teams.create 200: team, main room, members (research notes issue 10 §7.1)', () => {
  it('answers the team document with a 24-hex ObjectId of the creation second', async () => {
    const { session } = fresh();
    const res = await documented(session, 'teamsCreate', { body: { name: 'alpha', type: 0 } });
    const team = (res.body as { team: { _id: string; roomId: string } }).team;
    expect(res).toEqual({
      status: 200,
      body: {
        team: {
          _id: team._id,
          name: 'alpha',
          type: 0,
          createdAt: PINNED_NOW,
          createdBy: { _id: TESTER_ID, username: 'tester' },
          _updatedAt: PINNED_NOW,
          roomId: team.roomId,
        },
        success: true,
      },
    });
    expect(Object.keys((res.body as { team: object }).team)).toEqual(['_id', 'name', 'type', 'createdAt', 'createdBy', '_updatedAt', 'roomId']);
    expect(team._id).toMatch(/^67878720[0-9a-f]{16}$/);
  });

  it('type 0 makes a public main room, type 1 a private one, named like the team, teamMain and teamId set', () => {
    const { store, session } = fresh();
    const pub = createTeam(session, { name: 'pub', type: 0 });
    const priv = createTeam(session, { name: 'priv', type: 1 });
    expect(store.rooms.room(pub.roomId)).toMatchObject({ name: 'pub', fname: 'pub', t: 'c', teamMain: true, teamId: pub._id, msgs: 0, usersCount: 1 });
    expect(store.rooms.room(priv.roomId)).toMatchObject({ name: 'priv', t: 'p', teamMain: true, teamId: priv._id });
    expect(store.rooms.room(pub.roomId)?.u).toEqual({ _id: TESTER_ID, username: 'tester', name: 'Tester' });
    expect(store.teams.team(priv._id)).toMatchObject({ name: 'priv', type: 1, roomId: priv.roomId });
  });

  it('the creator is team owner and room owner; members (ids or usernames) join both without roles; unknown and inactive are dropped', () => {
    const { store, session } = fresh();
    addUser(store, 'sleepy', false);
    const team = createTeam(session, { name: 'crew', type: 1, members: ['limited.user', 'rocket.cat', 'nobody', 'sleepy', LIMITED_ID, 'tester'] });
    const stored = store.teams.team(team._id);
    expect([...(stored?.members.values() ?? [])].map((m) => [m.userId, m.roles])).toEqual([
      [LIMITED_ID, []],
      ['rocket.cat', []],
      [TESTER_ID, ['owner']],
    ]);
    expect(stored?.members.get(LIMITED_ID)).toMatchObject({ createdAt: PINNED_NOW, createdBy: { _id: TESTER_ID, username: 'tester' } });
    expect(store.rooms.subscriptionsOf(team.roomId).map((s) => [s.userId, s.roles])).toEqual([
      [TESTER_ID, ['owner']],
      [LIMITED_ID, []],
      ['rocket.cat', []],
    ]);
    expect(store.rooms.room(team.roomId)?.usersCount).toBe(3);
  });

  it('owner: the given user creates and owns the room and the team; the caller joins only if listed', () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'owned', type: 0, owner: 'rocket.cat' });
    expect(store.rooms.room(team.roomId)?.u._id).toBe('rocket.cat');
    expect(store.rooms.subscriptionsOf(team.roomId).map((s) => [s.userId, s.roles])).toEqual([['rocket.cat', ['owner']]]);
    expect([...(store.teams.team(team._id)?.members.keys() ?? [])]).toEqual(['rocket.cat']);
    expect(team.createdBy).toEqual({ _id: TESTER_ID, username: 'tester' });
  });

  it('room options: readOnly and extraData land on the created room', () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'ro', type: 0, room: { readOnly: true, extraData: { topic: 'hi', teamMain: false, teamId: 'x' } } });
    const room = store.rooms.room(team.roomId);
    expect(room).toMatchObject({ ro: true, teamMain: true, teamId: team._id });
    expect(room?.extra.get('topic')).toBe('hi');
  });

  it('sidepanel: valid items are stored on the main room; others are error-invalid-sidepanel before Team.create', async () => {
    const { store, session } = fresh();
    const team = createTeam(session, { name: 'side', type: 0, sidepanel: { items: ['channels', 'discussions'] } });
    expect(store.rooms.room(team.roomId)?.extra.get('sidepanel')).toEqual({ items: ['channels', 'discussions'] });
    expect(store.rooms.room(createTeam(session, { name: 'side-none', type: 0, sidepanel: {} }).roomId)?.extra.has('sidepanel')).toBe(false);
    for (const items of [['channels', 'discussion', 'other'], ['other'], ['channels', 'channels'], [], 'channels']) {
      const res = await documented(session, 'teamsCreate', { body: { name: 'side', type: 0, sidepanel: { items } } });
      expect(res, JSON.stringify(items)).toEqual({ status: 400, body: plain('error-invalid-sidepanel') });
    }
  });

  it('the groups.ts setup: the team owner may create a group in it, a plain member gets error-not-allowed', () => {
    const { session } = fresh();
    const team = createTeam(session, { name: 'team-setup', type: 0, members: ['limited.user'] });
    const ok = call(session, 'groupsCreate', { body: { name: 'team-group', extraData: { teamId: team._id } } });
    expect(ok.status).toBe(200);
    expect((ok.body as { group: { teamId: string } }).group.teamId).toBe(team._id);
    const refused = call(session, 'groupsCreate', { body: { name: 'team-group-2', extraData: { teamId: team._id } }, headers: LIMITED });
    expect(refused).toEqual({
      status: 400,
      body: { success: false, error: 'Not allowed [error-not-allowed]', errorType: 'error-not-allowed', details: { method: 'createPrivateGroup' } },
    });
  });
});

describe('teams.create errors, in the vendor order', () => {
  it('403 without create-team comes from the middleware, before the body', () => {
    const { session } = fresh();
    expect(call(session, 'teamsCreate', { body: {}, headers: LIMITED })).toEqual({
      status: 403,
      body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' },
    });
  });

  it('400 invalid-params before the room.id check', async () => {
    const { session } = fresh();
    const res = await documented(session, 'teamsCreate', { body: { name: 'x', room: { id: 'GENERAL' } } });
    expect(res).toEqual({ status: 400, body: { success: false, errorType: 'invalid-params', error: "must have required property 'type'" } });
  });

  it('403 unauthorized when room.id is given without edit-room in it; the admin may', async () => {
    const { session } = fresh();
    const res = await documented(session, 'teamsCreate', { body: { name: 'conv', type: 0, room: { id: 'GENERAL' } } });
    expect(res).toEqual({ status: 403, body: plain('unauthorized') });
  });

  it('a blocked handle is a Meteor error; a taken one team-name-already-exists (users and teams, any case)', async () => {
    const { session } = fresh();
    const blocked = await documented(session, 'teamsCreate', { body: { name: 'Here', type: 0 } });
    expect(blocked.body).toEqual({
      success: false,
      error: "Here is blocked and can't be used! [error-blocked-username]",
      errorType: 'error-blocked-username',
      details: { method: 'checkUsernameAvailability', field: 'Here' },
    });
    expect(call(session, 'teamsCreate', { body: { name: 'Admin', type: 0 } }).body).toMatchObject({ errorType: 'error-blocked-username' });
    expect(call(session, 'teamsCreate', { body: { name: '<b>', type: 0 } }).status).toBe(400);
    expect(call(session, 'teamsCreate', { body: { name: 'TESTER', type: 0 } })).toEqual({ status: 400, body: plain('team-name-already-exists') });
    expect(call(session, 'teamsCreate', { body: { name: 'Tester-Team', type: 0 } })).toEqual({ status: 400, body: plain('team-name-already-exists') });
  });

  it('blocked names escape like underscore', () => {
    const { store, session } = fresh();
    store.settings.set('Accounts_BlockedUsernameList', 'a<b, bad ');
    expect(call(session, 'teamsCreate', { body: { name: 'BAD', type: 0 } }).body).toMatchObject({ error: "BAD is blocked and can't be used! [error-blocked-username]" });
    expect(call(session, 'teamsCreate', { body: { name: 'a<b', type: 0 } }).body).toMatchObject({ error: "a&lt;b is blocked and can't be used! [error-blocked-username]" });
  });

  it('room-name-already-exists for another room of that exact name; error-team-creation for what createRoom refuses', async () => {
    const { store, session } = fresh();
    expect(call(session, 'teamsCreate', { body: { name: 'general', type: 0 } })).toEqual({ status: 400, body: plain('room-name-already-exists') });
    const invalid = await documented(session, 'teamsCreate', { body: { name: 'invalid*team*name', type: 0 } });
    expect(invalid).toEqual({ status: 400, body: plain('error-team-creation') });
    expect(call(session, 'teamsCreate', { body: { name: ' general ', type: 0 } }).body).toEqual(plain('error-team-creation'));
    expect(call(session, 'teamsCreate', { body: { name: 'ghost-owned', type: 0, owner: 'no-such-id' } }).body).toEqual(plain('error-team-creation'));
    // Nothing was stored: the name is still free and teams.info does not know it.
    expect(store.teams.byTeamName('invalid*team*name')).toBeUndefined();
    expect(call(session, 'teamsInfo', { query: { teamName: 'invalid*team*name' } }).body).toEqual(plain('Team not found'));
  });

  it('the owner needs create-p for a private team (Room.create), create-c for a public one', () => {
    const { session } = fresh();
    // limited.user holds create-c but not create-p.
    expect(createTeam(session, { name: 'lim-pub', type: 0, owner: LIMITED_ID }).name).toBe('lim-pub');
    expect(call(session, 'teamsCreate', { body: { name: 'lim-priv', type: 1, owner: LIMITED_ID } }).body).toEqual(plain('error-team-creation'));
  });

  it('a team that does not fit stores nothing: a main room already stored is removed again', () => {
    const probe = unboundedMeter();
    const measured = fresh(probe);
    const seeded = probe.bytes;
    createTeam(measured.session, { name: 'full', type: 0 });
    const teamAndRoom = probe.bytes - seeded;
    // Room for the main room but not for the team itself.
    for (const limit of [1, teamAndRoom - 100]) {
      const { store, session } = fresh(new Meter(new ByteBudget(seeded + limit)));
      const res = call(session, 'teamsCreate', { body: { name: 'full', type: 0 } });
      expect(res.body).toMatchObject({ errorType: 'error-twin-session-full' });
      expect(store.teams.byTeamName('full')).toBeUndefined();
      expect(store.rooms.roomByName('full')).toBeUndefined();
    }
  });
});

describe('teams.create with room.id (conversion)', () => {
  it('the admin converts a room: no new room, teamMain/teamId set, user-converted-to-team message', async () => {
    const { store, session } = fresh();
    const group = call(session, 'groupsCreate', { body: { name: 'to-convert' } });
    const rid = (group.body as { group: { _id: string } }).group._id;
    call(session, 'groupsInvite', { body: { roomId: rid, username: 'rocketchat.internal.admin.test' } });
    const before = store.rooms.count;
    const res = await documented(session, 'teamsCreate', { body: { name: 'converted', type: 1, room: { id: rid }, members: ['limited.user'] }, headers: ADMIN });
    const team = (res.body as { team: { _id: string; roomId: string } }).team;
    expect(team.roomId).toBe(rid);
    expect(store.rooms.count).toBe(before);
    const room = store.rooms.room(rid);
    expect(room).toMatchObject({ name: 'to-convert', teamMain: true, teamId: team._id, msgs: 2 });
    const last = store.messages.ofRoom(rid).at(-1);
    expect(last).toMatchObject({ t: 'user-converted-to-team', msg: 'converted', u: { _id: 'rocketchat.internal.admin.test', username: 'rocketchat.internal.admin.test' } });
    // Members join the team, not the room.
    expect(store.rooms.subscription(rid, LIMITED_ID)).toBeUndefined();
    expect(store.teams.team(team._id)?.members.get(LIMITED_ID)?.roles).toEqual([]);
  });

  it('a room named like the team is fine when it is the converted room (modelled: a missing room or a main room refuses)', () => {
    const { session } = fresh();
    const created = call(session, 'groupsCreate', { body: { name: 'same-name' } });
    const rid = (created.body as { group: { _id: string } }).group._id;
    expect(createTeam(session, { name: 'same-name', type: 1, room: { id: rid } }).roomId).toBe(rid);
    expect(call(session, 'teamsCreate', { body: { name: 'ghost', type: 0, room: { id: 'nope' } }, headers: ADMIN }).body).toEqual(plain('error-team-creation'));
    expect(call(session, 'teamsCreate', { body: { name: 'double', type: 0, room: { id: '658441562dd9f928ad9951ab' } }, headers: ADMIN }).body).toEqual(plain('error-team-creation'));
  });
});
