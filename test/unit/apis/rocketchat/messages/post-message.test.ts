import { describe, expect, it } from 'vitest';
import { TESTER_ID } from '../support.ts';
import { bodyOf, group, LIMITED, setExtra, world } from './world.ts';

describe('chat.postMessage (CH8, PWM)', () => {
  it('posts by #name, by id and by bare name; answers the first target with channel as sent and ts in ms', async () => {
    const w = world();
    const room = await group(w, 'post1');
    const now = w.tick();
    const res = await w.run('chatPostMessage', { body: { channel: '#post1', text: '  Sample message  ', emoji: ':smirk:' } });
    expect(res).toEqual({
      status: 200,
      body: {
        ts: Date.parse(now),
        channel: '#post1',
        message: {
          _id: (bodyOf(res).message as { _id: string })._id,
          rid: room._id,
          msg: 'Sample message',
          ts: now,
          u: { _id: TESTER_ID, username: 'tester', name: 'Tester' },
          alias: '',
          parseUrls: true,
          groupable: false,
          emoji: ':smirk:',
          mentions: [],
          channels: [],
          md: [{ type: 'PARAGRAPH', value: [{ type: 'PLAIN_TEXT', value: 'Sample message' }] }],
          _updatedAt: now,
        },
        success: true,
      },
    });
    expect((await w.run('chatPostMessage', { body: { roomId: room._id, text: 'by id' } })).status).toBe(200);
    const both = await w.run('chatPostMessage', { body: { roomId: [room._id, 'post1', room._id], text: 'twice' } });
    expect(bodyOf(both).channel).toBe(room._id);
    expect(room.msgs).toBe(4);
  });

  it('attachments: parseUrls false, msg renamed to text, empty lists removed; tmid makes a thread reply', async () => {
    const w = world();
    const room = await group(w, 'post2');
    const res = await w.run('chatPostMessage', { body: { roomId: room._id, attachments: [{ msg: ' quoted ', color: '#ff0000' }] } });
    expect(bodyOf(res).message).toMatchObject({ msg: '', alias: '', attachments: [{ color: '#ff0000', text: 'quoted' }], parseUrls: false, groupable: false });
    expect(bodyOf(res).message).not.toHaveProperty('md');
    const none = await w.run('chatPostMessage', { body: { roomId: room._id, text: 'x', attachments: [] } });
    expect(bodyOf(none).message).not.toHaveProperty('attachments');
    const reply = await w.run('chatPostMessage', { body: { roomId: room._id, text: 'in thread', tmid: 'root-id' } });
    expect(bodyOf(reply).message).toMatchObject({ tmid: 'root-id' });
    expect((room.extra.get('lastMessage') as { _id: string })._id).toBe((bodyOf(none).message as { _id: string })._id);
  });

  it('answers the vendor errors in order', async () => {
    const w = world();
    const room = await group(w, 'post3');
    const hidden = await group(w, 'post3b', []);
    w.store.rooms.unsubscribe(hidden._id, TESTER_ID);
    const invalidChannel = { success: false, error: '[invalid-channel]', errorType: 'invalid-channel' };
    const cases: [unknown, unknown][] = [
      [{}, { success: false, errorType: 'invalid-params', error: "must have required property 'roomId'\nmust have required property 'channel'\nmust match exactly one schema in oneOf" }],
      [{ roomId: room._id, text: 'x'.repeat(5001) }, { success: false, error: 'error-message-size-exceeded' }],
      [{ roomId: room._id, attachments: [{ text: 'x'.repeat(5001) }] }, { success: false, error: 'error-message-size-exceeded' }],
      [{ roomId: [] }, { success: false, error: 'unknown-error' }],
      [{ channel: '#nope', text: 'x' }, invalidChannel],
      [{ channel: '@limited.user', text: 'x' }, invalidChannel],
      [{ channel: '', text: 'x' }, invalidChannel],
      [{ roomId: hidden._id, text: 'x' }, { success: false, error: 'error-not-allowed' }],
      [{ roomId: room._id, text: 'x', alias: 'Gruggy' }, { success: false, error: 'Not enough permission' }],
      [{ roomId: room._id, text: 'x', attachments: [{ message_link: 'javascript:alert("xss")' }] }, { success: false, error: 'Invalid href value provided' }],
      [{ roomId: room._id, text: 'x', attachments: [{ message_link: 12 }] }, { success: false, error: 'Match error: Match error: Match error: Expected string, got number in field message_link' }],
      [{ roomId: room._id, text: 'x', attachments: [{ fields: '' }] }, { success: false, error: 'Match error: Match error: Expected array, got string in field fields' }],
      [{ roomId: room._id, text: 'x', customFields: {} }, { success: false, error: 'Custom fields not enabled' }],
    ];
    for (const [body, expected] of cases) expect((await w.run('chatPostMessage', { body })).body, JSON.stringify(body)).toEqual(expected);
    setExtra(w, room, 'archived', true);
    expect((await w.run('chatPostMessage', { body: { roomId: room._id, text: 'x' }, headers: LIMITED })).body).toEqual({ success: false, error: 'room_is_archived' });
    expect(room.msgs).toBe(0);
  });

  it('posts into the public GENERAL room with view-c-room, joined or not', async () => {
    const w = world();
    const res = await w.run('chatPostMessage', { body: { channel: '#general', text: 'hello all' } });
    expect(res.status).toBe(200);
    expect(w.store.rooms.room('GENERAL')?.msgs).toBe(1);
  });
});
