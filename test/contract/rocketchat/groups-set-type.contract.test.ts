import { beforeAll, describe, expect, it } from 'vitest';
import { auth, bodyOf, createGroup, LIMITED, login, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, rc, roomName } from './rocketchat-client.ts';
import {
  adminAuth,
  ADMIN_USER,
  archive,
  bodyParamRequired,
  EDITING_NOT_ALLOWED,
  expectRoute,
  expectTooLarge,
  expectUnauthorized,
  groupInfo,
  groupWithMember,
  notAuthorized,
  post,
  roomArchived,
  warmConformance,
} from './room-settings-client.ts';

function setType(json: unknown, headers?: Record<string, string>) {
  return post('groupsSetType', 'groups.setType', json, headers);
}

describe('POST /api/v1/groups.setType (research notes issue 11 §3.7)', () => {
  beforeAll(warmConformance);

  it('200: the room as a channel (test T); groups.info no longer finds it', async () => {
    const group = await createGroup({ name: roomName('type') });
    const res = await setType({ roomId: group._id, type: 'c' });
    expect(res.status, res.text).toBe(200);
    const changed = bodyOf(res, 'RoomSettingsTypeResponse').group;
    expectRoute(res, 200, { group: { ...group, t: 'c', msgs: group.msgs + 1, _updatedAt: changed._updatedAt }, success: true });
    const info = await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } });
    expectRoute(info, 400, ROOM_NOT_FOUND);
  });

  it('400 in order: type → room parameter → room → same type → edit-room → c or p → archived', async () => {
    const group = await groupWithMember(roomName('type'));
    expectRoute(await setType({ roomId: group._id, type: ' ' }), 400, bodyParamRequired('type'));
    expectRoute(await setType({ type: 'c' }), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await setType({ roomId: 'no-such-room', type: 'c' }), 400, ROOM_NOT_FOUND);
    expectRoute(await setType({ roomId: group._id, type: 'p' }, LIMITED), 400, {
      success: false,
      error: 'The private group type is the same as what it would be changed to.',
    });
    expectRoute(await setType({ roomId: group._id, type: 'c' }, LIMITED), 400, EDITING_NOT_ALLOWED);
    expectRoute(await setType({ roomId: group._id, type: 'x' }), 400, {
      success: false,
      error: 'error-invalid-room-type [error-invalid-room-type]',
      errorType: 'error-invalid-room-type',
      details: { function: 'RocketChat.saveRoomType', type: 'x' },
    });
    await archive(group._id);
    expectRoute(await setType({ roomId: group._id, type: 'c' }), 400, roomArchived(group.name));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsSetType', 'groups.setType', { type: 'c' });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsSetType', 'groups.setType');
  });
});

describe('story: create → topic → description → announcement → rename → info → read-only → archive → unarchive → close → open → channel', () => {
  it('walks a group through its settings', async () => {
    const me = await login('tester', 'tester');
    const admin = await adminAuth();
    const created = await createGroup({ name: roomName('settings-story'), members: [ADMIN_USER] }, me);
    const rid = created._id;

    expectRoute(await post('groupsSetTopic', 'groups.setTopic', { roomId: rid, topic: 'Weekly sync' }, me), 200, { topic: 'Weekly sync', success: true });
    expectRoute(await post('groupsSetDescription', 'groups.setDescription', { roomId: rid, description: 'Team room' }, me), 200, {
      description: 'Team room',
      success: true,
    });
    expectRoute(await post('groupsSetAnnouncement', 'groups.setAnnouncement', { roomId: rid, announcement: 'Friday 10:00' }, me), 200, {
      announcement: 'Friday 10:00',
      success: true,
    });
    const newName = roomName('settings-story-renamed');
    const renamed = await post('groupsRename', 'groups.rename', { roomId: rid, name: newName }, me);
    expect(renamed.status, renamed.text).toBe(200);

    const info = await groupInfo(rid, me);
    expect(info).toMatchObject({
      name: newName,
      fname: newName,
      topic: 'Weekly sync',
      description: 'Team room',
      announcement: 'Friday 10:00',
      msgs: created.msgs + 4,
    });
    expect(bodyOf(renamed, 'GroupResponse').group).toEqual(info);

    expect(bodyOf(await post('groupsSetReadOnly', 'groups.setReadOnly', { roomId: rid, readOnly: true }, me), 'GroupResponse').group.ro).toBe(true);

    expectRoute(await post('groupsArchive', 'groups.archive', { roomId: rid }, me), 200, { success: true });
    expectRoute(await post('groupsSetTopic', 'groups.setTopic', { roomId: rid, topic: 'too late' }, me), 400, roomArchived(newName));
    expectRoute(await post('groupsUnarchive', 'groups.unarchive', { roomId: rid }, me), 400, notAuthorized('unarchiveRoom'));
    expectRoute(await post('groupsUnarchive', 'groups.unarchive', { roomId: rid }, admin), 200, { success: true });
    expect((await groupInfo(rid, me)).topic).toBe('Weekly sync');

    expectRoute(await post('groupsClose', 'groups.close', { roomName: newName }, me), 200, { success: true });
    expectRoute(await post('groupsClose', 'groups.close', { roomName: newName }, me), 400, {
      success: false,
      error: `The private group, ${newName}, is already closed to the sender`,
    });
    expectRoute(await post('groupsOpen', 'groups.open', { roomId: rid }, me), 200, { success: true });

    const channel = await post('groupsSetType', 'groups.setType', { roomId: rid, type: 'c' }, me);
    expect(bodyOf(channel, 'RoomSettingsTypeResponse').group).toMatchObject({ _id: rid, t: 'c', name: newName, ro: true });
    expectRoute(await rc('groupsInfo', 'groups.info', { headers: me, query: { roomId: rid } }), 400, ROOM_NOT_FOUND);

    const out = await rc('logout', 'logout', { method: 'POST', headers: me });
    expect(out.status).toBe(200);
  });
});
