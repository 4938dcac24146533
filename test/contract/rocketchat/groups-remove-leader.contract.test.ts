import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'removeRoomLeader';

describe('POST /api/v1/groups.removeLeader (research notes issue 11 §5.3; test T "should remove user from leader")', () => {
  it('200: the leader loses the role; removing it again is an error', async () => {
    const group = await groupWith(['rocket.cat']);
    await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, userId: 'rocket.cat' });
    expect(answer(await post('groupsRemoveLeader', 'groups.removeLeader', { roomId: group._id, userId: 'rocket.cat' }))).toEqual(DONE);
    expect(await rolesOf(group._id, 'rocket.cat')).toBeUndefined();
    expect(answer(await post('groupsRemoveLeader', 'groups.removeLeader', { roomId: group._id, userId: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-user-not-leader', 'User is not a leader', { method }),
    ]);
  });

  it('400: the route checks, then not a member (User is not in this room)', async () => {
    await expectRouteChecks('groupsRemoveLeader', 'groups.removeLeader', method);
    const group = await groupWith([]);
    expect(answer(await post('groupsRemoveLeader', 'groups.removeLeader', { roomId: group._id, userId: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-user-not-in-room', 'User is not in this room', { method }),
    ]);
  });
});
