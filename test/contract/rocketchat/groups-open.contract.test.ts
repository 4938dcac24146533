import { beforeAll, describe, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { archive, expectRoute, expectTooLarge, expectUnauthorized, post, warmConformance } from './room-settings-client.ts';

function open(json: unknown, headers?: Record<string, string>) {
  return post('groupsOpen', 'groups.open', json, headers);
}

describe('POST /api/v1/groups.open (research notes issue 11 §4.4)', () => {
  beforeAll(warmConformance);

  it('400 for an open group, 200 after groups.close (test T), also on an archived group', async () => {
    const group = await createGroup({ name: roomName('open') });
    expectRoute(await open({ roomId: group._id }), 400, { success: false, error: `The private group, ${group.name}, is already open for the sender` });
    await post('groupsClose', 'groups.close', { roomId: group._id });
    expectRoute(await open({ roomName: group.name }), 200, { success: true });
    await archive(group._id);
    expectRoute(await open({ roomId: group._id }), 200, { success: true });
  });

  it('400: room parameter, room', async () => {
    const group = await createGroup({ name: roomName('open') });
    expectRoute(await open({}), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await open({ roomId: group._id }, LIMITED), 400, ROOM_NOT_FOUND);
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsOpen', 'groups.open', {});
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsOpen', 'groups.open');
  });
});
