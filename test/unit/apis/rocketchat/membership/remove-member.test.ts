import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter, unboundedMeter } from '../../../../../src/core/byte-budget.ts';
import { kickFromGroup } from '../../../../../src/apis/rocketchat/membership/remove-member.ts';
import { createPrivateGroup } from '../../../../../src/apis/rocketchat/rooms/create-group.ts';
import { freshStore, LIMITED_ID, pinnedDeps, TESTER_ID, userOf } from '../support.ts';
import { ADMIN, ADMIN_ID, archive, archived, grant, group, INVALID_USER, LIMITED, meteor, ROOM_NOT_FOUND, ROOM_PARAM, run, systemMessages, TESTER, USER_PARAM, world } from './membership-support.ts';

const DONE = { status: 200, body: { success: true } };
const kickNotAllowed = meteor('error-not-allowed', 'Not allowed', { method: 'removeUserFromRoom' });
const kickNotInRoom = meteor('error-user-not-in-room', 'User is not in this room', { method: 'removeUserFromRoom' });
const lastOwner = (method: string) => meteor('error-you-are-last-owner', 'You are the last owner. Please set new owner before leaving the room.', { method });

describe('groups.kick (research notes issue 11 §5.1)', () => {
  it('deletes the subscription (usersCount −1) and writes ru with the kicker as u', async () => {
    const w = world();
    const room = group(w, { name: 'kick', members: ['limited.user', 'rocket.cat'] });
    w.clock.set('2025-01-15T10:07:00.000Z');
    expect(await run(w, 'groupsKick', { body: { roomName: 'kick', username: 'limited.user' } })).toEqual(DONE);
    expect(room.usersCount).toBe(2);
    expect(room.msgs).toBe(1);
    expect(room._updatedAt).toBe('2025-01-15T10:07:00.000Z');
    expect(w.store.rooms.subscription(room._id, LIMITED_ID)).toBeUndefined();
    expect(systemMessages(w, room)).toEqual([{ t: 'ru', msg: 'limited.user', u: { _id: TESTER_ID, username: 'tester', name: 'Tester' } }]);
  });

  it('checks in the vendor order; the route has no access or archived check of its own', async () => {
    const w = world();
    const room = group(w, { name: 'korder', members: ['limited.user'] });
    group(w, { name: 'knotmine', excludeSelf: true, members: ['limited.user'] });
    const cases: [unknown, Record<string, string>, unknown][] = [
      [{ username: 'limited.user' }, TESTER, ROOM_PARAM],
      [{ roomId: '', roomName: '', username: 'limited.user' }, TESTER, ROOM_PARAM],
      // A present roomId is looked up even when empty (G8 getRoomFromParams).
      [{ roomId: '', roomName: 'korder', username: 'limited.user' }, TESTER, ROOM_NOT_FOUND],
      [{ roomName: 'general', username: 'limited.user' }, TESTER, ROOM_NOT_FOUND],
      [{ roomName: 'korder' }, TESTER, USER_PARAM],
      [{ roomName: 'korder', username: 'nobody' }, TESTER, INVALID_USER],
      [{ roomName: 'korder', userId: TESTER_ID }, LIMITED, kickNotAllowed],
      // The admin holds remove-user but cannot see the room: room-not-found (test T).
      [{ roomName: 'knotmine', username: 'limited.user' }, ADMIN, ROOM_NOT_FOUND],
      [{ roomName: 'korder', username: 'rocket.cat' }, TESTER, kickNotInRoom],
      [{ roomName: 'korder', username: 'tester' }, TESTER, lastOwner('removeUserFromRoom')],
    ];
    for (const [body, headers, error] of cases) {
      expect(await run(w, 'groupsKick', { body, headers }), JSON.stringify(body)).toEqual({ status: 400, body: error });
    }
    archive(w, room);
    expect(await run(w, 'groupsKick', { body: { roomName: 'korder', username: 'limited.user' } })).toEqual(DONE);
  });

  it('moderators may kick; an owner without remove-user may not (test T)', async () => {
    const w = world();
    const room = group(w, { name: 'kmod', members: ['limited.user', 'rocket.cat', 'rocketchat.internal.admin.test'] });
    await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: LIMITED_ID } });
    expect(await run(w, 'groupsKick', { body: { roomId: room._id, userId: 'rocket.cat' }, headers: LIMITED })).toEqual(DONE);
    // A moderator may kick an owner who is not the last one.
    await run(w, 'groupsAddOwner', { body: { roomId: room._id, userId: ADMIN_ID } });
    expect(await run(w, 'groupsKick', { body: { roomId: room._id, userId: ADMIN_ID }, headers: LIMITED })).toEqual(DONE);
    grant(w, 'remove-user', ['admin', 'moderator']);
    expect(await run(w, 'groupsKick', { body: { roomId: room._id, userId: LIMITED_ID } })).toEqual({ status: 400, body: kickNotAllowed });
  });

  it('kick-user-from-any-p-room lets a non-member kick, and "kick" a non-member (message only)', async () => {
    const w = world();
    const room = group(w, { name: 'kany', members: ['limited.user'] });
    grant(w, 'kick-user-from-any-p-room', ['admin']);
    expect(await run(w, 'groupsKick', { body: { roomId: room._id, username: 'limited.user' }, headers: ADMIN })).toEqual(DONE);
    expect(await run(w, 'groupsKick', { body: { roomId: room._id, username: 'rocket.cat' }, headers: ADMIN })).toEqual(DONE);
    expect(room.usersCount).toBe(1);
    expect(systemMessages(w, room).map((m) => m.msg)).toEqual(['limited.user', 'rocket.cat']);
  });

  it('a full session stores nothing', () => {
    const probe = unboundedMeter();
    const measured = freshStore(undefined, probe);
    createPrivateGroup(measured, pinnedDeps(), userOf(measured, 'tester'), { name: 'full', members: ['limited.user'] });
    const store = freshStore(undefined, new Meter(new ByteBudget(probe.bytes + 10)));
    createPrivateGroup(store, pinnedDeps(), userOf(store, 'tester'), { name: 'full', members: ['limited.user'] });
    const result = kickFromGroup(store, pinnedDeps(), userOf(store, 'tester'), { roomName: 'full', username: 'limited.user' });
    expect(result.ok ? undefined : result.error.errorType).toBe('error-twin-session-full');
    expect(store.rooms.roomByName('full')?.usersCount).toBe(2);
  });
});

describe('groups.leave (research notes issue 11 §5.2)', () => {
  it('the last owner cannot leave; with a second owner they can, and ul is written', async () => {
    const w = world();
    const room = group(w, { name: 'leave', members: ['limited.user'] });
    expect(await run(w, 'groupsLeave', { body: { roomId: room._id } })).toEqual({ status: 400, body: lastOwner('leaveRoom') });
    await run(w, 'groupsAddOwner', { body: { roomId: room._id, userId: LIMITED_ID } });
    expect(await run(w, 'groupsLeave', { body: { roomId: room._id } })).toEqual(DONE);
    expect(room.usersCount).toBe(1);
    expect(systemMessages(w, room).at(-1)).toEqual({ t: 'ul', msg: 'tester', u: { _id: TESTER_ID, username: 'tester', name: 'Tester' } });
    expect(await run(w, 'groupsLeave', { body: { roomId: room._id } })).toEqual({ status: 400, body: ROOM_NOT_FOUND });
  });

  it('a plain member leaves; leave-p is needed; archived groups cannot be left', async () => {
    const w = world();
    const room = group(w, { name: 'leave2', members: ['limited.user', 'rocketchat.internal.admin.test'] });
    expect(await run(w, 'groupsLeave', { body: {} })).toEqual({ status: 400, body: ROOM_PARAM });
    grant(w, 'leave-p', ['admin']);
    expect(await run(w, 'groupsLeave', { body: { roomName: 'leave2' } })).toEqual({
      status: 400,
      body: meteor('error-not-allowed', 'Not allowed', { method: 'leaveRoom' }),
    });
    expect(await run(w, 'groupsLeave', { body: { roomName: 'leave2' }, headers: ADMIN })).toEqual(DONE);
    archive(w, room);
    expect(await run(w, 'groupsLeave', { body: { roomName: 'leave2' }, headers: LIMITED })).toEqual({ status: 400, body: archived('leave2') });
  });

  it("in a team's main room: ult, and the team membership goes", async () => {
    const w = world();
    const main = w.store.rooms.room('658441562dd9f928ad9951ab');
    const team = w.store.teams.team('658441562dd9f928ad9951aa');
    if (!main || !team) throw new Error('fixture team');
    w.store.rooms.update(main, (r) => {
      r.t = 'p';
    });
    w.store.rooms.subscribe(main._id, LIMITED_ID, { roles: [], ts: '2025-01-15T10:00:00.000Z', _id: 'teamsub' });
    w.store.teams.setMember(team, { userId: LIMITED_ID, roles: [], createdAt: '2025-01-15T10:00:00.000Z', createdBy: { _id: TESTER_ID, username: 'tester' } });
    expect(await run(w, 'groupsLeave', { body: { roomId: main._id }, headers: LIMITED })).toEqual(DONE);
    expect(team.members.has(LIMITED_ID)).toBe(false);
    expect(w.store.messages.ofRoom(main._id).at(-1)?.t).toBe('ult');
  });
});
