import { describe, expect, it } from 'vitest';
import { viaPrismProxy } from '../../support/http.ts';
import { expectMiddlewareHeaders, expectRouteHeaders, history, MESSAGE_ID, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, LIMITED_ID, NOT_LOGGED_IN, oversizedJson, rc, roomName, TESTER_ID, TIMESTAMP, TOO_LARGE, type Schemas } from './rocketchat-client.ts';

function post(json: unknown, headers = auth()) {
  return rc('chatSendMessage', 'chat.sendMessage', { headers, json });
}

describe('POST /api/v1/chat.sendMessage (research notes issue 11 §6.1)', () => {
  it('200: the stored message with u, mentions, channels and md; it becomes the group\'s lastMessage', async () => {
    const name = roomName('send');
    const group = await messageGroup(name, ['limited.user']);
    const res = await post({ message: { rid: group._id, msg: 'hello @limited.user' } });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { message } = bodyOf(res, 'MessagesMessageResponse');
    expect(message._id).toMatch(MESSAGE_ID);
    expect(message.ts).toMatch(TIMESTAMP);
    expect(res.json).toEqual({
      message: {
        _id: message._id,
        rid: group._id,
        msg: 'hello @limited.user',
        ts: message.ts,
        u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
        mentions: [{ _id: LIMITED_ID, username: 'limited.user', name: 'Limited User', type: 'user' }],
        channels: [],
        md: [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: 'hello ' }, { type: 'MENTION_USER', value: { type: 'PLAIN_TEXT', value: 'limited.user' } }] }],
        _updatedAt: message._updatedAt,
      },
      success: true,
    });
    const info = bodyOf(await rc('groupsInfo', 'groups.info', { headers: LIMITED, query: { roomId: group._id } }), 'GroupResponse').group;
    expect(info).toMatchObject({ msgs: 1, lm: message.ts, lastMessage: { _id: message._id, msg: 'hello @limited.user' } });
    expect((await history(group._id, LIMITED)).map((m) => m._id)).toEqual([message._id]);
  });

  it('keeps a client _id and unknown keys (groups.ts E2E case sends t, e2e and text)', async () => {
    const group = await messageGroup(roomName('send'));
    const _id = `cid${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const message = await sendMessage(group._id, 'ciphertext', auth(), { _id, t: 'e2e', e2e: 'pending', text: 'shown' });
    expect(message).toMatchObject({ _id, t: 'e2e', e2e: 'pending', text: 'shown' });
  });

  it('400s in the vendor order', async () => {
    const group = await messageGroup(roomName('send'));
    const hidden = await messageGroup(roomName('sendh'));
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{}, auth(), { success: false, errorType: 'invalid-params', error: "must have required property 'message'" }],
      [{ message: { rid: group._id, t: 'uj' } }, auth(), { success: false, error: "Cannot send system messages using 'chat.sendMessage'" }],
      [{ message: { rid: group._id, tshow: true } }, auth(), { success: false, error: 'tshow provided but missing tmid [invalid-params]', errorType: 'invalid-params', details: { method: 'sendMessage' } }],
      [{ message: { rid: group._id, msg: 'x'.repeat(5001) } }, auth(), { success: false, error: 'Message size exceeds Message_MaxAllowedSize [error-message-size-exceeded]', errorType: 'error-message-size-exceeded', details: { method: 'sendMessage' } }],
      [{ message: { msg: 'no room' } }, auth(), { success: false, error: "The 'rid' property on the message object is missing." }],
      [{ message: { rid: 'no-such-room', msg: 'x' } }, auth(), { success: false, error: 'error-invalid-room' }],
      [{ message: { rid: hidden._id, msg: 'x' } }, LIMITED, { success: false, error: 'error-not-allowed' }],
      [{ message: { rid: group._id, msg: 'x', alias: 'Gruggy' } }, auth(), { success: false, error: 'Not enough permission' }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await post(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it.skipIf(viaPrismProxy)('401 before the body is looked at', async () => {
    const res = await rc('chatSendMessage', 'chat.sendMessage', { headers: { ...auth(TESTER_ID, 'bad'), 'content-type': 'application/json' }, body: '{' });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('chatSendMessage', 'chat.sendMessage', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
