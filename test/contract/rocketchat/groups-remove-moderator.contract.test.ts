import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { LIMITED_ID } from './rocketchat-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'removeRoomModerator';

describe('POST /api/v1/groups.removeModerator (research notes issue 11 §5.3; test T "should remove user from moderator")', () => {
  it('200: the moderator loses the role; removing it again is an error', async () => {
    const group = await groupWith(['limited.user']);
    await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: LIMITED_ID });
    expect(answer(await post('groupsRemoveModerator', 'groups.removeModerator', { roomId: group._id, userId: LIMITED_ID }))).toEqual(DONE);
    expect(await rolesOf(group._id, 'limited.user')).toBeUndefined();
    expect(answer(await post('groupsRemoveModerator', 'groups.removeModerator', { roomId: group._id, userId: LIMITED_ID }))).toEqual([
      400,
      meteor('error-user-not-moderator', 'User is not a moderator', { method }),
    ]);
  });

  it('a member who never held a room role passes (the vendor only checks an existing roles list)', async () => {
    const group = await groupWith(['limited.user']);
    expect(answer(await post('groupsRemoveModerator', 'groups.removeModerator', { roomId: group._id, userId: LIMITED_ID }))).toEqual(DONE);
  });

  it('400: the route checks, then not a member (Invalid room), an owner who is no moderator', async () => {
    await expectRouteChecks('groupsRemoveModerator', 'groups.removeModerator', method);
    const group = await groupWith([]);
    expect(answer(await post('groupsRemoveModerator', 'groups.removeModerator', { roomId: group._id, userId: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-invalid-room', 'Invalid room', { method }),
    ]);
    expect(answer(await post('groupsRemoveModerator', 'groups.removeModerator', { roomId: group._id, username: 'tester' }))).toEqual([
      400,
      meteor('error-user-not-moderator', 'User is not a moderator', { method }),
    ]);
  });
});
