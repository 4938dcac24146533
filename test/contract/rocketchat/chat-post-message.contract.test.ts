import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, MESSAGE_ID, messageGroup } from './messages-client.ts';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, oversizedJson, rc, roomName, TESTER_ID, TOO_LARGE, type Schemas } from './rocketchat-client.ts';

function post(json: unknown, headers = auth()) {
  return rc('chatPostMessage', 'chat.postMessage', { headers, json });
}

describe('POST /api/v1/chat.postMessage (research notes issue 11 §6.2)', () => {
  it('200 into a group by #name: channel as sent, ts in ms, the webhook message', async () => {
    const name = roomName('post');
    const group = await messageGroup(name);
    const before = Date.now();
    const res = await post({ channel: `#${name}`, text: 'Sample message', emoji: ':smirk:' });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const body = bodyOf(res, 'MessagesPostMessageResponse');
    expect(body.ts).toBeGreaterThanOrEqual(before - 1000);
    expect(body.message._id).toMatch(MESSAGE_ID);
    expect(res.json).toEqual({
      ts: body.ts,
      channel: `#${name}`,
      message: {
        _id: body.message._id,
        rid: group._id,
        msg: 'Sample message',
        ts: body.message.ts,
        u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
        alias: '',
        parseUrls: true,
        groupable: false,
        emoji: ':smirk:',
        mentions: [],
        channels: [],
        md: [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: 'Sample message' }] }],
        _updatedAt: body.message._updatedAt,
      },
      success: true,
    });
    const byId = await post({ roomId: group._id, text: 'by id' });
    expect(bodyOf(byId, 'MessagesPostMessageResponse')).toMatchObject({ channel: group._id, message: { rid: group._id, msg: 'by id' } });
  });

  it('400s in the vendor order', async () => {
    const group = await messageGroup(roomName('post'));
    const invalidChannel: Schemas['Failure'] = { success: false, error: '[invalid-channel]', errorType: 'invalid-channel' };
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{ text: 'no target', alias: 'Gruggy' }, auth(), { success: false, errorType: 'invalid-params', error: "must have required property 'roomId'\nmust have required property 'channel'\nmust match exactly one schema in oneOf" }],
      [{ roomId: group._id, channel: `#${group.name}` }, auth(), { success: false, errorType: 'invalid-params', error: 'must NOT have additional properties\nmust NOT have additional properties\nmust match exactly one schema in oneOf' }],
      [{ roomId: group._id, text: 'x'.repeat(5001) }, auth(), { success: false, error: 'error-message-size-exceeded' }],
      [{ channel: `#${roomName('none')}`, text: 'x' }, auth(), invalidChannel],
      [{ roomId: group._id, text: 'x' }, LIMITED, { success: false, error: 'error-not-allowed' }],
      [{ roomId: group._id, text: 'x', attachments: [{ title: 'x', title_link: 'javascript:alert("xss")' }] }, auth(), { success: false, error: 'Invalid href value provided' }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await post(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 and 413', async () => {
    const unauthorized = await post({ roomId: 'x', text: 'x' }, auth(TESTER_ID, 'bad'));
    expect([unauthorized.status, unauthorized.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(unauthorized);
    const big = await rc('chatPostMessage', 'chat.postMessage', { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
    expect([big.status, big.json]).toEqual([413, TOO_LARGE]);
  });
});
