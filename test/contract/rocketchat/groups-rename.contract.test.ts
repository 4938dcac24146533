import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName, TIMESTAMP } from './rocketchat-client.ts';
import { archive, bodyParamRequired, EDITING_NOT_ALLOWED, expectRoute, expectTooLarge, expectUnauthorized, groupInfo, groupWithMember, post, roomArchived, warmConformance } from './room-settings-client.ts';

function rename(json: unknown, headers?: Record<string, string>) {
  return post('groupsRename', 'groups.rename', json, headers);
}

describe('POST /api/v1/groups.rename (research notes issue 11 §3.1)', () => {
  beforeAll(warmConformance);

  it('200: the room with its new name and fname and one more message (test T); the old name is free', async () => {
    const group = await createGroup({ name: roomName('rename') });
    const before = await groupInfo(group._id);
    const name = `EDITED${group.name}`;
    const res = await rename({ roomId: group._id, name });
    const after = await groupInfo(group._id);
    expectRoute(res, 200, { group: { ...before, fname: name, name, msgs: before.msgs + 1, _updatedAt: after._updatedAt }, success: true });
    expect(after._updatedAt).toMatch(TIMESTAMP);
    expect((await createGroup({ name: group.name }))._id).not.toBe(group._id);
  });

  it('200 and nothing changes for the current name', async () => {
    const group = await createGroup({ name: roomName('rename') });
    expectRoute(await rename({ roomName: group.name, name: group.name }), 200, { group: await groupInfo(group._id), success: true });
  });

  it('400 in order: name → room parameter → room → archived → edit-room → name rules → duplicate → handle', async () => {
    const group = await groupWithMember(roomName('rename'));
    const other = await createGroup({ name: roomName('rename-other') });
    expectRoute(await rename({ roomId: group._id, name: '  ' }), 400, bodyParamRequired('name'));
    expectRoute(await rename({ name: 'x' }), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await rename({ roomId: 'no-such-room', name: 'x' }), 400, ROOM_NOT_FOUND);
    expectRoute(await rename({ roomId: group._id, name: roomName('x') }, LIMITED), 400, EDITING_NOT_ALLOWED);
    expectRoute(await rename({ roomId: group._id, name: 'has space' }), 400, {
      success: false,
      error: 'has space is not a valid room name. [error-invalid-room-name]',
      errorType: 'error-invalid-room-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: 'has space' },
    });
    expectRoute(await rename({ roomId: group._id, name: other.name }), 400, {
      success: false,
      error: `A channel with name '${other.name}' exists [error-duplicate-channel-name]`,
      errorType: 'error-duplicate-channel-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: other.name },
    });
    expectRoute(await rename({ roomId: group._id, name: 'limited.user' }), 400, {
      success: false,
      error: "A room, team or user with name 'limited.user' already exists [error-duplicate-handle]",
      errorType: 'error-duplicate-handle',
      details: { function: 'RocketChat.updateRoomName', handle: 'limited.user' },
    });
    await archive(other._id);
    expectRoute(await rename({ roomId: group._id, name: other.name }), 400, {
      success: false,
      error: `There's an archived channel with name ${other.name} [error-archived-duplicate-name]`,
      errorType: 'error-archived-duplicate-name',
      details: { function: 'RocketChat.getValidRoomName', channel_name: other.name },
    });
    await archive(group._id);
    expectRoute(await rename({ roomId: group._id, name: roomName('x') }), 400, roomArchived(group.name));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsRename', 'groups.rename', { name: 'x' });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsRename', 'groups.rename');
  });
});
