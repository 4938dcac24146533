import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { expectRoute, expectTooLarge, expectUnauthorized, groupInfo, groupWithMember, notAuthorized, post, roomArchived, warmConformance } from './room-settings-client.ts';

function archive(json: unknown, headers?: Record<string, string>) {
  return post('groupsArchive', 'groups.archive', json, headers);
}

describe('POST /api/v1/groups.archive (research notes issue 11 §4.1)', () => {
  beforeAll(warmConformance);

  it('200 (test T): archived, one more message; archiving again is error-room-archived', async () => {
    const group = await createGroup({ name: roomName('archive') });
    expectRoute(await archive({ roomId: group._id }), 200, { success: true });
    expect(await groupInfo(group._id)).toMatchObject({ archived: true, msgs: group.msgs + 1 });
    expectRoute(await archive({ roomName: group.name }), 400, roomArchived(group.name));
  });

  it('400 in order: room parameter → room → archive-room', async () => {
    const group = await groupWithMember(roomName('archive'));
    expectRoute(await archive({}), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await archive({ roomId: 'no-such-room' }), 400, ROOM_NOT_FOUND);
    expectRoute(await archive({ roomId: group._id }, LIMITED), 400, notAuthorized('archiveRoom'));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsArchive', 'groups.archive', {});
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsArchive', 'groups.archive');
  });
});
