import { describe, expect, it } from 'vitest';
import { saveSystemMessage } from '../../../../../src/apis/rocketchat/rooms/system-message.ts';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { bodyOf, group, send, setExtra, world, type World } from './world.ts';

const ids = (res: { body: unknown }) => (res.body as { messages: { msg: string }[] }).messages.map((m) => m.msg);

/** Five messages a second apart: m1 … m5; returns their ts. */
async function five(w: World, rid: string): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= 5; i += 1) {
    out.push(w.tick());
    await send(w, rid, `m${i}`);
  }
  w.tick();
  return out;
}

describe('groups.history (G8, GCH)', () => {
  it('newest first, default count 20; latest/oldest exclusive unless inclusive; offset and count', async () => {
    const w = world();
    const room = await group(w, 'hist1');
    const ts = await five(w, room._id);
    const all = await w.run('groupsHistory', { query: { roomId: room._id } });
    expect(all.status).toBe(200);
    expect(Object.keys(bodyOf(all))).toEqual(['messages', 'success']);
    expect(ids(all)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(ids(await w.run('groupsHistory', { query: { roomName: 'hist1', latest: ts[3], oldest: ts[0] } }))).toEqual(['m3', 'm2']);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, latest: ts[3], oldest: ts[0], inclusive: 'true' } }))).toEqual(['m4', 'm3', 'm2', 'm1']);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, latest: ts[3], oldest: ts[0], inclusive: 'yes' } }))).toEqual(['m3', 'm2']);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, count: '2', offset: '1' } }))).toEqual(['m4', 'm3']);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, count: 0 } }))).toHaveLength(5);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, latest: 'not a date' } }))).toEqual([]);
    for (let i = 0; i < 20; i += 1) await send(w, room._id, `n${i}`);
    w.tick();
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id } }))).toHaveLength(20);
  });

  it('unreads=true: unreadNotLoaded (and firstUnread) between oldest and the oldest message returned', async () => {
    const w = world();
    const room = await group(w, 'hist2');
    const ts = await five(w, room._id);
    const res = await w.run('groupsHistory', { query: { roomId: room._id, oldest: ts[0], count: '2', unreads: 'true' } });
    const body = bodyOf(res);
    expect(ids(res)).toEqual(['m5', 'm4']);
    expect(body.unreadNotLoaded).toBe(2);
    expect((body.firstUnread as { msg: string }).msg).toBe('m2');
    const none = await w.run('groupsHistory', { query: { roomId: room._id, unreads: 'true' } });
    expect(bodyOf(none)).toEqual({ messages: bodyOf(none).messages, unreadNotLoaded: 0, success: true });
  });

  it('hides the system types of room.sysMes (a list), else of Hide_System_Messages; mute_unmute stands for both', async () => {
    const w = world();
    const room = await group(w, 'hist3', []);
    const tester = { _id: TESTER_ID, username: 'tester', name: 'Tester' };
    w.tick();
    saveSystemMessage(w.store, w.deps, 'au', room, 'limited.user', tester);
    w.tick();
    saveSystemMessage(w.store, w.deps, 'user-muted', room, 'limited.user', tester);
    w.tick();
    await send(w, room._id, 'user text');
    w.tick();
    const types = async () => ((await w.run('groupsHistory', { query: { roomId: room._id } })).body as { messages: { t?: string }[] }).messages.map((m) => m.t ?? 'user');
    expect(await types()).toEqual(['user', 'user-muted', 'au']);
    w.store.settings.set('Hide_System_Messages', ['au', 'mute_unmute']);
    expect(await types()).toEqual(['user']);
    setExtra(w, room, 'sysMes', ['user-muted']);
    expect(await types()).toEqual(['user', 'au']);
    setExtra(w, room, 'sysMes', true);
    expect(await types()).toEqual(['user']);
    // groups.messages applies no hidden-type filter (G8).
    expect(bodyOf(await w.run('groupsMessages', { query: { roomId: room._id } })).total).toBe(3);
    expect(room.msgs).toBe(3);
  });

  it('showThreadMessages=false leaves out thread-only replies; archived groups are listed; lookup errors', async () => {
    const w = world();
    const room = await group(w, 'hist4');
    w.tick();
    const root = await send(w, room._id, 'root');
    w.tick();
    await send(w, room._id, 'reply', { tmid: root._id });
    w.tick();
    await send(w, room._id, 'shown', { tmid: root._id, tshow: true });
    w.tick();
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id } }))).toEqual(['shown', 'reply', 'root']);
    expect(ids(await w.run('groupsHistory', { query: { roomId: room._id, showThreadMessages: 'false' } }))).toEqual(['shown', 'root']);
    setExtra(w, room, 'archived', true);
    expect((await w.run('groupsHistory', { query: { roomId: room._id } })).status).toBe(200);
    expect((await w.run('groupsHistory', { query: {} })).body).toMatchObject({ errorType: 'error-room-param-not-provided' });
    expect((await w.run('groupsHistory', { query: { roomName: 'general' } })).body).toMatchObject({ errorType: 'error-room-not-found' });
    expect(w.store.rooms.subscription(room._id, LIMITED_ID)).toBeDefined();
  });
});
