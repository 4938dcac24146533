import { describe, expect, it } from 'vitest';
import { LIMITED_ID, TESTER_ID } from '../support.ts';
import { bodyOf, group, LIMITED, send, setExtra, world } from './world.ts';

describe('groups.messages (G8; groups.ts "/groups.messages")', () => {
  it('4 user messages + the pin\'s system message = 5; mentionIds, starredIds, pinned filters; own star only', async () => {
    const w = world();
    const room = await group(w, 'msgs1', ['limited.user', 'rocket.cat']);
    w.tick();
    await send(w, room._id, 'plain');
    w.tick();
    await send(w, room._id, 'to @limited.user');
    w.tick();
    await send(w, room._id, 'to @limited.user and @rocket.cat');
    w.tick();
    const starred = await send(w, room._id, 'starred and pinned');
    expect((await w.run('chatStarMessage', { body: { messageId: starred._id } })).status).toBe(200);
    expect((await w.run('chatStarMessage', { body: { messageId: starred._id }, headers: LIMITED })).status).toBe(200);
    w.tick();
    expect((await w.run('chatPinMessage', { body: { messageId: starred._id } })).status).toBe(200);
    const all = bodyOf(await w.run('groupsMessages', { query: { roomId: room._id } }));
    expect(all).toMatchObject({ count: 5, offset: 0, total: 5, success: true });
    const list = all.messages as { msg: string; t?: string; starred?: unknown }[];
    expect(list.map((m) => m.t ?? m.msg)).toEqual(['message_pinned', 'starred and pinned', 'to @limited.user and @rocket.cat', 'to @limited.user', 'plain']);
    expect(list[1]?.starred).toEqual([{ _id: TESTER_ID }]);
    const count = async (query: Record<string, unknown>) => bodyOf(await w.run('groupsMessages', { query: { roomId: room._id, ...query } })).total;
    expect(await count({ mentionIds: LIMITED_ID })).toBe(2);
    expect(await count({ mentionIds: `${LIMITED_ID}, rocket.cat` })).toBe(2);
    expect(await count({ mentionIds: 'rocket.cat' })).toBe(1);
    expect(await count({ starredIds: LIMITED_ID })).toBe(1);
    expect(await count({ pinned: 'TRUE' })).toBe(1);
    const pinned = bodyOf(await w.run('groupsMessages', { query: { roomName: 'msgs1', pinned: 'true' } })).messages as { pinnedBy: { _id: string } }[];
    expect(pinned[0]?.pinnedBy._id).toBe(TESTER_ID);
  });

  it('sort, count and offset (count counts the page, total every match)', async () => {
    const w = world();
    const room = await group(w, 'msgs2');
    for (const text of ['b', 'c', 'a']) {
      w.tick();
      await send(w, room._id, text);
    }
    const page = bodyOf(await w.run('groupsMessages', { query: { roomId: room._id, sort: '{"msg":1}', count: '2', offset: '1' } }));
    expect(page).toMatchObject({ count: 2, offset: 1, total: 3 });
    expect((page.messages as { msg: string }[]).map((m) => m.msg)).toEqual(['b', 'c']);
    expect((await w.run('groupsMessages', { query: { roomId: room._id, sort: '{"msg":2}' } })).body).toMatchObject({ errorType: 'error-invalid-sort' });
  });

  it('schema, lookup and archived errors', async () => {
    const w = world();
    const room = await group(w, 'msgs3');
    const legacy = (error: string) => ({ success: false, error: `${error} [invalid-params]`, errorType: 'invalid-params' });
    expect((await w.run('groupsMessages', { query: {} })).body).toEqual(
      legacy("must have required property 'roomId'\n must have required property 'roomName'\n must match exactly one schema in oneOf"),
    );
    expect((await w.run('groupsMessages', { query: { roomId: room._id, roomName: 'msgs3' } })).body).toEqual(legacy('must match exactly one schema in oneOf'));
    expect((await w.run('groupsMessages', { query: { roomId: room._id, foo: '1' } })).body).toEqual(
      legacy("must NOT have additional properties\n must have required property 'roomName'\n must match exactly one schema in oneOf"),
    );
    expect((await w.run('groupsMessages', { query: { roomId: '' } })).body).toMatchObject({ errorType: 'error-room-param-not-provided' });
    expect((await w.run('groupsMessages', { query: { roomId: 'nope' } })).body).toMatchObject({ errorType: 'error-room-not-found' });
    setExtra(w, room, 'archived', true);
    expect((await w.run('groupsMessages', { query: { roomId: room._id } })).body).toEqual({
      success: false,
      error: 'The private group, msgs3, is archived [error-room-archived]',
      errorType: 'error-room-archived',
    });
  });
});

describe('groups.files: uploads are not modelled (G8, uploads.helper.ts)', () => {
  it('an empty page for a visible group, archived or not; the vendor errors otherwise', async () => {
    const w = world();
    const room = await group(w, 'files1');
    setExtra(w, room, 'archived', true);
    expect(await w.run('groupsFiles', { query: { roomId: room._id, count: '5', offset: '2' } })).toEqual({
      status: 200,
      body: { files: [], count: 0, offset: 2, total: 0, success: true },
    });
    expect((await w.run('groupsFiles', { query: { roomName: 'files1' } })).status).toBe(200);
    expect((await w.run('groupsFiles', { query: { roomId: 'invalid' } })).body).toMatchObject({ errorType: 'error-room-not-found' });
    expect((await w.run('groupsFiles', { query: { roomId: '' } })).body).toMatchObject({ errorType: 'error-room-not-found' });
    expect((await w.run('groupsFiles', { query: { roomId: room._id, roomName: 'files1' } })).body).toEqual({
      success: false,
      error: 'must NOT have additional properties\n must NOT have additional properties\n must match exactly one schema in oneOf [invalid-params]',
      errorType: 'invalid-params',
    });
    expect((await w.run('groupsFiles', { query: { roomId: room._id, sort: 'x' } })).body).toMatchObject({ errorType: 'error-invalid-sort' });
  });
});
