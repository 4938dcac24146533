import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { bodyOf, group, LIMITED, send, setExtra, world } from './world.ts';

const tester = { _id: TESTER_ID, username: 'tester', name: 'Tester' };

describe('chat.sendMessage: the stored message and what it moves (ESM, SMF, NUM)', () => {
  it('answers the message with u, mentions, channels, md, and moves msgs, lm, lastMessage and the others\' subscriptions', async () => {
    const w = world();
    const room = await group(w, 'send1');
    const ts = w.tick();
    const res = await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: 'hi @limited.user and #send1' } } });
    expect(res.status).toBe(200);
    const message = bodyOf(res).message as Record<string, unknown>;
    expect(message).toEqual({
      _id: message._id,
      rid: room._id,
      msg: 'hi @limited.user and #send1',
      ts,
      u: tester,
      mentions: [{ _id: LIMITED_ID, username: 'limited.user', name: 'Limited User', type: 'user' }],
      channels: [{ _id: room._id, name: 'send1' }],
      md: [
        {
          type: 'PARAGRAPH',
          value: [
            { type: 'PLAIN_TEXT', value: 'hi ' },
            { type: 'MENTION_USER', value: { type: 'PLAIN_TEXT', value: 'limited.user' } },
            { type: 'PLAIN_TEXT', value: ' and ' },
            { type: 'MENTION_CHANNEL', value: { type: 'PLAIN_TEXT', value: 'send1' } },
          ],
        },
      ],
      _updatedAt: ts,
    });
    expect(message._id).toMatch(/^[23456789A-HJ-NP-Za-km-z]{17}$/);
    expect(room.msgs).toBe(1);
    expect(room._updatedAt).toBe(ts);
    expect(room.extra.get('lm')).toBe(ts);
    expect(room.extra.get('lastMessage')).toEqual(message);
    const mine = w.store.rooms.subscription(room._id, TESTER_ID);
    const theirs = w.store.rooms.subscription(room._id, LIMITED_ID);
    expect(mine).toMatchObject({ unread: 0, alert: false, userMentions: 0 });
    expect(theirs).toMatchObject({ unread: 1, alert: true, open: true, userMentions: 1, groupMentions: 0, _updatedAt: ts });
  });

  it('a plain message alerts the others without unread; @all counts group mentions; all_messages counts everything', async () => {
    const w = world();
    const room = await group(w, 'send2');
    const theirs = () => w.store.rooms.subscription(room._id, LIMITED_ID);
    expect(theirs()).toMatchObject({ unread: 0, alert: false });
    await send(w, room._id, 'plain');
    expect(theirs()).toMatchObject({ unread: 0, userMentions: 0, groupMentions: 0, alert: true });
    await send(w, room._id, 'hey @all');
    expect(theirs()).toMatchObject({ unread: 1, userMentions: 0, groupMentions: 1 });
    w.store.settings.set('Unread_Count', 'all_messages');
    await send(w, room._id, 'again');
    expect(theirs()).toMatchObject({ unread: 2, groupMentions: 1 });
    w.store.settings.set('Unread_Count', 'group_mentions_only');
    await send(w, room._id, 'to @limited.user');
    expect(theirs()).toMatchObject({ unread: 2, userMentions: 1 });
  });

  it('keeps the client _id and extra keys, drops computed ones; Store_Last_Message off keeps only lm', async () => {
    const w = world();
    const room = await group(w, 'send3');
    w.store.settings.set('Store_Last_Message', false);
    w.store.settings.set('Message_Read_Receipt_Enabled', true);
    const message = await send(w, room._id, 'x', { _id: 'client-chosen-id', text: 'shown', pinned: true, starred: [{ _id: 'x' }], u: { _id: 'forged' } });
    expect(message).toMatchObject({ _id: 'client-chosen-id', text: 'shown', unread: true, u: tester });
    expect(message).not.toHaveProperty('pinned');
    expect(message).not.toHaveProperty('starred');
    expect(room.extra.has('lastMessage')).toBe(false);
    expect(room.extra.get('lm')).toBe(message.ts);
    const again = await w.run('chatSendMessage', { body: { message: { rid: room._id, _id: 'client-chosen-id', msg: 'y' } } });
    expect(again).toEqual({ status: 400, body: { success: false, error: "Cannot read properties of undefined (reading 'starred')" } });
    expect(room.msgs).toBe(1);
  });

  it('a thread reply without tshow only adds to msgs; with tshow it is the last message; the root collapses', async () => {
    const w = world();
    const room = await group(w, 'send4');
    const root = await send(w, room._id, 'root');
    w.tick();
    const reply = await send(w, 'ignored-rid', 'reply', { tmid: root._id });
    expect(reply).toMatchObject({ rid: room._id, tmid: root._id });
    expect(room.msgs).toBe(2);
    expect((room.extra.get('lastMessage') as { _id: string })._id).toBe(root._id);
    const nested = await send(w, room._id, 'nested', { tmid: reply._id, tshow: true });
    expect(nested).toMatchObject({ tmid: root._id, tshow: true });
    expect((room.extra.get('lastMessage') as { _id: string })._id).toBe(nested._id);
  });

  it('a ts within 10 s is kept, within 60 s replaced by now, beyond refused', async () => {
    const w = world();
    const room = await group(w, 'send5');
    const now = w.tick(100);
    const near = new Date(Date.parse(now) - 5000).toISOString();
    expect((await send(w, room._id, 'a', { ts: near })).ts).toBe(near);
    expect((await send(w, room._id, 'b', { ts: new Date(Date.parse(now) - 30_000).toISOString() })).ts).toBe(now);
    const res = await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: 'c', ts: '2020-01-01T00:00:00.000Z' } } });
    expect(res).toEqual({
      status: 400,
      body: {
        success: false,
        error: 'Message timestamp is out of sync [error-message-ts-out-of-sync]',
        errorType: 'error-message-ts-out-of-sync',
        details: { method: 'sendMessage', message_ts: '2020-01-01T00:00:00.000Z', server_ts: Date.parse(now) },
      },
    });
  });

  it('answers the vendor errors in order', async () => {
    const w = world();
    const room = await group(w, 'send6');
    const hidden = await group(w, 'send6b', []);
    w.store.rooms.unsubscribe(hidden._id, TESTER_ID);
    const cases: [unknown, unknown][] = [
      [{}, { success: false, errorType: 'invalid-params', error: "must have required property 'message'" }],
      [{ message: { rid: room._id }, extra: 1 }, { success: false, errorType: 'invalid-params', error: 'must NOT have additional properties' }],
      [{ message: { rid: room._id, t: 'au' } }, { success: false, error: "Cannot send system messages using 'chat.sendMessage'" }],
      [{ message: { rid: room._id, tshow: true } }, { success: false, error: 'tshow provided but missing tmid [invalid-params]', errorType: 'invalid-params', details: { method: 'sendMessage' } }],
      [{ message: { rid: room._id, msg: 'x'.repeat(5001) } }, { success: false, error: 'Message size exceeds Message_MaxAllowedSize [error-message-size-exceeded]', errorType: 'error-message-size-exceeded', details: { method: 'sendMessage' } }],
      [{ message: { msg: 'x' } }, { success: false, error: "The 'rid' property on the message object is missing." }],
      [{ message: { rid: 'nope', msg: 'x' } }, { success: false, error: 'error-invalid-room' }],
      [{ message: { rid: hidden._id, msg: 'x' } }, { success: false, error: 'error-not-allowed' }],
      [{ message: { rid: room._id, msg: 'x', text: 5 } }, { success: false, error: 'Match error: Match error: Expected string, got number in field text' }],
      [{ message: { rid: room._id, msg: 'x', avatar: 'javascript:alert(1)' } }, { success: false, error: 'Invalid href value provided' }],
      [{ message: { rid: room._id, msg: 'x', alias: 'Someone' } }, { success: false, error: 'Not enough permission' }],
      [{ message: { rid: room._id, msg: 'x', attachments: [{ title_link: 'ftp://x' }] } }, { success: false, error: 'Invalid href value provided' }],
      [{ message: { rid: room._id, msg: 'x', attachments: [{ fields: [{ title: 12 }] }] } }, { success: false, error: 'Match error: Match error: Expected string, got number in field title' }],
      [{ message: { rid: room._id, msg: 'x', customFields: { a: 1 } } }, { success: false, error: 'Custom fields not enabled' }],
    ];
    for (const [body, expected] of cases) expect((await w.run('chatSendMessage', { body })).body, JSON.stringify(body)).toEqual(expected);
    w.store.settings.set('Threads_enabled', false);
    expect((await w.run('chatSendMessage', { body: { message: { rid: room._id, tmid: 'x' } } })).body).toEqual({
      success: false,
      error: 'not-allowed [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { method: 'sendMessage' },
    });
    expect(room.msgs).toBe(0);
  });

  it('archived, read-only and muted rooms (CSM)', async () => {
    const w = world();
    const room = await group(w, 'send7');
    setExtra(w, room, 'archived', true);
    expect((await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: 'x' } } })).body).toEqual({ success: false, error: 'room_is_archived' });
    setExtra(w, room, 'archived', false);
    w.store.rooms.update(room, (r) => (r.ro = true));
    const readOnly = { success: false, error: "You can't send messages because the room is readonly." };
    expect((await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: 'x' } }, headers: LIMITED })).body).toEqual(readOnly);
    await send(w, room._id, 'owners have post-readonly');
    setExtra(w, room, 'unmuted', ['limited.user']);
    await send(w, room._id, 'unmuted may write', {}, LIMITED);
    w.store.rooms.update(room, (r) => (r.ro = false));
    setExtra(w, room, 'muted', ['limited.user']);
    expect((await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: 'x' } }, headers: LIMITED })).body).toEqual({ success: false, error: 'You_have_been_muted' });
  });

  it('E2E rooms refuse plain messages unless E2E_Allow_Unencrypted_Messages (groups.ts "validate E2E rooms")', async () => {
    const w = world();
    w.store.settings.set('E2E_Enable', true);
    const created = await w.run('groupsCreate', { body: { name: 'send8', extraData: { encrypted: true } } });
    expect(created.status).toBe(200);
    const rid = (bodyOf(created).group as { _id: string })._id;
    const encrypted = await send(w, rid, 'ciphertext', { t: 'e2e', e2e: 'pending' });
    expect(encrypted).toMatchObject({ t: 'e2e', e2e: 'pending', mentions: [], channels: [] });
    expect(encrypted).not.toHaveProperty('md');
    expect((await w.run('chatSendMessage', { body: { message: { rid, msg: 'plain' } } })).body).toEqual({
      success: false,
      error: 'Not allowed to send un-encrypted messages in an encrypted room [error-not-allowed]',
      errorType: 'error-not-allowed',
      details: { method: 'sendMessage' },
    });
    w.store.settings.set('E2E_Allow_Unencrypted_Messages', true);
    await send(w, rid, 'plain');
  });

  it('every message counts towards the session budget: a full session answers error-twin-session-full and stores nothing', async () => {
    const w = world(40_000);
    const room = await group(w, 'send9');
    const fill = 'x'.repeat(4000);
    let last;
    for (let i = 0; i < 20; i += 1) {
      last = await w.run('chatSendMessage', { body: { message: { rid: room._id, msg: fill } } });
      if (last.status !== 200) break;
    }
    expect(last?.body).toMatchObject({ success: false, errorType: 'error-twin-session-full' });
    expect(room.msgs).toBe(w.store.messages.ofRoom(room._id).length);
  });
});
