import { describe, expect, it } from 'vitest';
import { TESTER_ID } from '../support.ts';
import { bodyOf, group, LIMITED, send, setExtra, world } from './world.ts';

const tester = { _id: TESTER_ID, username: 'tester', name: 'Tester' };
const notFound = {
  success: false,
  error: 'The provided "messageId" does not match any existing message. [error-message-not-found]',
  errorType: 'error-message-not-found',
};

describe('chat.pinMessage (PIN)', () => {
  it('pins, writes the message_pinned system message quoting the original, and updates lastMessage', async () => {
    const w = world();
    const room = await group(w, 'pin1');
    const sentAt = w.tick();
    const original = await send(w, room._id, 'hola', { attachments: [{ text: 'inner' }] });
    const pinnedAt = w.tick();
    const res = await w.run('chatPinMessage', { body: { messageId: original._id } });
    const system = bodyOf(res).message as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(system).toEqual({
      _id: system._id,
      t: 'message_pinned',
      rid: room._id,
      msg: '',
      ts: pinnedAt,
      u: tester,
      groupable: false,
      attachments: [{ text: 'hola', author_name: 'tester', author_icon: '/avatar/tester', ts: sentAt, attachments: [{ text: 'inner' }] }],
      _updatedAt: pinnedAt,
    });
    expect(room.msgs).toBe(2);
    expect(room.extra.get('lastMessage')).toMatchObject({ _id: original._id, pinned: true, pinnedAt, pinnedBy: { _id: TESTER_ID, username: 'tester' } });
    // Already pinned: the original unchanged, no second system message.
    const again = await w.run('chatPinMessage', { body: { messageId: original._id } });
    expect(bodyOf(again).message).toMatchObject({ _id: original._id, pinned: true });
    expect(room.msgs).toBe(2);
  });

  it('errors: schema, unknown message, pinning disabled, no pin-message (members), no access', async () => {
    const w = world();
    const room = await group(w, 'pin2');
    const message = await send(w, room._id, 'x');
    expect((await w.run('chatPinMessage', { body: {} })).body).toEqual({ success: false, errorType: 'invalid-params', error: "must have required property 'messageId'" });
    expect((await w.run('chatPinMessage', { body: { messageId: '' } })).body).toEqual({ success: false, errorType: 'invalid-params', error: 'must NOT have fewer than 1 characters' });
    expect((await w.run('chatPinMessage', { body: { messageId: 'nope' } })).body).toEqual(notFound);
    const notAuthorized = { success: false, error: 'Not Authorized [not-authorized]', errorType: 'not-authorized', details: { method: 'pinMessage' } };
    expect((await w.run('chatPinMessage', { body: { messageId: message._id }, headers: LIMITED })).body).toEqual(notAuthorized);
    w.store.settings.set('Message_AllowPinning', false);
    expect((await w.run('chatPinMessage', { body: { messageId: message._id } })).body).toEqual({
      success: false,
      error: 'Message pinning not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'pinMessage', action: 'Message_pinning' },
    });
    w.store.settings.set('Message_AllowPinning', true);
    // pin-message held globally is not enough without access to the group.
    w.store.authz.setPermission('pin-message', ['limited'], w.tick());
    w.store.rooms.unsubscribe(room._id, 'vWxKq8Rm3NbTz5Hye');
    expect((await w.run('chatPinMessage', { body: { messageId: message._id }, headers: LIMITED })).body).toEqual(notAuthorized);
  });
});

describe('chat.starMessage (STAR)', () => {
  it('adds the caller once, to the message and lastMessage; no subscription is a silent success', async () => {
    const w = world();
    const room = await group(w, 'star1', []);
    const message = await send(w, room._id, 'x');
    for (let i = 0; i < 2; i += 1) expect(await w.run('chatStarMessage', { body: { messageId: message._id } })).toEqual({ status: 200, body: { success: true } });
    expect(w.store.messages.message(String(message._id))?.extra.starred).toEqual([{ _id: TESTER_ID }]);
    expect(room.extra.get('lastMessage')).toMatchObject({ starred: [{ _id: TESTER_ID }] });
    expect(await w.run('chatStarMessage', { body: { messageId: message._id }, headers: LIMITED })).toEqual({ status: 200, body: { success: true } });
    expect(w.store.messages.message(String(message._id))?.extra.starred).toEqual([{ _id: TESTER_ID }]);
    expect(room.msgs).toBe(1);
    expect((await w.run('chatStarMessage', { body: { messageId: 'nope' } })).body).toEqual(notFound);
    w.store.settings.set('Message_AllowStarring', false);
    expect((await w.run('chatStarMessage', { body: { messageId: message._id } })).body).toEqual({
      success: false,
      error: 'Message starring not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'starMessage', action: 'Message_starring' },
    });
  });
});

describe('chat.react (REACT)', () => {
  it('toggles, sets and unsets; the last one out removes reactions; lastMessage follows', async () => {
    const w = world();
    const room = await group(w, 'react1');
    const message = await send(w, room._id, 'x');
    const stored = () => w.store.messages.message(String(message._id))?.extra.reactions;
    const react = async (body: Record<string, unknown>, headers?: Record<string, string>) =>
      (await w.run('chatReact', { body: { messageId: message._id, ...body }, ...(headers ? { headers } : {}) })).body;
    expect(await react({ emoji: ':squid:' })).toEqual({ success: true });
    expect(stored()).toEqual({ ':squid:': { usernames: ['tester'] } });
    expect(await react({ reaction: 'squid', shouldReact: true }, LIMITED)).toEqual({ success: true });
    expect(stored()).toEqual({ ':squid:': { usernames: ['tester', 'limited.user'] } });
    expect(room.extra.get('lastMessage')).toMatchObject({ reactions: { ':squid:': { usernames: ['tester', 'limited.user'] } } });
    await react({ emoji: 'squid' });
    await react({ emoji: ':squid:', shouldReact: false }, LIMITED);
    expect(stored()).toBeUndefined();
    expect(room.extra.get('lastMessage')).not.toHaveProperty('reactions');
    // The vendor's quirk: shouldReact false on a message without any reaction adds it.
    await react({ emoji: 'tada', shouldReact: false });
    expect(stored()).toEqual({ ':tada:': { usernames: ['tester'] } });
    await react({ emoji: 'heart', shouldReact: false });
    expect(stored()).toEqual({ ':tada:': { usernames: ['tester'] } });
    expect(room.msgs).toBe(1);
  });

  it('errors in order: schema, message, emoji missing, unknown emoji, access, muted, read-only', async () => {
    const w = world();
    const room = await group(w, 'react2');
    const message = await send(w, room._id, 'x');
    const react = async (body: Record<string, unknown>, headers?: Record<string, string>) => (await w.run('chatReact', { body, ...(headers ? { headers } : {}) })).body;
    expect(await react({ messageId: message._id })).toEqual({
      success: false,
      errorType: 'invalid-params',
      error: "must have required property 'emoji'\nmust have required property 'reaction'\nmust match exactly one schema in oneOf",
    });
    expect(await react({ messageId: 'nope', emoji: 'squid' })).toEqual(notFound);
    expect(await react({ messageId: message._id, emoji: '' })).toEqual({
      success: false,
      error: 'The required "emoji" param is missing. [error-emoji-param-not-provided]',
      errorType: 'error-emoji-param-not-provided',
    });
    expect(await react({ messageId: message._id, emoji: ':no-such-emoji:' })).toEqual({
      success: false,
      error: 'Invalid emoji provided. [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { method: 'setReaction' },
    });
    const other = await group(w, 'react3', []);
    const hidden = await send(w, other._id, 'y');
    expect(await react({ messageId: hidden._id, emoji: 'squid' }, LIMITED)).toEqual({
      success: false,
      error: 'Not Authorized [not-authorized]',
      errorType: 'not-authorized',
      details: { method: 'setReaction' },
    });
    setExtra(w, room, 'muted', ['limited.user']);
    expect(await react({ messageId: message._id, emoji: 'squid' }, LIMITED)).toEqual({
      success: false,
      error: 'You have been muted and cannot speak in this room [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { rid: room._id },
    });
    setExtra(w, room, 'muted', []);
    w.store.rooms.update(room, (r) => (r.ro = true));
    expect(await react({ messageId: message._id, emoji: 'squid' }, LIMITED)).toEqual({ success: false, error: "You can't send messages because the room is readonly." });
    setExtra(w, room, 'reactWhenReadOnly', true);
    expect(await react({ messageId: message._id, emoji: 'squid' }, LIMITED)).toEqual({ success: true });
  });
});
