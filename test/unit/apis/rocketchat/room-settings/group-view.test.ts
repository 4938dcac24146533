import { describe, expect, it } from 'vitest';
import { anyRoomView, groupView } from '../../../../../src/apis/rocketchat/rooms/views.ts';
import type { PrivateRoom } from '../../../../../src/apis/rocketchat/model.ts';
import { call } from '../support.ts';
import { group, groupOf, info, op, world } from './settings-support.ts';

describe('groupView and the room settings (research notes issue 11 §2, §B)', () => {
  it('a new group has no sysMes (7.x/8.x createRoom; the 2016 documents show sysMes: true)', () => {
    const w = world();
    const res = call(w.session, 'groupsCreate', { body: { name: 'view-a' } });
    expect(groupOf(res)).not.toHaveProperty('sysMes');
    expect(Object.keys(groupOf(res))).toEqual(['_id', 'fname', 'name', 't', 'msgs', 'usersCount', 'u', 'ts', 'ro', '_updatedAt']);
  });

  it('settings follow the fixed fields in the order first set; joinCode never shows', async () => {
    const w = world();
    const rid = group(w, { name: 'view-b', extraData: { joinCode: 'from-create' }, customFields: { a: 1 } });
    await op(w, 'groupsSetAnnouncement', { roomId: rid, announcement: 'A' });
    await op(w, 'groupsSetTopic', { roomId: rid, topic: 'T' });
    await op(w, 'roomsSaveRoomSettings', { rid, systemMessages: ['au'] });
    await op(w, 'groupsSetTopic', { roomId: rid, topic: 'T2' });
    const room = groupOf(info(w, rid));
    expect(Object.keys(room).slice(10)).toEqual(['announcement', 'announcementDetails', 'topic', 'sysMes', 'customFields']);
    expect(room).toMatchObject({ topic: 'T2', sysMes: ['au'] });
  });

  it('anyRoomView keeps the room type; groupView says p', () => {
    const w = world();
    const rid = group(w, { name: 'view-c' });
    const room = w.store.rooms.room(rid) as PrivateRoom;
    expect(anyRoomView({ ...room, t: 'c' }).t).toBe('c');
    expect(groupView(room)).toEqual(anyRoomView(room));
  });
});
