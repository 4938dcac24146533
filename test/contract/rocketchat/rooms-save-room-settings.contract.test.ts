import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, roomName } from './rocketchat-client.ts';
import { EDITING_NOT_ALLOWED, expectRoute, expectTooLarge, expectUnauthorized, groupInfo, groupWithMember, post, warmConformance } from './room-settings-client.ts';

function save(json: unknown, headers?: Record<string, string>) {
  return post('roomsSaveRoomSettings', 'rooms.saveRoomSettings', json, headers);
}

const INVALID_ROOM = { success: false, error: 'Invalid room [error-invalid-room]', errorType: 'error-invalid-room', details: { method: 'saveRoomSettings' } };

describe('POST /api/v1/rooms.saveRoomSettings (research notes issue 11 §3.10, §2; 7.x route)', () => {
  beforeAll(warmConformance);

  it('200 {rid}: several settings at once, systemMessages becomes the room\'s sysMes', async () => {
    const group = await createGroup({ name: roomName('srs') });
    const res = await save({ rid: group._id, roomTopic: 'T', roomDescription: 'D', systemMessages: ['uj', 'ul'] });
    expectRoute(res, 200, { rid: group._id, success: true });
    expect(await groupInfo(group._id)).toMatchObject({ topic: 'T', description: 'D', sysMes: ['uj', 'ul'], msgs: group.msgs + 2 });
    expectRoute(await save({ rid: group._id, systemMessages: [] }), 200, { rid: group._id, success: true });
    expect(await groupInfo(group._id)).not.toHaveProperty('sysMes');
  });

  it('400 in order: rid → unknown key → room → edit-room → validators (default needs view-room-administration)', async () => {
    const group = await groupWithMember(roomName('srs'));
    expectRoute(await save({ roomTopic: 'x' }), 400, INVALID_ROOM);
    expectRoute(await save({ rid: 'no-such-room', topic: 'x' }), 400, {
      success: false,
      error: 'Invalid settings provided [error-invalid-settings]',
      errorType: 'error-invalid-settings',
      details: { method: 'saveRoomSettings' },
    });
    expectRoute(await save({ rid: 'no-such-room', roomTopic: 'x' }), 400, INVALID_ROOM);
    expectRoute(await save({ rid: group._id, roomTopic: 'x' }, LIMITED), 400, EDITING_NOT_ALLOWED);
    expectRoute(await save({ rid: group._id, roomTopic: 'not saved', default: true }), 400, {
      success: false,
      error: 'Viewing room administration is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'saveRoomSettings', action: 'Viewing_room_administration' },
    });
    expect(await groupInfo(group._id)).not.toHaveProperty('topic');
    expectRoute(await save({ rid: group._id, systemMessages: ['not-a-type'] }), 400, {
      success: false,
      error: 'Invalid option [invalid-room]',
      errorType: 'invalid-room',
      details: { function: 'RocketChat.saveRoomSystemMessages' },
    });
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('roomsSaveRoomSettings', 'rooms.saveRoomSettings', { rid: 'x' });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('roomsSaveRoomSettings', 'rooms.saveRoomSettings');
  });
});
