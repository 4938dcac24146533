import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { LIMITED, LIMITED_ID, TESTER_ID } from './rocketchat-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'removeRoomOwner';

describe('POST /api/v1/groups.removeOwner (research notes issue 11 §5.3; test T "should remove user from owner")', () => {
  it('200: an owner who is not the last one loses the role', async () => {
    const group = await groupWith(['limited.user']);
    await post('groupsAddOwner', 'groups.addOwner', { roomId: group._id, userId: LIMITED_ID });
    expect(answer(await post('groupsRemoveOwner', 'groups.removeOwner', { roomId: group._id, userId: TESTER_ID }, LIMITED))).toEqual(DONE);
    expect(await rolesOf(group._id, 'tester')).toBeUndefined();
    expect(answer(await post('groupsRemoveOwner', 'groups.removeOwner', { roomId: group._id, userId: LIMITED_ID }, LIMITED))).toEqual([
      400,
      meteor('error-remove-last-owner', 'This is the last owner. Please set a new owner before removing this one.', { method }),
    ]);
  });

  it('400: the route checks, then not a member (Invalid room), not an owner, the last owner', async () => {
    await expectRouteChecks('groupsRemoveOwner', 'groups.removeOwner', method);
    const group = await groupWith(['limited.user']);
    const cases: [unknown, unknown][] = [
      [{ roomId: group._id, username: 'rocket.cat' }, meteor('error-invalid-room', 'Invalid room', { method })],
      [{ roomId: group._id, username: 'limited.user' }, meteor('error-user-not-owner', 'User is not an owner', { method })],
      [{ roomId: group._id, username: 'tester' }, meteor('error-remove-last-owner', 'This is the last owner. Please set a new owner before removing this one.', { method })],
    ];
    for (const [json, error] of cases) expect(answer(await post('groupsRemoveOwner', 'groups.removeOwner', json)), JSON.stringify(json)).toEqual([400, error]);
  });
});
