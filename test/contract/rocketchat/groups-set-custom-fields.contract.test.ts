import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { archive, EDITING_NOT_ALLOWED, expectRoute, expectTooLarge, expectUnauthorized, groupInfo, groupWithMember, post, roomArchived, warmConformance } from './room-settings-client.ts';

function setCustomFields(json: unknown, headers?: Record<string, string>) {
  return post('groupsSetCustomFields', 'groups.setCustomFields', json, headers);
}

const REQUIRED = { success: false, error: 'The bodyParam "customFields" is required with a type like object.' };

describe('POST /api/v1/groups.setCustomFields (research notes issue 11 §3.8; tests T)', () => {
  beforeAll(warmConformance);

  it('200: the fields are replaced, not merged; {} clears them; no message', async () => {
    const group = await createGroup({ name: roomName('cf'), customFields: { field0: 'value0' } });
    const res = await setCustomFields({ roomId: group._id, customFields: { field9: 'value9' } });
    const after = await groupInfo(group._id);
    expectRoute(res, 200, { group: { ...group, customFields: { field9: 'value9' }, _updatedAt: after._updatedAt }, success: true });
    const cleared = await setCustomFields({ roomName: group.name, customFields: {} });
    expect(cleared.status).toBe(200);
    expect(await groupInfo(group._id)).toMatchObject({ customFields: {}, msgs: group.msgs });
  });

  it('400 in order: customFields → room parameter → room → edit-room → plain object → archived', async () => {
    const group = await groupWithMember(roomName('cf'));
    expectRoute(await setCustomFields({ roomId: group._id, customFields: '' }), 400, REQUIRED);
    expectRoute(await setCustomFields({ customFields: { a: 1 } }), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await setCustomFields({ roomId: 'no-such-room', customFields: { a: 1 } }), 400, ROOM_NOT_FOUND);
    expectRoute(await setCustomFields({ roomId: group._id, customFields: { a: 1 } }, LIMITED), 400, EDITING_NOT_ALLOWED);
    expectRoute(await setCustomFields({ roomId: group._id, customFields: ['a'] }), 400, {
      success: false,
      error: 'Invalid roomCustomFields type [invalid-roomCustomFields-type]',
      errorType: 'invalid-roomCustomFields-type',
    });
    await archive(group._id);
    expectRoute(await setCustomFields({ roomId: group._id, customFields: { a: 1 } }), 400, roomArchived(group.name));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsSetCustomFields', 'groups.setCustomFields', { customFields: {} });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsSetCustomFields', 'groups.setCustomFields');
  });
});
