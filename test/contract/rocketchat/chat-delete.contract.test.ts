import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, history, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, rc, roomName, TESTER_ID, type Schemas } from './rocketchat-client.ts';

function del(json: unknown, headers = auth()) {
  return rc('chatDelete', 'chat.delete', { headers, json });
}

describe('POST /api/v1/chat.delete (research notes issue 11 §6.8)', () => {
  it('200: gone from history, msgs − 1, lastMessage back to the previous message', async () => {
    const group = await messageGroup(roomName('del'));
    const first = await sendMessage(group._id, 'first');
    const second = await sendMessage(group._id, 'second');
    const before = Date.now();
    const res = await del({ roomId: group._id, msgId: second._id });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const body = bodyOf(res, 'MessagesDeleteResponse');
    expect(Number(body.ts)).toBeGreaterThanOrEqual(before - 1000);
    expect(res.json).toEqual({ _id: second._id, ts: body.ts, message: { _id: second._id, rid: group._id, u: { _id: TESTER_ID, username: 'tester', name: 'Tester' } }, success: true });
    expect((await history(group._id)).map((m) => m._id)).toEqual([first._id]);
    const info = bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group;
    expect(info).toMatchObject({ msgs: 1, lastMessage: { _id: first._id } });
  });

  it('400s in the vendor order', async () => {
    const group = await messageGroup(roomName('del'), ['limited.user']);
    const other = await messageGroup(roomName('del'));
    const mine = await sendMessage(group._id, 'tester writes');
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{ roomId: group._id }, auth(), { success: false, errorType: 'invalid-params', error: "must have required property 'msgId'" }],
      [{ roomId: group._id, msgId: 'MvHcX2WKSrmdArmkt' }, auth(), { success: false, error: 'No message found with the id of "MvHcX2WKSrmdArmkt".' }],
      [{ roomId: other._id, msgId: mine._id }, auth(), { success: false, error: 'The room id provided does not match where the message is from.' }],
      [{ roomId: group._id, msgId: mine._id, asUser: true }, LIMITED, { success: false, error: 'Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.' }],
      [{ roomId: group._id, msgId: mine._id }, LIMITED, { success: false, error: 'Not allowed [error-action-not-allowed]', errorType: 'error-action-not-allowed' }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await del(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await del({ roomId: 'x', msgId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
