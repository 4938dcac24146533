import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { LIMITED_ID } from './rocketchat-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'addRoomModerator';

describe('POST /api/v1/groups.addModerator (research notes issue 11 §5.3; test T "should make user a moderator")', () => {
  it('200: the member becomes a moderator', async () => {
    const group = await groupWith(['limited.user']);
    expect(answer(await post('groupsAddModerator', 'groups.addModerator', { roomName: group.name, username: 'limited.user' }))).toEqual(DONE);
    expect(await rolesOf(group._id, 'limited.user')).toEqual(['moderator']);
  });

  it('400: the route checks, then not a member, already a moderator', async () => {
    await expectRouteChecks('groupsAddModerator', 'groups.addModerator', method);
    const group = await groupWith(['limited.user']);
    expect(answer(await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-user-not-in-room', 'User is not in this room', { method }),
    ]);
    await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: LIMITED_ID });
    expect(answer(await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: LIMITED_ID }))).toEqual([
      400,
      meteor('error-user-already-moderator', 'User is already a moderator', { method }),
    ]);
  });
});
