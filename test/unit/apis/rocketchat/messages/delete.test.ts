import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { adminHeaders, bodyOf, group, LIMITED, send, world } from './world.ts';

describe('chat.delete (CH8, DEL, CDM)', () => {
  it('removes the message, msgs − 1, lastMessage back to the newest visible user message', async () => {
    const w = world();
    const room = await group(w, 'del1');
    w.tick();
    const first = await send(w, room._id, 'first');
    w.tick();
    await w.run('chatPinMessage', { body: { messageId: first._id } });
    const now = w.tick();
    const second = await send(w, room._id, 'second');
    const res = await w.run('chatDelete', { body: { roomId: room._id, msgId: second._id } });
    expect(res).toEqual({
      status: 200,
      body: { _id: second._id, ts: String(Date.parse(now)), message: { _id: second._id, rid: room._id, u: { _id: TESTER_ID, username: 'tester', name: 'Tester' } }, success: true },
    });
    expect(w.store.messages.message(String(second._id))).toBeUndefined();
    expect(room.msgs).toBe(2);
    expect(room.extra.get('lastMessage')).toMatchObject({ _id: first._id, pinned: true });
    await w.run('chatDelete', { body: { roomId: room._id, msgId: first._id } });
    expect(room.extra.has('lastMessage')).toBe(false);
    expect(room.msgs).toBe(1);
  });

  it('Message_KeepHistory hides; Message_ShowDeletedStatus turns it into an rm message', async () => {
    const w = world();
    const room = await group(w, 'del2');
    const hidden = await send(w, room._id, 'a');
    w.store.settings.set('Message_KeepHistory', true);
    await w.run('chatDelete', { body: { roomId: room._id, msgId: hidden._id } });
    expect(w.store.messages.message(String(hidden._id))?.extra._hidden).toBe(true);
    expect(bodyOf(await w.run('groupsMessages', { query: { roomId: room._id } })).total).toBe(0);
    w.store.settings.set('Message_ShowDeletedStatus', true);
    const shown = await send(w, room._id, 'b @limited.user');
    await w.run('chatDelete', { body: { roomId: room._id, msgId: shown._id } });
    const rm = (bodyOf(await w.run('groupsMessages', { query: { roomId: room._id } })).messages as Record<string, unknown>[])[0];
    expect(rm).toMatchObject({ _id: shown._id, t: 'rm', msg: '', mentions: [], urls: [], attachments: [], reactions: {}, editedBy: { _id: TESTER_ID, username: 'tester' } });
    expect(rm).not.toHaveProperty('md');
  });

  it('permissions: own messages with delete-own-message, others with delete-message, asUser with force-delete-message', async () => {
    const w = world();
    const room = await group(w, 'del3');
    const admin = adminHeaders(w.store);
    await w.run('groupsInvite', { body: { roomId: room._id, username: 'rocketchat.internal.admin.test' } });
    const byLimited = await send(w, room._id, 'limited writes', {}, LIMITED);
    const notAllowed = { success: false, error: 'Not allowed [error-action-not-allowed]', errorType: 'error-action-not-allowed' };
    // The fixture role `limited` has no delete-own-message.
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byLimited._id }, headers: LIMITED })).body).toEqual(notAllowed);
    const byTester = await send(w, room._id, 'tester writes');
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byTester._id }, headers: LIMITED })).body).toEqual(notAllowed);
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byLimited._id, asUser: true }, headers: LIMITED })).body).toEqual(notAllowed);
    w.store.authz.setPermission('force-delete-message', ['admin'], w.tick());
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byTester._id, asUser: true }, headers: LIMITED })).body).toEqual({
      success: false,
      error: 'Unauthorized. You must have the permission "force-delete-message" to delete other\'s message as them.',
    });
    // Owners hold delete-message in their room.
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byLimited._id } })).status).toBe(200);
    expect((await w.run('chatDelete', { body: { roomId: room._id, msgId: byTester._id, asUser: true }, headers: admin })).status).toBe(200);
    expect(w.store.rooms.subscription(room._id, LIMITED_ID)).toBeDefined();
  });

  it('errors: schema, unknown message, other room, time limit, deleting disabled, read-only', async () => {
    const w = world();
    const room = await group(w, 'del4');
    const other = await group(w, 'del4b');
    const message = await send(w, room._id, 'x');
    const del = async (body: Record<string, unknown>, headers?: Record<string, string>) => (await w.run('chatDelete', { body, ...(headers ? { headers } : {}) })).body;
    expect(await del({ roomId: room._id })).toEqual({ success: false, errorType: 'invalid-params', error: "must have required property 'msgId'" });
    expect(await del({ roomId: room._id, msgId: 'MvHcX2WKSrmdArmkt' })).toEqual({ success: false, error: 'No message found with the id of "MvHcX2WKSrmdArmkt".' });
    expect(await del({ roomId: other._id, msgId: message._id })).toEqual({ success: false, error: 'The room id provided does not match where the message is from.' });
    w.store.authz.setPermission('force-delete-message', ['admin'], w.tick());
    w.store.authz.setPermission('delete-message', ['admin'], w.tick());
    w.store.settings.set('Message_AllowDeleting_BlockDeleteInMinutes', 1);
    w.tick(120);
    const notAllowed = { success: false, error: 'Not allowed [error-action-not-allowed]', errorType: 'error-action-not-allowed' };
    expect(await del({ roomId: room._id, msgId: message._id })).toEqual(notAllowed);
    w.store.settings.set('Message_AllowDeleting_BlockDeleteInMinutes', 0);
    w.store.settings.set('Message_AllowDeleting', false);
    expect(await del({ roomId: room._id, msgId: message._id })).toEqual(notAllowed);
    w.store.settings.set('Message_AllowDeleting', true);
    w.store.authz.setPermission('post-readonly', ['admin'], w.tick());
    w.store.rooms.update(room, (r) => (r.ro = true));
    expect(await del({ roomId: room._id, msgId: message._id })).toEqual({ success: false, error: "You can't delete messages because the room is readonly." });
    expect(room.msgs).toBe(1);
  });
});
