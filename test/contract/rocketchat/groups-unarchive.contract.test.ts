import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { adminAuth, ADMIN_USER, archive, expectRoute, expectTooLarge, expectUnauthorized, groupInfo, notAuthorized, post, warmConformance } from './room-settings-client.ts';

function unarchive(json: unknown, headers?: Record<string, string>) {
  return post('groupsUnarchive', 'groups.unarchive', json, headers);
}

describe('POST /api/v1/groups.unarchive (research notes issue 11 §4.2)', () => {
  beforeAll(warmConformance);

  it('owners are refused; an admin member unarchives (test T), with one more message', async () => {
    const admin = await adminAuth();
    const group = await createGroup({ name: roomName('unarchive'), members: [ADMIN_USER] });
    await archive(group._id);
    expectRoute(await unarchive({ roomId: group._id }), 400, notAuthorized('unarchiveRoom'));
    expectRoute(await unarchive({ roomName: group.name }, admin), 200, { success: true });
    expect(await groupInfo(group._id)).toMatchObject({ archived: false, msgs: group.msgs + 2 });
  });

  it('400: room parameter, then room (no archived check: an admin outside the group is not found)', async () => {
    const admin = await adminAuth();
    const group = await createGroup({ name: roomName('unarchive') });
    expectRoute(await unarchive({}, admin), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await unarchive({ roomId: group._id }, admin), 400, ROOM_NOT_FOUND);
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsUnarchive', 'groups.unarchive', {});
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsUnarchive', 'groups.unarchive');
  });
});
