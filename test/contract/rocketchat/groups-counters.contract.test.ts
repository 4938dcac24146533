import { describe, expect, it } from 'vitest';
import { admin, answer, get, groupWith } from './membership-client.ts';
import { auth, LIMITED, NOT_LOGGED_IN, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, TESTER_ID, TIMESTAMP } from './rocketchat-client.ts';

const NULLS = { joined: false, members: null, unreads: null, unreadsFrom: null, msgs: null, latest: null, userMentions: null, success: true };

describe('GET /api/v1/groups.counters (research notes issue 11 §5.8; test T "should return group counters")', () => {
  it("200: a member's counters; nulls for someone else; the admin sees the room's numbers", async () => {
    const group = await groupWith(['rocket.cat']);
    const mine = await get('groupsCounters', 'groups.counters', { roomId: group._id });
    expect(answer(mine)).toEqual([
      200,
      { joined: true, members: 2, unreads: 0, unreadsFrom: expect.stringMatching(TIMESTAMP) as unknown, msgs: 0, latest: expect.stringMatching(TIMESTAMP) as unknown, userMentions: 0, success: true },
    ]);
    // No access check: a non-member gets the nulls.
    expect(answer(await get('groupsCounters', 'groups.counters', { roomName: group.name }, LIMITED))).toEqual([200, NULLS]);
    const asAdmin = await get('groupsCounters', 'groups.counters', { roomId: group._id }, await admin());
    expect(asAdmin.json).toEqual({ ...NULLS, members: 2, msgs: 0, latest: expect.stringMatching(TIMESTAMP) as unknown });
    const forTester = await get('groupsCounters', 'groups.counters', { roomId: group._id, userId: TESTER_ID }, await admin());
    expect(forTester.json).toMatchObject({ joined: true, members: 2 });
  });

  it('400 for an empty parameter or no group; 403 for userId without view-room-administration; 401', async () => {
    const group = await groupWith([]);
    expect(answer(await get('groupsCounters', 'groups.counters', { roomId: '' }))).toEqual([400, ROOM_PARAM_NOT_PROVIDED]);
    expect(answer(await get('groupsCounters', 'groups.counters', {}))).toEqual([400, ROOM_NOT_FOUND]);
    expect(answer(await get('groupsCounters', 'groups.counters', { roomName: 'general' }))).toEqual([400, ROOM_NOT_FOUND]);
    expect(answer(await get('groupsCounters', 'groups.counters', { roomId: group._id, userId: TESTER_ID }))).toEqual([403, { success: false, error: 'unauthorized' }]);
    expect(answer(await get('groupsCounters', 'groups.counters', { roomId: group._id }, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
