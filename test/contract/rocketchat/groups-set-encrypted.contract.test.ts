import { beforeAll, describe, it } from 'vitest';
import { createGroup, LIMITED, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName } from './rocketchat-client.ts';
import { archive, bodyParamRequired, EDITING_NOT_ALLOWED, expectRoute, expectTooLarge, expectUnauthorized, groupWithMember, post, roomArchived, warmConformance } from './room-settings-client.ts';

function setEncrypted(json: unknown, headers?: Record<string, string>) {
  return post('groupsSetEncrypted', 'groups.setEncrypted', json, headers);
}

// The success path needs the E2E_Enable setting, which a fresh workspace has off and this suite
// does not change (tests run in parallel on one server): the unit tests cover it.
const E2E_OFF = {
  success: false,
  error: 'Only groups or direct channels can enable encryption [error-action-not-allowed]',
  errorType: 'error-action-not-allowed',
  details: { method: 'saveRoomSettings', action: 'Change_Room_Encrypted' },
};

describe('POST /api/v1/groups.setEncrypted (research notes issue 11 §3.9)', () => {
  beforeAll(warmConformance);

  it('400 with E2E_Enable off, for the owner (the default workspace)', async () => {
    const group = await createGroup({ name: roomName('e2e') });
    expectRoute(await setEncrypted({ roomId: group._id, encrypted: true }), 400, E2E_OFF);
  });

  it('400 in order: boolean encrypted (test T) → room parameter → room → edit-room → archived', async () => {
    const group = await groupWithMember(roomName('e2e'));
    expectRoute(await setEncrypted({ roomId: group._id, encrypted: 'no-boolean' }), 400, bodyParamRequired('encrypted'));
    expectRoute(await setEncrypted({ encrypted: true }), 400, ROOM_PARAM_NOT_PROVIDED);
    expectRoute(await setEncrypted({ roomId: 'no-such-room', encrypted: true }), 400, ROOM_NOT_FOUND);
    expectRoute(await setEncrypted({ roomId: group._id, encrypted: true }, LIMITED), 400, EDITING_NOT_ALLOWED);
    await archive(group._id);
    expectRoute(await setEncrypted({ roomId: group._id, encrypted: true }), 400, roomArchived(group.name));
  });

  it('401 without valid credentials', async () => {
    await expectUnauthorized('groupsSetEncrypted', 'groups.setEncrypted', { encrypted: true });
  });

  it('413 for a body over the limit (modelled)', async () => {
    await expectTooLarge('groupsSetEncrypted', 'groups.setEncrypted');
  });
});
