import { describe, expect, it } from 'vitest';
import { answer, DONE, groupWith, meteor, post } from './membership-client.ts';
import { expectRouteChecks, rolesOf } from './role-cases.ts';

const method = 'addRoomLeader';

describe('POST /api/v1/groups.addLeader (research notes issue 11 §5.3; test T "should add user as leader")', () => {
  it('200: the member becomes a leader', async () => {
    const group = await groupWith(['rocket.cat']);
    expect(answer(await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, userId: 'rocket.cat' }))).toEqual(DONE);
    expect(await rolesOf(group._id, 'rocket.cat')).toEqual(['leader']);
  });

  it('400: the route checks, then not a member, already a leader', async () => {
    await expectRouteChecks('groupsAddLeader', 'groups.addLeader', method);
    const group = await groupWith(['rocket.cat']);
    expect(answer(await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, username: 'limited.user' }))).toEqual([
      400,
      meteor('error-user-not-in-room', 'User is not in this room', { method }),
    ]);
    await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, username: 'rocket.cat' });
    expect(answer(await post('groupsAddLeader', 'groups.addLeader', { roomId: group._id, username: 'rocket.cat' }))).toEqual([
      400,
      meteor('error-user-already-leader', 'User is already a leader', { method }),
    ]);
  });
});
