import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, MESSAGE_NOT_FOUND, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, rc, roomName, TESTER_ID } from './rocketchat-client.ts';

function star(json: unknown, headers = auth()) {
  return rc('chatStarMessage', 'chat.starMessage', { headers, json });
}

describe('POST /api/v1/chat.starMessage (research notes issue 11 §6.6; groups.ts "STARring last message")', () => {
  it('200: starred once for the caller (lastMessage.starred an array); a non-member gets success and changes nothing', async () => {
    const group = await messageGroup(roomName('star'));
    const message = await sendMessage(group._id, 'x');
    for (let i = 0; i < 2; i += 1) {
      const res = await star({ messageId: message._id });
      expect([res.status, res.json]).toEqual([200, { success: true }]);
      expectRouteHeaders(res);
    }
    const outsider = await star({ messageId: message._id }, LIMITED);
    expect([outsider.status, outsider.json]).toEqual([200, { success: true }]);
    const info = bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group;
    expect(info).toMatchObject({ msgs: 1, lastMessage: { _id: message._id, starred: [{ _id: TESTER_ID }] } });
  });

  it('400s: schema, unknown message', async () => {
    for (const [json, expected] of [
      [{ messageId: 'x', extra: true }, { success: false, errorType: 'invalid-params', error: 'must NOT have additional properties' }],
      [{ messageId: 'no-such-message' }, MESSAGE_NOT_FOUND],
    ] as const) {
      const res = await star(json);
      expect([res.status, res.json]).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await star({ messageId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
