import { describe, expect, it } from 'vitest';
import { admin, answer, DONE, get, groupWith, meteor, post } from './membership-client.ts';
import { auth, LIMITED, LIMITED_ID, NOT_LOGGED_IN, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID } from './rocketchat-client.ts';

function leave(json: unknown, headers = auth()) {
  return post('groupsLeave', 'groups.leave', json, headers);
}

const LAST_OWNER = meteor('error-you-are-last-owner', 'You are the last owner. Please set new owner before leaving the room.', { method: 'leaveRoom' });

describe('POST /api/v1/groups.leave (research notes issue 11 §5.2)', () => {
  it('a member leaves: the group is gone for them and usersCount −1', async () => {
    const group = await groupWith(['limited.user']);
    expect(answer(await leave({ roomName: group.name }, LIMITED))).toEqual(DONE);
    expect(answer(await get('groupsInfo', 'groups.info', { roomId: group._id }, LIMITED))).toEqual([400, ROOM_NOT_FOUND]);
    const info = await get('groupsInfo', 'groups.info', { roomId: group._id });
    expect(info.json).toMatchObject({ group: { usersCount: 1, msgs: 1 } });
  });

  it('the last owner cannot leave until there is another owner', async () => {
    const group = await groupWith(['limited.user']);
    expect(answer(await leave({ roomId: group._id }))).toEqual([400, LAST_OWNER]);
    expect(answer(await post('groupsAddOwner', 'groups.addOwner', { roomId: group._id, userId: LIMITED_ID }))).toEqual(DONE);
    expect(answer(await leave({ roomId: group._id }))).toEqual(DONE);
  });

  it('400: room parameter, then a group the caller is not in', async () => {
    expect(answer(await leave({}))).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    const group = await groupWith([]);
    expect(answer(await leave({ roomId: group._id }, await admin()))).toEqual([400, ROOM_NOT_FOUND]);
    expect(answer(await leave({ roomName: 'general' }))).toEqual([400, ROOM_NOT_FOUND]);
  });

  it('401 without valid credentials', async () => {
    expect(answer(await leave({}, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
