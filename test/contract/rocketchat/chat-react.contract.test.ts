import { describe, expect, it } from 'vitest';
import { expectMiddlewareHeaders, expectRouteHeaders, MESSAGE_NOT_FOUND, messageGroup, sendMessage } from './messages-client.ts';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, rc, roomName, TESTER_ID, type Schemas } from './rocketchat-client.ts';

function react(json: unknown, headers = auth()) {
  return rc('chatReact', 'chat.react', { headers, json });
}

describe('POST /api/v1/chat.react (research notes issue 11 §6.7; groups.ts "REACTing with last message")', () => {
  it('200: toggles the caller\'s reaction; lastMessage.reactions follows', async () => {
    const group = await messageGroup(roomName('react'), ['limited.user']);
    const message = await sendMessage(group._id, 'x');
    const res = await react({ emoji: ':squid:', messageId: message._id });
    expect([res.status, res.json]).toEqual([200, { success: true }]);
    expectRouteHeaders(res);
    expect((await react({ reaction: 'squid', messageId: message._id, shouldReact: true }, LIMITED)).status).toBe(200);
    const lastMessage = async () => bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group.lastMessage;
    expect(await lastMessage()).toMatchObject({ reactions: { ':squid:': { usernames: ['tester', 'limited.user'] } } });
    await react({ emoji: 'squid', messageId: message._id });
    await react({ emoji: 'squid', messageId: message._id, shouldReact: false }, LIMITED);
    expect(await lastMessage()).not.toHaveProperty('reactions');
  });

  it('400s in the vendor order', async () => {
    const group = await messageGroup(roomName('react'));
    const message = await sendMessage(group._id, 'x');
    const cases: [unknown, Record<string, string>, Schemas['Failure']][] = [
      [{ messageId: message._id }, auth(), { success: false, errorType: 'invalid-params', error: "must have required property 'emoji'\nmust have required property 'reaction'\nmust match exactly one schema in oneOf" }],
      [{ emoji: 'squid', messageId: 'no-such-message' }, auth(), MESSAGE_NOT_FOUND],
      [{ emoji: '', messageId: message._id }, auth(), { success: false, error: 'The required "emoji" param is missing. [error-emoji-param-not-provided]', errorType: 'error-emoji-param-not-provided' }],
      [{ emoji: ':not-an-emoji-at-all:', messageId: message._id }, auth(), { success: false, error: 'Invalid emoji provided. [error-not-allowed]', errorType: 'error-not-allowed', details: { method: 'setReaction' } }],
      [{ emoji: ':squid:', messageId: message._id }, LIMITED, { success: false, error: 'Not Authorized [not-authorized]', errorType: 'not-authorized', details: { method: 'setReaction' } }],
    ];
    for (const [json, headers, expected] of cases) {
      const res = await react(json, headers);
      expect([res.status, res.json], JSON.stringify(json)).toEqual([400, expected]);
      expectRouteHeaders(res);
    }
  });

  it('401 from the authentication middleware', async () => {
    const res = await react({ emoji: 'x', messageId: 'x' }, auth(TESTER_ID, 'bad'));
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
