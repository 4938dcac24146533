import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, MESSAGE_ID, MESSAGE_NOT_FOUND, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, rc, roomName, TESTER_ID, type Schemas } from './rocketchat-client.ts';

function pin(json: unknown, headers = auth()) {
  return rc('chatPinMessage', 'chat.pinMessage', { headers, json });
}

describe('POST /api/v1/chat.pinMessage (research notes issue 11 §6.5; groups.ts "PINning last message")', () => {
  it('200: the message_pinned system message quoting the original; msgs + 1; lastMessage pinned; again: the original', async () => {
    const group = await messageGroup(roomName('pin'), ['limited.user']);
    const original = await sendMessage(group._id, 'hola');
    const res = await pin({ messageId: original._id });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { message } = bodyOf(res, 'MessagesMessageResponse');
    expect(message._id).toMatch(MESSAGE_ID);
    expect(res.json).toEqual({
      message: {
        _id: message._id,
        t: 'message_pinned',
        rid: group._id,
        msg: '',
        ts: message.ts,
        u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
        groupable: false,
        attachments: [{ text: 'hola', author_name: 'tester', author_icon: '/avatar/tester', ts: original.ts, attachments: [] }],
        _updatedAt: message._updatedAt,
      },
      success: true,
    });
    const info = bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group;
    expect(info.msgs).toBe(2);
    expect(info.lastMessage).toMatchObject({ _id: original._id, pinned: true, pinnedBy: { _id: TESTER_ID, username: 'tester' } });
    const again = await pin({ messageId: original._id });
    expect(bodyOf(again, 'MessagesMessageResponse').message).toMatchObject({ _id: original._id, pinned: true });
  });

  it('400s: schema, unknown message, a member without pin-message', async () => {
    const group = await messageGroup(roomName('pin'), ['limited.user']);
    const original = await sendMessage(group._id, 'x');
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{}, auth(), { success: false, errorType: 'invalid-params', error: "must have required property 'messageId'" }],
      [{ messageId: '' }, auth(), { success: false, errorType: 'invalid-params', error: 'must NOT have fewer than 1 characters' }],
      [{ messageId: 'no-such-message' }, auth(), MESSAGE_NOT_FOUND],
      [{ messageId: original._id }, LIMITED, { success: false, error: 'Not Authorized [not-authorized]', errorType: 'not-authorized', details: { method: 'pinMessage' } }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await pin(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await pin({ messageId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
