import { describe, expect, it } from 'vitest';
import { admin, ADMIN_NAME, ADMIN_USERNAME, answer, DONE, get, idOf, meteor, post } from './membership-client.ts';
import { auth, bodyOf, createGroup, LIMITED_ID, rc, roomName, TESTER_ID, TIMESTAMP, type Schemas } from './rocketchat-client.ts';

/**
 * One story across the membership routes (research notes issue 11 §5): roles are given and taken,
 * a member is kicked, the last owner is held back until someone else owns the room, and the
 * remaining member's subscription, presence and counters reflect all of it.
 */
describe('membership story: roles, kick, leave, subscription, presence, counters', () => {
  it('runs end to end', async () => {
    const boss = await admin();
    const bossId = idOf(boss);
    const tester = { _id: TESTER_ID, username: 'tester', name: 'Tester' };
    const group = await createGroup({ name: roomName('story'), members: ['tester'] }, boss);
    const roomId = group._id;
    const roles = async () => bodyOf(await get('groupsRoles', 'groups.roles', { roomId }, boss), 'MembershipRolesResponse').roles.map((r) => [r.u.username, r.roles]);

    // Moderator: shown by roles and moderators.
    expect(answer(await post('groupsAddModerator', 'groups.addModerator', { roomId, userId: TESTER_ID }, boss))).toEqual(DONE);
    expect(await roles()).toEqual([[ADMIN_USERNAME, ['owner']], ['tester', ['moderator']]]);
    const roleEntry = bodyOf(await get('groupsRoles', 'groups.roles', { roomId }), 'MembershipRolesResponse').roles[0];
    expect(roleEntry).toEqual({ _id: expect.any(String) as unknown, rid: roomId, u: { _id: bossId, username: ADMIN_USERNAME, name: ADMIN_NAME }, roles: ['owner'] });
    expect(answer(await get('groupsModerators', 'groups.moderators', { roomId }))).toEqual([200, { moderators: [tester], success: true }]);

    // Owner, then not.
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomId, username: 'tester' }, boss))).toEqual(DONE);
    expect(await roles()).toEqual([[ADMIN_USERNAME, ['owner']], ['tester', ['moderator', 'owner']]]);
    expect(answer(await post('groupsRemoveOwner', 'groups.removeOwner', { roomId, username: 'tester' }, boss))).toEqual(DONE);
    expect(await roles()).toEqual([[ADMIN_USERNAME, ['owner']], ['tester', ['moderator']]]);

    // Kick: limited.user joins and is removed by the moderator.
    expect((await post('groupsInvite', 'groups.invite', { roomId, userId: LIMITED_ID }, boss)).status).toBe(200);
    expect(answer(await post('groupsKick', 'groups.kick', { roomId, userId: LIMITED_ID }))).toEqual(DONE);
    const members = bodyOf(await get('groupsMembers', 'groups.members', { roomId }), 'GroupsMembersResponse').members.map((m) => m.username).sort();
    expect(members).toEqual([ADMIN_USERNAME, 'tester']);

    // The last owner cannot leave; once tester owns the room too, they can.
    const lastOwner = meteor('error-you-are-last-owner', 'You are the last owner. Please set new owner before leaving the room.', { method: 'leaveRoom' });
    expect(answer(await post('groupsLeave', 'groups.leave', { roomId }, boss))).toEqual([400, lastOwner]);
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomId, userId: TESTER_ID }, boss))).toEqual(DONE);
    expect(answer(await post('groupsLeave', 'groups.leave', { roomId }, boss))).toEqual(DONE);

    // Subscriptions: tester's carries both roles; the admin has none any more.
    const sub = bodyOf(await get('subscriptionsGetOne', 'subscriptions.getOne', { roomId }), 'MembershipSubscriptionResponse').subscription;
    expect(sub).toMatchObject({ rid: roomId, name: group.name, t: 'p', u: tester, roles: ['moderator', 'owner'], open: true });
    expect(answer(await get('subscriptionsGetOne', 'subscriptions.getOne', { roomId }, boss))).toEqual([200, { subscription: null, success: true }]);

    // Presence: tester sets the status online and is listed.
    expect(answer(await post('usersSetStatus', 'users.setStatus', { message: '', status: 'online' }))).toEqual(DONE);
    expect(answer(await get('groupsOnline', 'groups.online', { _id: roomId }))).toEqual([200, { online: [{ _id: TESTER_ID, username: 'tester' }], success: true }]);
    // The admin may set someone else's status (edit-other-user-info); busy still counts as present.
    expect(answer(await post('usersSetStatus', 'users.setStatus', { status: 'busy', message: ' in a meeting ', username: 'tester' }, boss))).toEqual(DONE);
    expect((await rc('me', 'me', { headers: auth() })).json).toMatchObject({ status: 'busy', statusDefault: 'busy', statusText: 'in a meeting' });
    expect(answer(await get('groupsOnline', 'groups.online', { _id: roomId }))).toEqual([200, { online: [{ _id: TESTER_ID, username: 'tester' }], success: true }]);
    expect(answer(await post('usersSetStatus', 'users.setStatus', { status: 'online', message: '' }))).toEqual(DONE);

    // Counters: one member left; seven system messages (3 role changes, au, ru, owner, ul).
    const counters = await get('groupsCounters', 'groups.counters', { roomId });
    expect(counters.json).toEqual({
      joined: true,
      members: 1,
      unreads: expect.any(Number) as unknown,
      unreadsFrom: expect.stringMatching(TIMESTAMP) as unknown,
      msgs: 7,
      latest: expect.stringMatching(TIMESTAMP) as unknown,
      userMentions: 0,
      success: true,
    } satisfies Record<keyof Schemas['MembershipCountersResponse'], unknown>);
    const info = bodyOf(await get('groupsInfo', 'groups.info', { roomId }), 'GroupResponse').group;
    expect(info).toMatchObject({ usersCount: 1, msgs: 7 });
  });
});
