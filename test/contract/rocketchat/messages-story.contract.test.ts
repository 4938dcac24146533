import { describe, expect, it } from 'vitest';
import { expectRouteHeaders, history } from './messages-client.ts';
import { auth, bodyOf, createGroup, LIMITED, rc, ROOM_NOT_FOUND, roomName, TESTER_ID } from './rocketchat-client.ts';

describe('story: a group\'s messages from first post to deletion (research notes issue 11 §6)', () => {
  it('post → pin → star → react → history → messages → delete → history → groups.delete', async () => {
    const name = roomName('story');
    const group = await createGroup({ name, members: ['limited.user'] });

    // Two posts: one by name (chat.postMessage), one by id (chat.sendMessage) that mentions the member.
    const posted = bodyOf(await rc('chatPostMessage', 'chat.postMessage', { headers: auth(), json: { channel: `#${name}`, text: 'first post' } }), 'MessagesPostMessageResponse').message;
    const sent = bodyOf(await rc('chatSendMessage', 'chat.sendMessage', { headers: auth(), json: { message: { rid: group._id, msg: 'second, for @limited.user' } } }), 'MessagesMessageResponse').message;

    const pin = await rc('chatPinMessage', 'chat.pinMessage', { headers: auth(), json: { messageId: sent._id } });
    expect(pin.status).toBe(200);
    const pinMessage = bodyOf(pin, 'MessagesMessageResponse').message;
    expect((await rc('chatStarMessage', 'chat.starMessage', { headers: LIMITED, json: { messageId: sent._id } })).status).toBe(200);
    expect((await rc('chatReact', 'chat.react', { headers: LIMITED, json: { emoji: ':thumbsup:', messageId: posted._id } })).status).toBe(200);

    // The member's history: the pin's system message, then both posts, with pin, own star and reaction.
    const seen = await history(group._id, LIMITED);
    expect(seen.map((m) => m._id)).toEqual([pinMessage._id, sent._id, posted._id]);
    expect(seen[0]).toMatchObject({ t: 'message_pinned', attachments: [{ text: 'second, for @limited.user', author_name: 'tester' }] });
    expect(seen[1]).toMatchObject({ pinned: true, pinnedBy: { _id: TESTER_ID, username: 'tester' }, starred: [{ _id: 'vWxKq8Rm3NbTz5Hye' }] });
    expect(seen[2]).toMatchObject({ reactions: { ':thumbsup:': { usernames: ['limited.user'] } } });
    // The author does not see the member's star (normalizeMessagesForUser).
    expect((await history(group._id))[1]?.starred).toEqual([]);

    // groups.messages: sorted by ts ascending, two per page.
    const page = await rc('groupsMessages', 'groups.messages', { headers: auth(), query: { roomId: group._id, sort: '{"ts":1}', count: '2', offset: '1' } });
    expectRouteHeaders(page);
    const listed = bodyOf(page, 'MessagesListResponse');
    expect(listed).toMatchObject({ count: 2, offset: 1, total: 3 });
    expect(listed.messages.map((m) => m._id)).toEqual([sent._id, pinMessage._id]);

    // The group counts three messages; its last user message is the pinned one.
    const info = bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group;
    expect(info).toMatchObject({ msgs: 3, lastMessage: { _id: sent._id, pinned: true } });

    // Delete the pinned post: history keeps the first post and the pin's system message.
    expect((await rc('chatDelete', 'chat.delete', { headers: auth(), json: { roomId: group._id, msgId: sent._id } })).status).toBe(200);
    expect((await history(group._id)).map((m) => m._id)).toEqual([pinMessage._id, posted._id]);
    const after = bodyOf(await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }), 'GroupResponse').group;
    expect(after).toMatchObject({ msgs: 2, lastMessage: { _id: posted._id } });

    // The end: the group and its messages go.
    expect((await rc('groupsDelete', 'groups.delete', { headers: auth(), json: { roomId: group._id } })).status).toBe(200);
    const gone = await rc('groupsHistory', 'groups.history', { headers: auth(), query: { roomId: group._id } });
    expect([gone.status, gone.json]).toEqual([400, ROOM_NOT_FOUND]);
  });
});
