import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, FUTURE, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, NOT_LOGGED_IN, rc, ROOM_NOT_FOUND, ROOM_PARAM_NOT_PROVIDED, roomName, TESTER_ID } from './rocketchat-client.ts';

function get(query: Record<string, string>, headers = auth()) {
  return rc('groupsHistory', 'groups.history', { headers, query });
}

describe('GET /api/v1/groups.history (research notes issue 11 §6.3; groups.ts "/groups.history")', () => {
  it('200: newest first, no count/offset/total; count and offset; a time window', async () => {
    const name = roomName('hist');
    const group = await messageGroup(name);
    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push(await sendMessage(group._id, text));
    const res = await get({ roomId: group._id, latest: FUTURE });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const body = bodyOf(res, 'MessagesHistoryResponse');
    expect(Object.keys(body)).toEqual(['messages', 'success']);
    expect(body.messages.map((m) => m.msg)).toEqual(['three', 'two', 'one']);
    expect(body.messages[0]).toEqual({ ...sent[2], u: { _id: TESTER_ID, username: 'tester', name: 'Tester' } });
    const page = bodyOf(await get({ roomName: name, latest: FUTURE, count: '1', offset: '1' }), 'MessagesHistoryResponse');
    expect(page.messages.map((m) => m.msg)).toEqual(['two']);
    const [first, , third] = sent;
    if (!first || !third) throw new Error('three messages');
    const window = bodyOf(await get({ roomId: group._id, oldest: first.ts, latest: third.ts, inclusive: 'true' }), 'MessagesHistoryResponse');
    expect(window.messages.map((m) => m.msg)).toEqual(['three', 'two', 'one']);
    const unreads = bodyOf(await get({ roomId: group._id, latest: FUTURE, unreads: 'true' }), 'MessagesHistoryResponse');
    expect(unreads).toEqual({ messages: unreads.messages, unreadNotLoaded: 0, success: true });
  });

  it('400: parameter, then lookup', async () => {
    for (const [query, expected] of [
      [{}, ROOM_PARAM_NOT_PROVIDED],
      [{ roomName: 'general' }, ROOM_NOT_FOUND],
      [{ roomId: 'no-such-room' }, ROOM_NOT_FOUND],
    ] as const) {
      const res = await get(query);
      expect([res.status, res.json]).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await get({ roomId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
