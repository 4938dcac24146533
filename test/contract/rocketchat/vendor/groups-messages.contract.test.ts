import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../../support/http.ts';
import { bodyOf } from '../rocketchat-client.ts';
import { ADMIN_NAME, ADMIN_USERNAME, apiData, body, expectJson, topLevelGroup, VendorRun, type Room, type User } from './vendor-client.ts';

/**
 * Replay of the vendor's `apps/meteor/tests/end-to-end/api/groups.ts` (@78da2ffb), describes `[Groups] › /groups.info`, `/groups.messages` and `Setting: 'Use Real
 * Name': true`, with the file's top-level hooks.
 */
const run = new VendorRun('groups-messages');
const { apiPrivateChannelName } = apiData();

async function ok(res: WireResponse): Promise<Record<string, unknown>> {
  expectJson(res);
  expect(res.status, res.text).toBe(200);
  const b = body(res);
  expect(b).toHaveProperty('success', true);
  return Promise.resolve(b);
}

function messagesOf(b: Record<string, unknown>): Record<string, unknown>[] {
  expect(Array.isArray(b.messages)).toBe(true);
  return b.messages as Record<string, unknown>[];
}

describe('[Groups]', () => {
  beforeAll(() => run.getCredentials());
  topLevelGroup(run, apiPrivateChannelName);

  describe('/groups.info', () => {
    let testGroup: Room;
    let groupMessage: { _id: string };
    const newGroupInfoName = `info-private-channel-test-${Date.now()}`;

    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: newGroupInfoName });
      expectJson(res);
      expect(res.status).toBe(200);
      testGroup = bodyOf(res, 'GroupResponse').group;
    });

    afterAll(async () => {
      const res = await run.post('groups.delete', run.credentials, { roomName: newGroupInfoName });
      expectJson(res);
      expect(res.status).toBe(200);
    });

    it('should return group basic structure', async () => {
      const b = await ok(await run.get('groups.info', run.credentials, { roomId: testGroup._id }));
      expect(b).toHaveProperty('group._id');
      expect(b).toHaveProperty('group.name', newGroupInfoName);
      expect(b).toHaveProperty('group.t', 'p');
      expect(b).toHaveProperty('group.msgs', 0);
    });

    it('sending a message...', async () => {
      const res = await run.sendMessage({ text: 'Sample message', rid: testGroup._id });
      await ok(res);
      groupMessage = bodyOf(res, 'MessagesMessageResponse').message;
    });

    it('REACTing with last message', async () => {
      await ok(await run.post('chat.react', run.credentials, { emoji: ':squid:', messageId: groupMessage._id }));
    });

    it('STARring last message', async () => {
      await ok(await run.post('chat.starMessage', run.credentials, { messageId: groupMessage._id }));
    });

    it('PINning last message', async () => {
      await ok(await run.post('chat.pinMessage', run.credentials, { messageId: groupMessage._id }));
    });

    it('should return group structure with "lastMessage" object including pin, reaction and star(should be an array) infos', async () => {
      const b = await ok(await run.get('groups.info', run.credentials, { roomId: testGroup._id }));
      expect(b.group).toBeTypeOf('object');
      const { lastMessage } = b.group as { lastMessage: Record<string, unknown> };
      expect(lastMessage).toBeTypeOf('object');
      expect(lastMessage.reactions).toBeTypeOf('object');
      expect(lastMessage.pinned).toBeTypeOf('boolean');
      expect(lastMessage.pinnedAt).toBeTypeOf('string');
      expect(lastMessage.pinnedBy).toBeTypeOf('object');
      expect(Array.isArray(lastMessage.starred)).toBe(true);
    });

    it.each<[string, Record<string, string>]>([
      ['should return all groups messages where the last message of array should have the "star" array with USERS star ONLY', {}],
      ['should return all groups messages where the last message of array should have the "star" array with USERS star ONLY even requested with count and offset params', { count: '5', offset: '0' }],
    ])('%s', async (_title, query) => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id, ...query }));
      const lastMessage = messagesOf(b).filter((message) => message._id === groupMessage._id)[0];
      expect(Array.isArray(lastMessage?.starred)).toBe(true);
      expect((lastMessage?.starred as { _id: string }[])[0]?._id).toBe(ADMIN_USERNAME);
    });
  });

  describe('/groups.messages', () => {
    let testGroup: Room;
    let firstUser: User;
    let secondUser: User;

    beforeAll(async () => {
      testGroup = bodyOf(await run.post('groups.create', run.credentials, { name: `test-group-${Date.now()}` }), 'GroupResponse').group;
      firstUser = await run.createUser({ joinDefaultChannels: false });
      secondUser = await run.createUser({ joinDefaultChannels: false });
      const messages = [
        { rid: testGroup._id, msg: `@${firstUser.username} youre being mentioned`, mentions: [{ username: firstUser.username, _id: firstUser._id, name: firstUser.name }] },
        { rid: testGroup._id, msg: `@${secondUser.username} youre being mentioned`, mentions: [{ username: secondUser.username, _id: secondUser._id, name: secondUser.name }] },
        { rid: testGroup._id, msg: 'A simple message' },
        { rid: testGroup._id, msg: 'A pinned simple message' },
      ];
      const [, , starredMessage, pinnedMessage] = await Promise.all(messages.map((message) => run.sendMessage(message)));
      const idOf = (res: WireResponse | undefined): string => (res ? bodyOf(res, 'MessagesMessageResponse').message._id : '');
      await Promise.all([
        run.post('chat.starMessage', run.credentials, { messageId: idOf(starredMessage) }),
        run.post('chat.pinMessage', run.credentials, { messageId: idOf(pinnedMessage) }),
      ]);
    });

    afterAll(async () => {
      await run.post('groups.delete', run.credentials, { roomName: testGroup.name });
    });

    it('should return all messages from a group', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id }));
      expect(messagesOf(b)).toHaveLength(5);
    });

    it('should return messages that mention a single user', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id, mentionIds: firstUser._id }));
      const messages = messagesOf(b);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.mentions).toHaveLength(1);
      expect((messages[0]?.mentions as { _id: string }[])[0]).toHaveProperty('_id', firstUser._id);
      expect(b).toHaveProperty('count', 1);
      expect(b).toHaveProperty('total', 1);
    });

    it('should return messages that mention multiple users', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id, mentionIds: `${firstUser._id},${secondUser._id}` }));
      const messages = messagesOf(b);
      expect(messages).toHaveLength(2);
      expect(b).toHaveProperty('count', 2);
      expect(b).toHaveProperty('total', 2);
      const mentionIds = messages.map((message) => (message.mentions as { _id: string }[])[0]?._id);
      expect(mentionIds).toEqual(expect.arrayContaining([firstUser._id, secondUser._id]));
    });

    it('should return messages that are starred by a specific user', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id, starredIds: ADMIN_USERNAME }));
      const messages = messagesOf(b);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.starred).toHaveLength(1);
      expect(b).toHaveProperty('count', 1);
      expect(b).toHaveProperty('total', 1);
    });

    it('should return messages that are pinned', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomId: testGroup._id, pinned: 'true' }));
      const messages = messagesOf(b);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.pinned).toBe(true);
      expect(messages[0]?.pinnedBy).toBeTypeOf('object');
      expect(messages[0]?.pinnedBy).toHaveProperty('_id', ADMIN_USERNAME);
      expect(b).toHaveProperty('count', 1);
      expect(b).toHaveProperty('total', 1);
    });

    it('should return all messages from a group using roomName parameter', async () => {
      const b = await ok(await run.get('groups.messages', run.credentials, { roomName: testGroup.name }));
      expect(messagesOf(b)).toHaveLength(5);
    });

    it('should return error if both roomId and roomName are provided', async () => {
      // The vendor names both `test-priority-${Date.now()}`; two creations within one millisecond
      // (possible against an in-process twin) would collide, so the second name gets a suffix.
      const thirdGroup = bodyOf(await run.post('groups.create', run.credentials, { name: `test-priority-${Date.now()}` }), 'GroupResponse').group;
      const secondGroup = bodyOf(await run.post('groups.create', run.credentials, { name: `test-priority-${Date.now()}-2` }), 'GroupResponse').group;
      try {
        const res = await run.get('groups.messages', run.credentials, { roomId: thirdGroup._id, roomName: secondGroup.name });
        expectJson(res);
        expect(res.status).toBe(400);
        const b = body(res);
        expect(b).toHaveProperty('success', false);
        expect(b).toHaveProperty('errorType', 'invalid-params');
      } finally {
        await Promise.all([thirdGroup, secondGroup].map((g) => run.post('groups.delete', run.credentials, { roomName: g.name })));
      }
    });
  });

  describe("Setting: 'Use Real Name': true", () => {
    let realNameGroup: Room;

    beforeAll(async () => {
      await run.updateSetting('UI_Use_Real_Name', true);
      const created = await run.post('groups.create', run.credentials, { name: `group-${Date.now()}` });
      expect(created.status).toBe(200);
      expect(body(created)).toHaveProperty('success', true);
      realNameGroup = bodyOf(created, 'GroupResponse').group;
      await ok(await run.sendMessage({ text: 'Sample message', rid: realNameGroup._id }));
    });

    afterAll(async () => {
      await run.updateSetting('UI_Use_Real_Name', false);
      const res = await run.post('groups.delete', run.credentials, { roomId: realNameGroup._id });
      expect(res.status).toBe(200);
      expect(body(res)).toHaveProperty('success', true);
    });

    it('should return the last message user real name', async () => {
      const b = await ok(await run.get('groups.info', run.credentials, { roomId: realNameGroup._id }));
      const group = b.group as Record<string, unknown>;
      expect(group._id).toBe(realNameGroup._id);
      expect(group).toHaveProperty('lastMessage.u.name', ADMIN_NAME);
    });
  });
});
