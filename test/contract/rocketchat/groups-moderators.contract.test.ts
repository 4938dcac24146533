import { describe, expect, it } from 'vitest';
import { answer, get, groupWith, post } from './membership-client.ts';
import { auth, LIMITED, NOT_LOGGED_IN, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID } from './rocketchat-client.ts';

describe('GET /api/v1/groups.moderators (research notes issue 11 §5.5; test T "rocket.cat as a moderator")', () => {
  it('200: the moderators as {_id, username, name}', async () => {
    const group = await groupWith(['rocket.cat']);
    expect(answer(await get('groupsModerators', 'groups.moderators', { roomId: group._id }))).toEqual([200, { moderators: [], success: true }]);
    await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, username: 'rocket.cat' });
    expect(answer(await get('groupsModerators', 'groups.moderators', { roomName: group.name }))).toEqual([
      200,
      { moderators: [{ _id: 'rocket.cat', username: 'rocket.cat', name: 'Rocket.Cat' }], success: true },
    ]);
  });

  it('400: room parameter, a group the caller is not in; 401', async () => {
    expect(answer(await get('groupsModerators', 'groups.moderators', {}))).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    const group = await groupWith([]);
    expect(answer(await get('groupsModerators', 'groups.moderators', { roomId: group._id }, LIMITED))).toEqual([400, ROOM_NOT_FOUND]);
    expect(answer(await get('groupsModerators', 'groups.moderators', { roomId: group._id }, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
