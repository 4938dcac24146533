import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { archive, bodyParamRequired, EDITING_NOT_ALLOWED, expectRoute, expectTooLarge, expectUnauthorized, groupInfo, groupWithMember, post, roomArchived, warmConformance } from './room-settings-client.ts';

function setReadOnly(json: unknown, headers?: Record<string, string>) {
  return post('groupsSetReadOnly', 'groups.setReadOnly', json, headers);
}

const SAME = { success: false, error: 'The private group read only setting is the same as what it would be changed to.' };

describe('POST /api/v1/groups.setReadOnly (research notes issue 11 §3.6)', () => {
  beforeAll(warmConformance);

  it('200: the room read-only with one more message (test T), then writable again', async () => {
    const group = await createGroup({ name: roomName('ro') });
    const res = await setReadOnly({ roomId: group._id, readOnly: true });
    const after = await groupInfo(group._id);
    expectRoute(res, 200, { group: { ...group, ro: true, msgs: group.msgs + 1, _updatedAt: after._updatedAt }, success: true });
    const back = await setReadOnly({ roomName: group.name, readOnly: false });
    expect(back.status).toBe(200);
    expect(await groupInfo(group._id)).toMatchObject({ ro: false, msgs: group.msgs + 2 });
  });

  it('400 in order: readOnly → room parameter → room → same value → edit-room → archived', async () => {
    const group = await groupWithMember(roomName('ro'));
    expectRoute(await setReadOnly({ roomId: group._id }), 400, bodyParamRequired('readOnly'));
    expectRoute(await setReadOnly({ readOnly: true }), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await setReadOnly({ roomId: 'no-such-room', readOnly: true }), 400, ROOM_NOT_FOUND);
    expectRoute(await setReadOnly({ roomId: group._id, readOnly: false }, LIMITED), 400, SAME);
    expectRoute(await setReadOnly({ roomId: group._id, readOnly: true }, LIMITED), 400, EDITING_NOT_ALLOWED);
    await archive(group._id);
    expectRoute(await setReadOnly({ roomId: group._id, readOnly: true }), 400, roomArchived(group.name));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsSetReadOnly', 'groups.setReadOnly', { readOnly: true });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsSetReadOnly', 'groups.setReadOnly');
  });
});
