import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, LIMITED_ID, NOT_LOGGED_IN, rc, ROOM_NOT_FOUND, roomName, TESTER_ID } from './rocketchat-client.ts';

function get(query: Record<string, string>, headers = auth()) {
  return rc('groupsMessages', 'groups.messages', { headers, query });
}

describe('GET /api/v1/groups.messages (research notes issue 11 §6.4; groups.ts "/groups.messages")', () => {
  it('200: 4 messages + the pin = 5; mentionIds, starredIds, pinned; the caller\'s own star only; sort and paging', async () => {
    const name = roomName('msgs');
    const group = await messageGroup(name, ['limited.user', 'rocket.cat']);
    await sendMessage(group._id, 'plain');
    await sendMessage(group._id, 'to @limited.user');
    await sendMessage(group._id, 'to @limited.user and @rocket.cat');
    const last = await sendMessage(group._id, 'starred');
    expect((await rc('chatStarMessage', 'chat.starMessage', { headers: auth(), json: { messageId: last._id } })).status).toBe(200);
    expect((await rc('chatStarMessage', 'chat.starMessage', { headers: LIMITED, json: { messageId: last._id } })).status).toBe(200);
    expect((await rc('chatPinMessage', 'chat.pinMessage', { headers: auth(), json: { messageId: last._id } })).status).toBe(200);
    const res = await get({ roomId: group._id });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const all = bodyOf(res, 'MessagesListResponse');
    expect(all).toMatchObject({ count: 5, offset: 0, total: 5, success: true });
    expect(all.messages.find((m) => m._id === last._id)?.starred).toEqual([{ _id: TESTER_ID }]);
    const total = async (query: Record<string, string>) => bodyOf(await get({ roomId: group._id, ...query }), 'MessagesListResponse').total;
    expect(await total({ mentionIds: LIMITED_ID })).toBe(2);
    expect(await total({ mentionIds: `${LIMITED_ID},rocket.cat` })).toBe(2);
    expect(await total({ starredIds: LIMITED_ID })).toBe(1);
    const pinned = bodyOf(await get({ roomName: name, pinned: 'true' }), 'MessagesListResponse');
    expect(pinned.messages.map((m) => [m._id, m.pinnedBy?._id])).toEqual([[last._id, TESTER_ID]]);
    const page = bodyOf(await get({ roomId: group._id, sort: '{"msg":1}', count: '2', offset: '0' }), 'MessagesListResponse');
    expect(page).toMatchObject({ count: 2, offset: 0, total: 5 });
    expect(page.messages.map((m) => m.msg)).toEqual(['', 'plain']);
  });

  it('400s: the legacy schema (both or neither selector), lookup, sort', async () => {
    const group = await messageGroup(roomName('msgs'));
    const cases: [Record<string, string>, unknown][] = [
      [{}, { success: false, error: "must have required property 'roomId'\n must have required property 'roomName'\n must match exactly one schema in oneOf [invalid-params]", errorType: 'invalid-params' }],
      [{ roomId: group._id, roomName: group.name }, { success: false, error: 'must match exactly one schema in oneOf [invalid-params]', errorType: 'invalid-params' }],
      [{ roomId: 'no-such-room' }, ROOM_NOT_FOUND],
      [{ roomId: group._id, sort: '{"ts":2}' }, { success: false, error: 'Invalid sort parameter provided: "{"ts":2}" [error-invalid-sort]', errorType: 'error-invalid-sort', details: { helperMethod: 'parseJsonQuery' } }],
    ];
    for (const [query, expected] of cases) {
      const res = await get(query);
      expect([res.status, res.json], JSON.stringify(query)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await get({ roomId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
