import { describe, expect, it } from 'vitest';
import { TESTER_ID } from '../support.ts';
import { EDITING_NOT_ALLOWED, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM, archived, group, groupOf, info, op, systemMessages, world } from './settings-support.ts';

const required = (param: string) => ({ success: false, error: `The bodyParam "${param}" is required` });

describe.each([
  ['groupsSetTopic', 'topic', 'topic', 'room_changed_topic'],
  ['groupsSetDescription', 'description', 'description', 'room_changed_description'],
  ['groupsSetPurpose', 'purpose', 'description', 'room_changed_description'],
  ['groupsSetAnnouncement', 'announcement', 'announcement', 'room_changed_announcement'],
] as const)('%s (research notes issue 11 §3.2–§3.5)', (operationId, param, field, type) => {
  it('stores the text under the vendor field, writes its message and echoes it', async () => {
    const w = world();
    const rid = group(w, { name: `${param}-a` });
    expect(await op(w, operationId, { roomId: rid, [param]: 'Hello there' })).toEqual({ status: 200, body: { [param]: 'Hello there', success: true } });
    const room = groupOf(info(w, rid));
    expect(room[field]).toBe('Hello there');
    expect(room.msgs).toBe(1);
    expect(systemMessages(w, rid)).toEqual([[type, 'Hello there', 'tester']]);
  });

  it('same value: no message; "" and null clear it with a message; "" on an empty room changes nothing', async () => {
    const w = world();
    const rid = group(w, { name: `${param}-b` });
    expect((await op(w, operationId, { roomId: rid, [param]: '' })).body).toEqual({ [param]: '', success: true });
    expect(groupOf(info(w, rid)).msgs).toBe(0);
    await op(w, operationId, { roomId: rid, [param]: 'x' });
    await op(w, operationId, { roomId: rid, [param]: 'x' });
    expect(groupOf(info(w, rid)).msgs).toBe(1);
    expect((await op(w, operationId, { roomId: rid, [param]: null })).body).toEqual({ [param]: '', success: true });
    expect(groupOf(info(w, rid))[field]).toBe('');
    expect(systemMessages(w, rid).map(([t, msg]) => [t, msg])).toEqual([[type, 'x'], [type, '']]);
  });

  it('checks in order: parameter, room parameter, room, archived, edit-room', async () => {
    const w = world();
    const rid = group(w, { name: `${param}-c`, members: ['limited.user'] });
    expect((await op(w, operationId, { roomId: rid })).body).toEqual(required(param));
    expect((await op(w, operationId, 'not an object')).body).toEqual(required(param));
    expect((await op(w, operationId, { [param]: 'x' })).body).toEqual(ROOM_PARAM);
    expect((await op(w, operationId, { roomName: 'general', [param]: 'x' })).body).toEqual(ROOM_NOT_FOUND);
    expect((await op(w, operationId, { roomId: rid, [param]: 'x' }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    await op(w, 'groupsArchive', { roomId: rid });
    expect((await op(w, operationId, { roomId: rid, [param]: 'x' }, LIMITED)).body).toEqual(archived(`${param}-c`));
  });
});

describe('non-string texts (not type-checked by 7.x/8.x)', () => {
  it('a number topic is stored and echoed as sent; its message shows it as text', async () => {
    const w = world();
    const rid = group(w, { name: 'odd-topic' });
    expect((await op(w, 'groupsSetTopic', { roomId: rid, topic: 42 })).body).toEqual({ topic: 42, success: true });
    expect(groupOf(info(w, rid)).topic).toBe(42);
    expect(systemMessages(w, rid)).toEqual([['room_changed_topic', '42', 'tester']]);
  });

  it('an object announcement is split into announcement and announcementDetails (SRA)', async () => {
    const w = world();
    const rid = group(w, { name: 'obj-ann' });
    await op(w, 'groupsSetAnnouncement', { roomId: rid, announcement: { message: 'Hi', style: 'bold' } });
    expect(groupOf(info(w, rid))).toMatchObject({ announcement: 'Hi', announcementDetails: { style: 'bold' } });
    await op(w, 'groupsSetAnnouncement', { roomId: rid, announcement: 'plain' });
    expect(groupOf(info(w, rid))).toMatchObject({ announcement: 'plain', announcementDetails: null });
  });
});

describe('groups.rename (§3.1)', () => {
  it('changes name and fname, frees the old name, alerts every member and writes an r message', async () => {
    const w = world();
    const rid = group(w, { name: 'old-name', members: ['limited.user'] });
    const res = await op(w, 'groupsRename', { roomId: rid, name: 'new-name' });
    expect(groupOf(res)).toMatchObject({ _id: rid, name: 'new-name', fname: 'new-name', msgs: 1 });
    expect(res.body).toEqual(info(w, rid).body);
    expect(systemMessages(w, rid)).toEqual([['r', 'new-name', 'tester']]);
    expect(w.store.rooms.subscriptionsOf(rid).map((s) => s.alert)).toEqual([true, true]);
    expect(w.store.rooms.roomByName('old-name')).toBeUndefined();
    expect(group(w, { name: 'old-name' })).not.toBe(rid);
  });

  it('the same name changes nothing; blank or non-string names are "required"', async () => {
    const w = world();
    const rid = group(w, { name: 'same-name' });
    expect(groupOf(await op(w, 'groupsRename', { roomId: rid, name: 'same-name' })).msgs).toBe(0);
    for (const name of [undefined, '', '   ', 5, ['x']]) {
      expect((await op(w, 'groupsRename', { roomId: rid, name })).body).toEqual({ success: false, error: 'The bodyParam "name" is required' });
    }
  });

  it('name rules, duplicates (archived ones apart), handles and blocked handles', async () => {
    const w = world();
    const rid = group(w, { name: 'rules' });
    const other = group(w, { name: 'taken' });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'bad name<' })).body).toEqual({
      success: false,
      error: 'bad name&lt; is not a valid room name. [error-invalid-room-name]',
      errorType: 'error-invalid-room-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: 'bad name&lt;' },
    });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'taken' })).body).toMatchObject({ errorType: 'error-duplicate-channel-name' });
    await op(w, 'groupsArchive', { roomId: other });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'taken' })).body).toEqual({
      success: false,
      error: "There's an archived channel with name taken [error-archived-duplicate-name]",
      errorType: 'error-archived-duplicate-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: 'taken' },
    });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'Tester' })).body).toEqual({
      success: false,
      error: "A room, team or user with name 'Tester' already exists [error-duplicate-handle]",
      errorType: 'error-duplicate-handle',
      details: { function: 'RocketChat.updateRoomName', handle: 'Tester' },
    });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'tester-team-2' })).status).toBe(200);
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'HERE' })).body).toEqual({
      success: false,
      error: "HERE is blocked and can't be used! [error-blocked-username]",
      errorType: 'error-blocked-username',
      details: { method: 'checkUsernameAvailability', field: 'HERE' },
    });
    expect(systemMessages(w, rid)).toEqual([['r', 'tester-team-2', 'tester']]);
  });

  it('a team main room renames its team (rooms.saveRoomSettings on the fixture team room)', async () => {
    const w = world();
    expect((await op(w, 'roomsSaveRoomSettings', { rid: '658441562dd9f928ad9951ab', roomName: 'renamed-team' })).body).toEqual({
      rid: '658441562dd9f928ad9951ab',
      success: true,
    });
    expect(w.store.teams.team('658441562dd9f928ad9951aa')?.name).toBe('renamed-team');
    expect(w.store.teams.byTeamName('tester-team')).toBeUndefined();
  });

  it('needs edit-room: a plain member is refused after the room checks', async () => {
    const w = world();
    const rid = group(w, { name: 'member-rename', members: ['limited.user'] });
    expect((await op(w, 'groupsRename', { roomId: rid, name: 'x1' }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    expect(groupOf(info(w, rid)).u).toEqual({ _id: TESTER_ID, username: 'tester', name: 'Tester' });
  });
});
