import { beforeAll, describe, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { archive, expectRoute, expectTooLarge, expectUnauthorized, post, warmConformance } from './room-settings-client.ts';

function close(json: unknown, headers?: Record<string, string>) {
  return post('groupsClose', 'groups.close', json, headers);
}

describe('POST /api/v1/groups.close (research notes issue 11 §4.3)', () => {
  beforeAll(warmConformance);

  it('200 for a new group (test T), then the "already closed" failure by name (test T)', async () => {
    const group = await createGroup({ name: roomName('close') });
    expectRoute(await close({ roomId: group._id }), 200, { success: true });
    expectRoute(await close({ roomName: group.name }), 400, {
      success: false,
      error: `The private group, ${group.name}, is already closed to the sender`,
    });
  });

  it('400: room parameter, room (no archived check: archiving already closed it)', async () => {
    const group = await createGroup({ name: roomName('close') });
    expectRoute(await close({}), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await close({ roomId: group._id }, LIMITED), 400, ROOM_NOT_FOUND);
    await archive(group._id);
    expectRoute(await close({ roomId: group._id }), 400, {
      success: false,
      error: `The private group, ${group.name}, is already closed to the sender`,
    });
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsClose', 'groups.close', {});
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsClose', 'groups.close');
  });
});
