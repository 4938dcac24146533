import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { ADMIN, ADMIN_ID, archive, archived, group, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM, run, world } from './membership-support.ts';

const FORBIDDEN = { status: 403, body: { success: false, error: 'unauthorized' } };

describe('groups.counters (research notes issue 11 §5.8)', () => {
  it("a member's counters; a non-member gets nulls unless allowed to administer rooms", async () => {
    const w = world();
    const room = group(w, { name: 'count', members: ['limited.user'] });
    w.clock.set('2025-01-15T10:05:00.000Z');
    await run(w, 'groupsAddModerator', { body: { roomId: room._id, userId: LIMITED_ID } });
    const sub = w.store.rooms.subscription(room._id, TESTER_ID);
    if (sub) sub.userMentions = 2;
    // No lm yet: latest is _updatedAt, which the role change did not move.
    expect((await run(w, 'groupsCounters', { query: { roomId: room._id } })).body).toEqual({
      joined: true,
      members: 2,
      unreads: 0,
      unreadsFrom: '2025-01-15T10:00:00.000Z',
      msgs: 1,
      latest: '2025-01-15T10:00:00.000Z',
      userMentions: 2,
      success: true,
    });
    w.store.rooms.update(room, (r) => {
      r.extra = new Map([...r.extra, ['lm', '2025-01-15T10:05:00.000Z']]);
    });
    expect((await run(w, 'groupsCounters', { query: { roomName: 'count' } })).body).toMatchObject({ unreads: 1, latest: '2025-01-15T10:05:00.000Z' });
    const nulls = { joined: false, members: null, unreads: null, unreadsFrom: null, msgs: null, latest: null, userMentions: null, success: true };
    expect((await run(w, 'groupsCounters', { query: { roomId: room._id }, headers: ADMIN })).body).toEqual({ ...nulls, members: 2, msgs: 1, latest: '2025-01-15T10:05:00.000Z' });
    const hidden = group(w, { name: 'count2', excludeSelf: true, members: ['limited.user'] });
    expect((await run(w, 'groupsCounters', { query: { roomId: hidden._id } })).body).toEqual(nulls);
    // The admin asks for limited.user.
    expect((await run(w, 'groupsCounters', { query: { roomId: hidden._id, userId: LIMITED_ID }, headers: ADMIN })).body).toMatchObject({ joined: true, members: 1 });
    // A closed subscription is not "joined".
    const closed = w.store.rooms.subscription(room._id, LIMITED_ID);
    if (closed) closed.open = false;
    expect((await run(w, 'groupsCounters', { query: { roomId: room._id }, headers: LIMITED })).body).toEqual(nulls);
  });

  it('errors: present-but-empty parameter, no group (neither key included), archived, then userId without permission', async () => {
    const w = world();
    const room = group(w, { name: 'counterr' });
    const cases: [Record<string, unknown>, unknown][] = [
      [{ roomId: '' }, ROOM_PARAM],
      [{ roomId: room._id, roomName: '' }, ROOM_PARAM],
      [{}, ROOM_NOT_FOUND],
      [{ roomId: 'GENERAL' }, ROOM_NOT_FOUND],
    ];
    for (const [query, error] of cases) expect(await run(w, 'groupsCounters', { query }), JSON.stringify(query)).toEqual({ status: 400, body: error });
    expect(await run(w, 'groupsCounters', { query: { roomId: room._id, userId: LIMITED_ID } })).toEqual(FORBIDDEN);
    archive(w, room);
    expect(await run(w, 'groupsCounters', { query: { roomId: room._id, userId: LIMITED_ID } })).toEqual({ status: 400, body: archived('counterr') });
  });
});

describe('groups.listAll (research notes issue 11 §5.9)', () => {
  it('every private group by name, membership not needed; 403 without view-room-administration', async () => {
    const w = world();
    group(w, { name: 'zz-all' });
    group(w, { name: 'aa-all', excludeSelf: true, members: ['limited.user'] });
    const all = await run(w, 'groupsListAll', { query: {}, headers: ADMIN });
    // With the default fixtures' `testing` group.
    expect((all.body as { groups: { name: string }[] }).groups.map((g) => g.name)).toEqual(['aa-all', 'testing', 'zz-all']);
    expect(all.body).toMatchObject({ offset: 0, count: 3, total: 3, success: true });
    const page = await run(w, 'groupsListAll', { query: { sort: '{"name":-1}', count: 1 }, headers: ADMIN });
    expect(page.body).toMatchObject({ groups: [{ name: 'zz-all' }], count: 1, total: 3 });
    expect((await run(w, 'groupsListAll', { query: { sort: '{"name":0}' }, headers: ADMIN })).body).toMatchObject({ errorType: 'error-invalid-sort' });
    expect(await run(w, 'groupsListAll', { query: {} })).toEqual({
      status: 403,
      body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' },
    });
  });
});

describe('subscriptions.getOne (research notes issue 11 §5.10)', () => {
  it("the caller's subscription, with roles only when the document has the field; null otherwise", async () => {
    const w = world();
    const room = group(w, { name: 'subs', members: ['limited.user'], customFields: { team: 'a' } });
    const mine = await run(w, 'subscriptionsGetOne', { query: { roomId: room._id } });
    expect(mine.body).toEqual({
      subscription: {
        _id: w.store.rooms.subscription(room._id, TESTER_ID)?._id,
        open: true,
        alert: false,
        unread: 0,
        userMentions: 0,
        groupMentions: 0,
        ts: '2025-01-15T10:00:00.000Z',
        rid: room._id,
        name: 'subs',
        fname: 'subs',
        customFields: { team: 'a' },
        t: 'p',
        u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
        roles: ['owner'],
        _updatedAt: '2025-01-15T10:00:00.000Z',
      },
      success: true,
    });
    expect(Object.keys((mine.body as { subscription: object }).subscription)).toEqual(['_id', 'open', 'alert', 'unread', 'userMentions', 'groupMentions', 'ts', 'rid', 'name', 'fname', 'customFields', 't', 'u', 'roles', '_updatedAt']);
    const member = await run(w, 'subscriptionsGetOne', { query: { roomId: room._id }, headers: LIMITED });
    expect((member.body as { subscription: Record<string, unknown> }).subscription).not.toHaveProperty('roles');
    expect((await run(w, 'subscriptionsGetOne', { query: { roomId: room._id }, headers: ADMIN })).body).toEqual({ subscription: null, success: true });
    expect((await run(w, 'subscriptionsGetOne', { query: { roomId: 'nope' } })).body).toEqual({ subscription: null, success: true });
    // No access check: public rooms too.
    expect((await run(w, 'subscriptionsGetOne', { query: { roomId: 'GENERAL' }, headers: ADMIN })).body).toMatchObject({ subscription: { t: 'c', rid: 'GENERAL', u: { _id: ADMIN_ID } } });
  });

  it('the typed query schema, then the empty roomId', async () => {
    const w = world();
    const cases: [Record<string, unknown>, unknown][] = [
      [{}, { success: false, errorType: 'error-invalid-params', error: "must have required property 'roomId'" }],
      [{ rid: 'x' }, { success: false, errorType: 'error-invalid-params', error: "must have required property 'roomId'" }],
      [{ roomId: 'x', count: 1 }, { success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' }],
      [{ roomId: ['a', 'b'] }, { success: false, errorType: 'error-invalid-params', error: 'must be string' }],
      [{ roomId: '' }, { success: false, error: "The 'roomId' param is required" }],
    ];
    for (const [query, error] of cases) expect(await run(w, 'subscriptionsGetOne', { query }), JSON.stringify(query)).toEqual({ status: 400, body: error });
  });
});

describe('groups.members filter, status and fields (research notes issue 11 §C)', () => {
  it('filter matches username, name, bio and nickname ignoring case; status keeps the listed statuses', async () => {
    const w = world();
    const room = group(w, { name: 'members', members: ['limited.user', 'rocket.cat', 'rocketchat.internal.admin.test'] });
    const admin = w.store.users.byUserId(ADMIN_ID);
    if (admin) w.store.users.update(admin, (u) => (u.nickname = 'Boss.Cat'));
    const names = async (query: Record<string, unknown>) =>
      ((await run(w, 'groupsMembers', { query: { roomId: room._id, ...query } })).body as { members: { username: string }[] }).members.map((m) => m.username);
    expect(await names({ filter: 'rocket' })).toEqual(['rocket.cat', 'rocketchat.internal.admin.test']);
    expect(await names({ filter: 'CAT' })).toEqual(['rocket.cat', 'rocketchat.internal.admin.test']);
    expect(await names({ filter: 'limited user' })).toEqual(['limited.user']);
    expect(await names({ filter: '.*' })).toEqual([]);
    expect(await names({ filter: '' })).toHaveLength(4);
    expect(await names({ status: ['online'] })).toEqual(['rocket.cat', 'tester']);
    expect(await names({ status: ['offline', 'away'], filter: 'e' })).toEqual(['limited.user', 'rocketchat.internal.admin.test']);
    const body = (await run(w, 'groupsMembers', { query: { roomId: room._id, filter: 'boss' } })).body;
    expect(body).toEqual({
      members: [{ _id: ADMIN_ID, username: 'rocketchat.internal.admin.test', name: 'RocketChat Internal Admin Test', status: 'offline', nickname: 'Boss.Cat', _updatedAt: admin?._updatedAt }],
      count: 1,
      offset: 0,
      total: 1,
      success: true,
    });
  });

  it('a single status string or a repeated filter fails the check, after the sort; archived groups are refused', async () => {
    const w = world();
    const room = group(w, { name: 'memcheck' });
    const match = (field: string) => ({ success: false, error: `Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation in field ${field}` });
    expect(await run(w, 'groupsMembers', { query: { roomId: room._id, status: 'online' } })).toEqual({ status: 400, body: match('status') });
    expect(await run(w, 'groupsMembers', { query: { roomId: room._id, filter: ['a', 'b'], status: 'online' } })).toEqual({ status: 400, body: match('filter') });
    expect((await run(w, 'groupsMembers', { query: { roomId: room._id, status: 'online', sort: '{"username":2}' } })).body).toMatchObject({ errorType: 'error-invalid-sort' });
    archive(w, room);
    expect(await run(w, 'groupsMembers', { query: { roomId: room._id } })).toEqual({ status: 400, body: archived('memcheck') });
  });

  it('sorts by name with UI_Use_Real_Name, by username otherwise; only a username sort is honoured', async () => {
    const w = world();
    const room = group(w, { name: 'memsort', members: ['limited.user', 'rocket.cat'] });
    const names = async (query: Record<string, unknown>) =>
      ((await run(w, 'groupsMembers', { query: { roomId: room._id, ...query } })).body as { members: { username: string }[] }).members.map((m) => m.username);
    expect(await names({})).toEqual(['limited.user', 'rocket.cat', 'tester']);
    expect(await names({ sort: '{"username":-1}' })).toEqual(['tester', 'rocket.cat', 'limited.user']);
    expect(await names({ sort: '{"name":-1}' })).toEqual(['limited.user', 'rocket.cat', 'tester']);
    w.store.settings.set('UI_Use_Real_Name', true);
    const tester = w.store.users.byUserId(TESTER_ID);
    if (tester) w.store.users.update(tester, (u) => (u.name = 'Aaron'));
    expect(await names({})).toEqual(['tester', 'limited.user', 'rocket.cat']);
  });
});
