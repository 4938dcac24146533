import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { ADMIN, ADMIN_ID, archive, archived, grant, group, INVALID_USER, LIMITED, meteor, ROOM_NOT_FOUND, ROOM_PARAM, run, systemMessages, TESTER, USER_PARAM, world } from './membership-support.ts';

const DONE = { status: 200, body: { success: true } };
const TESTER_U = { _id: TESTER_ID, username: 'tester', name: 'Tester' };

describe('groups.addModerator / roles / moderators (research notes issue 11 §5.3–§5.5)', () => {
  it('adds the role, writes subscription-role-added with the role, and shows it in roles and moderators', async () => {
    const w = world();
    const room = group(w, { name: 'mods', members: ['limited.user'] });
    w.clock.set('2025-01-15T10:05:00.000Z');
    expect(await run(w, 'groupsAddModerator', { body: { roomId: room._id, username: 'LIMITED.user' } })).toEqual(DONE);
    expect(room.msgs).toBe(1);
    expect(systemMessages(w, room)).toEqual([{ t: 'subscription-role-added', msg: 'limited.user', u: TESTER_U, role: 'moderator' }]);
    const sub = w.store.rooms.subscription(room._id, LIMITED_ID);
    expect(sub?.roles).toEqual(['moderator']);
    expect(sub?._updatedAt).toBe('2025-01-15T10:05:00.000Z');
    const roles = await run(w, 'groupsRoles', { query: { roomName: 'mods' } });
    expect(roles.body).toEqual({
      roles: [
        { _id: sub?._id, rid: room._id, u: { _id: LIMITED_ID, username: 'limited.user', name: 'Limited User' }, roles: ['moderator'] },
        { _id: w.store.rooms.subscription(room._id, TESTER_ID)?._id, rid: room._id, u: TESTER_U, roles: ['owner'] },
      ],
      success: true,
    });
    const moderators = await run(w, 'groupsModerators', { query: { roomId: room._id } });
    expect(moderators.body).toEqual({ moderators: [{ _id: LIMITED_ID, username: 'limited.user', name: 'Limited User' }], success: true });
  });

  it('roles lists only roles of the Subscriptions scope that have a description, sorted by username', async () => {
    const w = world();
    const room = group(w, { name: 'leaders', members: ['rocket.cat', 'limited.user'] });
    await run(w, 'groupsAddLeader', { body: { roomId: room._id, userId: 'rocket.cat' } });
    await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: 'rocket.cat' } });
    const roles = await run(w, 'groupsRoles', { query: { roomId: room._id } });
    // rocket.cat < tester; limited.user holds nothing.
    expect((roles.body as { roles: { u: { username: string }; roles: string[] }[] }).roles.map((r) => [r.u.username, r.roles])).toEqual([
      ['rocket.cat', ['leader', 'moderator']],
      ['tester', ['owner']],
    ]);
  });

  it('checks in the vendor order: room, archived, user, permission, membership, role', async () => {
    const w = world();
    const room = group(w, { name: 'order', members: ['limited.user'] });
    const hidden = group(w, { name: 'hidden', excludeSelf: true, members: ['limited.user'] });
    const cases: [unknown, Record<string, string>, unknown][] = [
      [{ username: 'limited.user' }, TESTER, ROOM_PARAM],
      [{ roomName: 'hidden', username: 'limited.user' }, TESTER, ROOM_NOT_FOUND],
      [{ roomId: 'GENERAL', username: 'limited.user' }, TESTER, ROOM_NOT_FOUND],
      [{ roomName: 'order' }, TESTER, USER_PARAM],
      [{ roomName: 'order', userId: '  ', username: ' ', user: '' }, TESTER, USER_PARAM],
      [{ roomName: 'order', userId: 'nobody' }, TESTER, INVALID_USER],
      [{ roomName: 'order', userId: TESTER_ID }, LIMITED, meteor('error-not-allowed', 'Not allowed', { method: 'addRoomOwner' })],
      [{ roomName: 'order', user: 'rocket.cat' }, TESTER, meteor('error-user-not-in-room', 'User is not in this room', { method: 'addRoomOwner' })],
      [{ roomName: 'order', userId: TESTER_ID }, TESTER, meteor('error-user-already-owner', 'User is already an owner', { method: 'addRoomOwner' })],
    ];
    for (const [body, headers, error] of cases) {
      expect(await run(w, 'groupsAddOwner', { body, headers }), JSON.stringify(body)).toEqual({ status: 400, body: error });
    }
    expect(hidden.msgs + room.msgs).toBe(0);
    archive(w, room);
    expect(await run(w, 'groupsAddOwner', { body: { roomName: 'order' } })).toEqual({ status: 400, body: archived('order') });
    for (const op of ['groupsRoles', 'groupsModerators']) {
      expect(await run(w, op, { query: { roomName: 'order' } })).toEqual({ status: 400, body: archived('order') });
    }
  });

  it('admins may change roles in a group they belong to; the permission is room-scoped for owners', async () => {
    const w = world();
    const room = group(w, { name: 'scoped', members: ['limited.user', 'rocketchat.internal.admin.test'] });
    expect(await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: LIMITED_ID }, headers: ADMIN })).toEqual(DONE);
    expect(await run(w, 'groupsAddLeader', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual(DONE);
    // A moderator has no set-moderator by default.
    expect(await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: ADMIN_ID }, headers: LIMITED })).toEqual({
      status: 400,
      body: meteor('error-not-allowed', 'Not allowed', { method: 'addRoomModerator' }),
    });
    grant(w, 'set-moderator', ['admin', 'owner', 'moderator']);
    expect(await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: ADMIN_ID }, headers: LIMITED })).toEqual(DONE);
    expect(await run(w, 'groupsAddLeader', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual({
      status: 400,
      body: meteor('error-user-already-leader', 'User is already a leader', { method: 'addRoomLeader' }),
    });
    expect(await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual({
      status: 400,
      body: meteor('error-user-already-moderator', 'User is already a moderator', { method: 'addRoomModerator' }),
    });
  });
});

describe('groups.removeOwner / removeModerator / removeLeader (research notes issue 11 §5.3)', () => {
  it('removeOwner: Invalid room for a non-member, not an owner, the last owner, then success', async () => {
    const w = world();
    const room = group(w, { name: 'owners', members: ['limited.user'] });
    const cases: [unknown, unknown][] = [
      [{ roomId: room._id, username: 'rocket.cat' }, meteor('error-invalid-room', 'Invalid room', { method: 'removeRoomOwner' })],
      [{ roomId: room._id, username: 'limited.user' }, meteor('error-user-not-owner', 'User is not an owner', { method: 'removeRoomOwner' })],
      [
        { roomId: room._id, username: 'tester' },
        meteor('error-remove-last-owner', 'This is the last owner. Please set a new owner before removing this one.', { method: 'removeRoomOwner' }),
      ],
    ];
    for (const [body, error] of cases) expect(await run(w, 'groupsRemoveOwner', { body })).toEqual({ status: 400, body: error });
    expect(await run(w, 'groupsAddOwner', { body: { roomId: room._id, username: 'limited.user' } })).toEqual(DONE);
    expect(await run(w, 'groupsRemoveOwner', { body: { roomId: room._id, username: 'tester' }, headers: LIMITED })).toEqual(DONE);
    expect(w.store.rooms.rolesIn(room._id, TESTER_ID)).toEqual([]);
    expect(systemMessages(w, room).map((m) => [m.t, m.msg, m.role])).toEqual([
      ['subscription-role-added', 'limited.user', 'owner'],
      ['subscription-role-removed', 'tester', 'owner'],
    ]);
    // tester lost set-owner with the role.
    expect(await run(w, 'groupsAddOwner', { body: { roomId: room._id, username: 'tester' } })).toEqual({
      status: 400,
      body: meteor('error-not-allowed', 'Not allowed', { method: 'addRoomOwner' }),
    });
  });

  it('removeModerator and removeLeader pass a member whose subscription never held a role, and fail once it has a roles list', async () => {
    const w = world();
    const room = group(w, { name: 'fields', members: ['limited.user'] });
    expect(await run(w, 'groupsRemoveModerator', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual(DONE);
    expect(await run(w, 'groupsRemoveLeader', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual(DONE);
    expect(room.msgs).toBe(2);
    const sub = w.store.rooms.subscription(room._id, LIMITED_ID);
    expect(sub && w.store.rooms.hasRolesField(sub)).toBe(false);
    await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: LIMITED_ID } });
    expect(await run(w, 'groupsRemoveModerator', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual(DONE);
    expect(sub?.roles).toEqual([]);
    expect(sub && w.store.rooms.hasRolesField(sub)).toBe(true);
    expect(await run(w, 'groupsRemoveModerator', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual({
      status: 400,
      body: meteor('error-user-not-moderator', 'User is not a moderator', { method: 'removeRoomModerator' }),
    });
    expect(await run(w, 'groupsRemoveLeader', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual({
      status: 400,
      body: meteor('error-user-not-leader', 'User is not a leader', { method: 'removeRoomLeader' }),
    });
    // The creator's ['owner'] is a roles list too.
    expect(await run(w, 'groupsRemoveLeader', { body: { roomId: room._id, userId: TESTER_ID } })).toMatchObject({ status: 400 });
  });

  it('non-members: removeModerator says Invalid room, removeLeader says not in this room', async () => {
    const w = world();
    const room = group(w, { name: 'outsiders' });
    expect(await run(w, 'groupsRemoveModerator', { body: { roomId: room._id, userId: 'rocket.cat' } })).toEqual({
      status: 400,
      body: meteor('error-invalid-room', 'Invalid room', { method: 'removeRoomModerator' }),
    });
    expect(await run(w, 'groupsRemoveLeader', { body: { roomId: room._id, userId: 'rocket.cat' } })).toEqual({
      status: 400,
      body: meteor('error-user-not-in-room', 'User is not in this room', { method: 'removeRoomLeader' }),
    });
    expect(await run(w, 'groupsAddLeader', { body: { roomId: room._id, userId: 'rocket.cat' }, headers: LIMITED })).toEqual({
      status: 400,
      body: ROOM_NOT_FOUND,
    });
  });

  it("a team's main room keeps the team member's roles in step", async () => {
    const w = world();
    const main = w.store.rooms.room('658441562dd9f928ad9951ab');
    if (!main) throw new Error('fixture team room');
    w.store.rooms.update(main, (r) => {
      r.t = 'p';
    });
    const team = w.store.teams.team('658441562dd9f928ad9951aa');
    w.store.rooms.subscribe(main._id, LIMITED_ID, { roles: [], ts: '2025-01-15T10:00:00.000Z', _id: 'teamsub' });
    if (team) w.store.teams.setMember(team, { userId: LIMITED_ID, roles: [], createdAt: '2025-01-15T10:00:00.000Z', createdBy: { _id: TESTER_ID, username: 'tester' } });
    expect(await run(w, 'groupsAddModerator', { body: { roomId: main._id, userId: LIMITED_ID } })).toEqual(DONE);
    expect(team?.members.get(LIMITED_ID)?.roles).toEqual(['moderator']);
    expect(await run(w, 'groupsRemoveModerator', { body: { roomId: main._id, userId: LIMITED_ID } })).toEqual(DONE);
    expect(team?.members.get(LIMITED_ID)?.roles).toEqual([]);
  });
});
