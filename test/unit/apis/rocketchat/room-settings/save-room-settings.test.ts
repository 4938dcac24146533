import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter } from '../../../../../src/core/byte-budget.ts';
import { call, freshSession, freshStore, pinnedDeps } from '../support.ts';
import { EDITING_NOT_ALLOWED, LIMITED, adminHeaders, group, groupOf, info, op, systemMessages, world } from './settings-support.ts';

const INVALID_ROOM = { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room', details: { method: 'saveRoomSettings' } };
const INVALID_SETTINGS = {
  success: false,
  error: 'Invalid settings provided [error-invalid-settings]',
  errorType: 'error-invalid-settings',
  details: { method: 'saveRoomSettings' },
};
const ADMINISTRATION = {
  success: false,
  error: 'Viewing room administration is not allowed [error-action-not-allowed]',
  errorType: 'error-action-not-allowed',
  details: { method: 'saveRoomSettings', action: 'Viewing_room_administration' },
};

describe('rooms.saveRoomSettings: the SRS check order (research notes issue 11 §2, §3.10)', () => {
  it('rid string → known keys → room → edit-room', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-a', members: ['limited.user'] });
    for (const body of [{}, { rid: 5, roomTopic: 'x' }, [rid], 'text']) expect((await op(w, 'roomsSaveRoomSettings', body)).body).toEqual(INVALID_ROOM);
    // Unknown keys are refused before the room is even looked up.
    expect((await op(w, 'roomsSaveRoomSettings', { rid: 'nope', roomTopic: 'x', topic: 'x' })).body).toEqual(INVALID_SETTINGS);
    expect((await op(w, 'roomsSaveRoomSettings', { rid: 'nope', roomTopic: 'x' })).body).toEqual(INVALID_ROOM);
    expect((await op(w, 'roomsSaveRoomSettings', { rid, roomTopic: 'x' }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    // No settings at all: still edit-room, then `{rid}`.
    expect((await op(w, 'roomsSaveRoomSettings', { rid })).body).toEqual({ rid, success: true });
  });

  it('validators run for every key before any saver: nothing is saved when one fails', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-b' });
    expect((await op(w, 'roomsSaveRoomSettings', { rid, roomTopic: 'kept?', default: true })).body).toEqual(ADMINISTRATION);
    expect(groupOf(info(w, rid))).not.toHaveProperty('topic');
    expect((await op(w, 'roomsSaveRoomSettings', { rid, featured: true })).body).toEqual(ADMINISTRATION);
    expect((await op(w, 'roomsSaveRoomSettings', { rid, retentionEnabled: true })).body).toMatchObject({
      error: 'Editing room retention policy is not allowed [error-action-not-allowed]',
    });
  });

  it('savers run in body order; a saver error keeps what earlier savers wrote (as the vendor)', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-c' });
    expect((await op(w, 'roomsSaveRoomSettings', { rid, roomTopic: 'first', systemMessages: ['nope'], roomDescription: 'never' })).body).toEqual({
      success: false,
      error: 'Invalid option [invalid-room]',
      errorType: 'invalid-room',
      details: { function: 'RocketChat.saveRoomSystemMessages' },
    });
    const room = groupOf(info(w, rid));
    expect(room.topic).toBe('first');
    expect(room).not.toHaveProperty('description');
  });

  it('several settings at once, each with its message; systemMessages sets and removes sysMes', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-d' });
    const body = { rid, roomName: 'srs-d2', roomTopic: 'T', roomAnnouncement: 'A', roomDescription: 'D', readOnly: true, systemMessages: ['uj', 'ul'] };
    expect((await op(w, 'roomsSaveRoomSettings', body)).body).toEqual({ rid, success: true });
    expect(groupOf(info(w, rid))).toMatchObject({ name: 'srs-d2', topic: 'T', announcement: 'A', description: 'D', ro: true, sysMes: ['uj', 'ul'], msgs: 5 });
    expect(systemMessages(w, rid).map(([t]) => t)).toEqual(['r', 'room_changed_topic', 'room_changed_announcement', 'room_changed_description', 'room-set-read-only']);
    await op(w, 'roomsSaveRoomSettings', { rid, systemMessages: [] });
    expect(groupOf(info(w, rid))).not.toHaveProperty('sysMes');
    expect(groupOf(info(w, rid)).msgs).toBe(5);
    expect((await op(w, 'roomsSaveRoomSettings', { rid, systemMessages: 'uj' })).body).toMatchObject({ errorType: 'invalid-room' });
  });

  it('admins edit rooms they are not in; default, featured, favorite, joinCode (hidden), reactWhenReadOnly', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-e' });
    const admin = adminHeaders(w);
    const body = { rid, default: true, featured: 'true', favorite: { favorite: true, defaultValue: true }, joinCode: 'secret', reactWhenReadOnly: true };
    expect((await op(w, 'roomsSaveRoomSettings', body, admin)).body).toEqual({ rid, success: true });
    const room = groupOf(info(w, rid));
    expect(room).toMatchObject({ default: true, featured: true, favorite: true, joinCodeRequired: true, reactWhenReadOnly: true });
    expect(room).not.toHaveProperty('joinCode');
    expect(w.store.rooms.room(rid)?.extra.get('joinCode')).toBe('secret');
    expect(systemMessages(w, rid)).toEqual([['room-allowed-reacting', '', 'rocketchat.internal.admin.test']]);
    await op(w, 'roomsSaveRoomSettings', { rid, featured: false, favorite: { favorite: true, defaultValue: false }, joinCode: ' ' }, admin);
    expect(groupOf(info(w, rid))).toMatchObject({ joinCodeRequired: false });
    expect(groupOf(info(w, rid))).not.toHaveProperty('featured');
    expect(groupOf(info(w, rid))).not.toHaveProperty('favorite');
  });

  it('retention: admins set it; retentionOverrideGlobal false drops the other retention keys', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-f' });
    const admin = adminHeaders(w);
    await op(w, 'roomsSaveRoomSettings', { rid, retentionEnabled: true, retentionMaxAge: 7, retentionOverrideGlobal: false, retentionFilesOnly: true }, admin);
    expect(groupOf(info(w, rid)).retention).toEqual({ enabled: true, overrideGlobal: false });
    // A non-admin may re-send the current value, not change it.
    expect((await op(w, 'roomsSaveRoomSettings', { rid, retentionEnabled: true })).body).toEqual({ rid, success: true });
    expect((await op(w, 'roomsSaveRoomSettings', { rid, retentionEnabled: false })).status).toBe(400);
  });

  it('avatar and side panel', async () => {
    const w = world();
    const rid = group(w, { name: 'srs-g' });
    await op(w, 'roomsSaveRoomSettings', { rid, roomAvatar: 'data:image/png;base64,AAAA' });
    expect(groupOf(info(w, rid))).toMatchObject({ avatarOrigin: 'upload', msgs: 1 });
    await op(w, 'roomsSaveRoomSettings', { rid, roomAvatar: '' });
    expect(groupOf(info(w, rid))).not.toHaveProperty('avatarOrigin');
    expect(systemMessages(w, rid).map(([t]) => t)).toEqual(['room_changed_avatar', 'room_changed_avatar']);
    expect((await op(w, 'roomsSaveRoomSettings', { rid, sidepanel: { items: ['channels'] } })).body).toMatchObject({ error: 'Invalid room [error-action-not-allowed]' });
    const team = '658441562dd9f928ad9951ab';
    expect((await op(w, 'roomsSaveRoomSettings', { rid: team, sidepanel: { items: ['channels', 'channels'] } })).body).toEqual({
      success: false,
      error: '[error-invalid-sidepanel]',
      errorType: 'error-invalid-sidepanel',
    });
    expect((await op(w, 'roomsSaveRoomSettings', { rid: team, sidepanel: { items: ['discussions'] } })).status).toBe(200);
    expect(w.store.rooms.room(team)?.extra.get('sidepanel')).toEqual({ items: ['discussions'] });
  });

  it('the session budget: a write that does not fit is error-twin-session-full, and nothing changes', () => {
    const budget = new ByteBudget(2 * 1024 * 1024);
    const store = freshStore(undefined, new Meter(budget));
    const session = freshSession(pinnedDeps(), undefined, store);
    const res = call(session, 'groupsCreate', { body: { name: 'budget' } });
    const rid = (res.body as { group: { _id: string } }).group._id;
    const full = call(session, 'groupsSetTopic', { body: { roomId: rid, topic: 'x'.repeat(2 * 1024 * 1024) } });
    expect([full.status, (full.body as { errorType?: string }).errorType]).toEqual([400, 'error-twin-session-full']);
    expect(store.rooms.room(rid)?.extra.has('topic')).toBe(false);
    expect(budget.used).toBeLessThanOrEqual(budget.limit);
  });
});
