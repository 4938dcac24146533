import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { LIMITED_ID } from './rocketchat-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'addRoomOwner';

describe('POST /api/v1/groups.addOwner (research notes issue 11 §5.3; test T "should add user as owner")', () => {
  it('200: the member becomes an owner', async () => {
    const group = await groupWith(['limited.user']);
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomId: group._id, userId: LIMITED_ID }))).toEqual(DONE);
    expect(await rolesOf(group._id, 'limited.user')).toEqual(['owner']);
  });

  it('400: the route checks, then not a member, already an owner', async () => {
    await expectRouteChecks('groupsAddOwner', 'groups.addOwner', method);
    const group = await groupWith(['limited.user']);
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomId: group._id, username: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-user-not-in-room', 'User is not in this room', { method }),
    ]);
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomName: group.name, username: 'tester' }))).toEqual([
      400,
      meteor('error-user-already-owner', 'User is already an owner', { method }),
    ]);
  });
});
