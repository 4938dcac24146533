import { describe, expect, it } from 'vitest';
import { findPrivateGroupByIdOrName } from '../../../../../src/apis/rocketchat/rooms/room-lookup.ts';
import { userOf } from '../support.ts';
import { LIMITED, ROOM_NOT_FOUND, ROOM_PARAM, adminHeaders, archived, group, groupOf, info, op, systemMessages, world } from './settings-support.ts';

const notAuthorized = (method: string) => ({ success: false, error: 'Not authorized [error-not-authorized]', errorType: 'error-not-authorized', details: { method } });

describe('groups.archive / groups.unarchive (research notes issue 11 §4.1, §4.2)', () => {
  it('archive: archived, every subscription closed without alert, room-archived message; twice is error-room-archived', async () => {
    const w = world();
    const rid = group(w, { name: 'arch-a', members: ['limited.user'] });
    expect(await op(w, 'groupsArchive', { roomId: rid })).toEqual({ status: 200, body: { success: true } });
    expect(groupOf(info(w, rid))).toMatchObject({ archived: true, msgs: 1 });
    expect(w.store.rooms.subscriptionsOf(rid).map((s) => [s.open, s.alert])).toEqual([[false, false], [false, false]]);
    expect(systemMessages(w, rid)).toEqual([['room-archived', '', 'tester']]);
    expect((await op(w, 'groupsArchive', { roomName: 'arch-a' })).body).toEqual(archived('arch-a'));
  });

  it('archive needs archive-room (owners and admins); the lookup comes first', async () => {
    const w = world();
    const rid = group(w, { name: 'arch-b', members: ['limited.user'] });
    expect((await op(w, 'groupsArchive', {})).body).toEqual(ROOM_PARAM);
    expect((await op(w, 'groupsArchive', { roomId: rid }, adminHeaders(w))).body).toEqual(ROOM_NOT_FOUND);
    expect((await op(w, 'groupsArchive', { roomId: rid }, LIMITED)).body).toEqual(notAuthorized('archiveRoom'));
  });

  it('unarchive: owners are refused, admins (members) succeed; subscriptions reopen; no archived check', async () => {
    const w = world();
    const admin = adminHeaders(w);
    const rid = group(w, { name: 'arch-c', members: ['rocketchat.internal.admin.test'] });
    await op(w, 'groupsArchive', { roomId: rid });
    expect((await op(w, 'groupsUnarchive', { roomId: rid })).body).toEqual(notAuthorized('unarchiveRoom'));
    expect(await op(w, 'groupsUnarchive', { roomId: rid }, admin)).toEqual({ status: 200, body: { success: true } });
    expect(groupOf(info(w, rid))).toMatchObject({ archived: false, msgs: 2 });
    expect(w.store.rooms.subscriptionsOf(rid).map((s) => [s.open, s.alert])).toEqual([[true, false], [true, false]]);
    // The vendor does not ask whether the room was archived: a second unarchive writes another message.
    expect((await op(w, 'groupsUnarchive', { roomId: rid }, admin)).status).toBe(200);
    expect(systemMessages(w, rid).map(([t, , by]) => [t, by])).toEqual([
      ['room-archived', 'tester'],
      ['room-unarchived', 'rocketchat.internal.admin.test'],
      ['room-unarchived', 'rocketchat.internal.admin.test'],
    ]);
    expect((await op(w, 'groupsSetTopic', { roomId: rid, topic: 'back' })).status).toBe(200);
  });

  it('rooms.saveRoomSettings has no archived check (edit-room decides)', async () => {
    const w = world();
    const rid = group(w, { name: 'arch-d' });
    await op(w, 'groupsArchive', { roomId: rid });
    expect((await op(w, 'roomsSaveRoomSettings', { rid, roomTopic: 'still' })).status).toBe(200);
    expect(groupOf(info(w, rid)).topic).toBe('still');
  });
});

describe('findPrivateGroupByIdOrName: the checkedArchived option (§1.1)', () => {
  it('off by default (callers before archiving keep their answers); on, archived groups are refused after access', async () => {
    const w = world();
    const rid = group(w, { name: 'look-a' });
    await op(w, 'groupsArchive', { roomId: rid });
    const tester = userOf(w.store, 'tester');
    expect(findPrivateGroupByIdOrName(w.store, tester, { roomId: rid }).ok).toBe(true);
    expect(findPrivateGroupByIdOrName(w.store, tester, { roomId: rid }, { checkedArchived: false }).ok).toBe(true);
    expect(findPrivateGroupByIdOrName(w.store, tester, { roomId: rid }, { checkedArchived: true })).toEqual({ ok: false, error: archived('look-a') });
    const stranger = userOf(w.store, 'limited.user');
    expect(findPrivateGroupByIdOrName(w.store, stranger, { roomId: rid }, { checkedArchived: true })).toEqual({ ok: false, error: ROOM_NOT_FOUND });
    expect(info(w, rid).status).toBe(200);
  });
});

describe('groups.close / groups.open (§4.3, §4.4)', () => {
  it('close then open the caller\'s subscription only; repeating either fails with the group name', async () => {
    const w = world();
    const rid = group(w, { name: 'oc-a', members: ['limited.user'] });
    expect(await op(w, 'groupsClose', { roomId: rid })).toEqual({ status: 200, body: { success: true } });
    expect((await op(w, 'groupsClose', { roomName: 'oc-a' })).body).toEqual({ success: false, error: 'The private group, oc-a, is already closed to the sender' });
    expect(w.store.rooms.subscriptionsOf(rid).map((s) => s.open)).toEqual([false, true]);
    expect(await op(w, 'groupsOpen', { roomId: rid })).toEqual({ status: 200, body: { success: true } });
    expect((await op(w, 'groupsOpen', { roomId: rid })).body).toEqual({ success: false, error: 'The private group, oc-a, is already open for the sender' });
    expect(groupOf(info(w, rid)).msgs).toBe(0);
  });

  it('close clears the alert; open leaves it; both work on archived groups', async () => {
    const w = world();
    const rid = group(w, { name: 'oc-b', members: ['limited.user'] });
    const sub = w.store.rooms.subscription(rid, 'vWxKq8Rm3NbTz5Hye');
    expect(sub?.alert).toBe(false);
    await op(w, 'groupsRename', { roomId: rid, name: 'oc-b2' });
    expect(sub?.alert).toBe(true);
    await op(w, 'groupsClose', { roomId: rid }, LIMITED);
    expect([sub?.open, sub?.alert]).toEqual([false, false]);
    await op(w, 'groupsArchive', { roomId: rid });
    expect((await op(w, 'groupsOpen', { roomId: rid }, LIMITED)).status).toBe(200);
    expect((await op(w, 'groupsClose', { roomId: rid }, LIMITED)).status).toBe(200);
    expect((await op(w, 'groupsOpen', {}, LIMITED)).body).toEqual(ROOM_PARAM);
    expect((await op(w, 'groupsClose', { roomId: 'GENERAL' }, LIMITED)).body).toEqual(ROOM_NOT_FOUND);
  });
});
