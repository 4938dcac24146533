import { describe, expect, it } from 'vitest';
import { admin, answer, DONE, get, groupWith, INVALID_USER, meteor, post, send, USER_PARAM_NOT_PROVIDED } from './membership-client.ts';
import { auth, bodyOf, LIMITED, LIMITED_ID, NOT_LOGGED_IN, oversizedJson, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID, TOO_LARGE } from './rocketchat-client.ts';

function kick(json: unknown, headers = auth()) {
  return post('groupsKick', 'groups.kick', json, headers);
}

describe('POST /api/v1/groups.kick (research notes issue 11 §5.1)', () => {
  it('200: the member is gone, usersCount −1 and msgs +1', async () => {
    const group = await groupWith(['limited.user', 'rocket.cat']);
    expect(answer(await kick({ roomId: group._id, username: 'limited.user' }))).toEqual(DONE);
    const info = bodyOf(await get('groupsInfo', 'groups.info', { roomId: group._id }), 'GroupResponse').group;
    expect(info).toMatchObject({ usersCount: group.usersCount - 1, msgs: group.msgs + 1 });
    const members = bodyOf(await get('groupsMembers', 'groups.members', { roomId: group._id }), 'GroupsMembersResponse').members;
    expect(members.map((m) => m.username).sort()).toEqual(['rocket.cat', 'tester']);
    // The kicked user no longer sees the group.
    expect(answer(await get('groupsInfo', 'groups.info', { roomId: group._id }, LIMITED))).toEqual([400, ROOM_NOT_FOUND]);
  });

  it('a moderator may kick (test T)', async () => {
    const group = await groupWith(['limited.user', 'rocket.cat']);
    expect(answer(await post('groupsAddModerator', 'groups.addModerator', { roomId: group._id, userId: LIMITED_ID }))).toEqual(DONE);
    expect(answer(await kick({ roomName: group.name, userId: 'rocket.cat' }, LIMITED))).toEqual(DONE);
  });

  it('400s in the vendor order', async () => {
    const group = await groupWith(['limited.user']);
    const notMine = await groupWith(['limited.user'], { excludeSelf: true });
    const cases: [unknown, Record<string, string>, unknown][] = [
      [{ username: 'limited.user' }, auth(), ROOM_PARAM_NOT_PROVIDED],
      [{ roomName: 'general', username: 'limited.user' }, auth(), ROOM_NOT_FOUND],
      [{ roomId: group._id }, auth(), USER_PARAM_NOT_PROVIDED],
      [{ roomId: group._id, username: 'no.such.user.kick' }, auth(), INVALID_USER],
      [{ roomId: group._id, userId: TESTER_ID }, LIMITED, meteor('error-not-allowed', 'Not allowed', { method: 'removeUserFromRoom' })],
      // The admin holds remove-user everywhere but is no member (test T: error-room-not-found).
      [{ roomId: notMine._id, username: 'limited.user' }, await admin(), ROOM_NOT_FOUND],
      [{ roomId: group._id, username: 'rocket.cat' }, auth(), meteor('error-user-not-in-room', 'User is not in this room', { method: 'removeUserFromRoom' })],
      [
        { roomId: group._id, username: 'tester' },
        auth(),
        meteor('error-you-are-last-owner', 'You are the last owner. Please set new owner before leaving the room.', { method: 'removeUserFromRoom' }),
      ],
    ];
    for (const [json, headers, error] of cases) expect(answer(await kick(json, headers)), JSON.stringify(json)).toEqual([400, error]);
  });

  it('401 before the body is looked at; 413 over the size limit (modelled)', async () => {
    expect(answer(await kick({}, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
    const big = await send('groupsKick', 'groups.kick', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect(answer(big)).toEqual([413, TOO_LARGE]);
  });
});
