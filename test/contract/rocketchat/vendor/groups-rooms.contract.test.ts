import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../../support/http.ts';
import { bodyOf } from '../rocketchat-client.ts';
import { apiData, body, expectJson, PASSWORD, topLevelGroup, VendorRun, type Headers, type Room, type User } from './vendor-client.ts';

/**
 * Replay of the vendor's `apps/meteor/tests/end-to-end/api/groups.ts` (@78da2ffb), describes `[Groups] › /groups.setType` … `/groups.convertToTeam`, each with its own
 * group, with the file's top-level hooks. Two cleanups call routes the twin does not model:
 * setType's after (channels.delete, which the vendor asserts: that hook would fail) and
 * convertToTeam's after (teams.delete, unchecked); they are left out, the session is dropped.
 */
const run = new VendorRun('groups-rooms');
const { apiPrivateChannelName } = apiData();

async function expectOk(res: WireResponse): Promise<Record<string, unknown>> {
  expectJson(res);
  expect(res.status, res.text).toBe(200);
  const b = body(res);
  expect(b).toHaveProperty('success', true);
  return Promise.resolve(b);
}

async function created(name: string, extra: Record<string, unknown> = {}): Promise<Room> {
  return bodyOf(await run.post('groups.create', run.credentials, { name, ...extra }), 'GroupResponse').group;
}

describe('[Groups]', () => {
  beforeAll(() => run.getCredentials());
  topLevelGroup(run, apiPrivateChannelName);

  describe('/groups.setType', () => {
    let roomTypeId: string;
    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: `channel.type.${Date.now()}` });
      await expectOk(res);
      roomTypeId = bodyOf(res, 'GroupResponse').group._id;
    });

    it('should change the type of the group to a channel', async () => {
      const b = await expectOk(await run.post('groups.setType', run.credentials, { roomId: roomTypeId, type: 'c' }));
      expect(b).toHaveProperty('group.t', 'c');
    });
  });

  describe('/groups.setCustomFields', () => {
    let cfchannel: Room;
    let groupWithoutCustomFields: Room;
    const update = (json: Record<string, unknown>): Promise<WireResponse> => run.post('groups.setCustomFields', run.credentials, json);

    beforeAll(async () => {
      cfchannel = await created(`channel.cf.${Date.now()}`, { customFields: { field0: 'value0' } });
      // The vendor names both `channel.cf.${Date.now()}`; a suffix keeps two creations within one
      // millisecond apart.
      groupWithoutCustomFields = await created(`channel.cf.${Date.now()}.2`);
    });

    afterAll(async () => {
      for (const room of [cfchannel, groupWithoutCustomFields]) {
        const res = await run.post('groups.delete', run.credentials, { roomName: room.name });
        expectJson(res);
        expect(res.status).toBe(200);
      }
    });

    it('get customFields using groups.info', async () => {
      const b = await expectOk(await run.get('groups.info', run.credentials, { roomId: cfchannel._id }));
      expect(b).toHaveProperty('group.customFields.field0', 'value0');
    });

    it('change customFields', async () => {
      const b = await expectOk(await update({ roomId: cfchannel._id, customFields: { field9: 'value9' } }));
      expect(b).toHaveProperty('group._id');
      expect(b).toHaveProperty('group.name', cfchannel.name);
      expect(b).toHaveProperty('group.t', 'p');
      expect(b).toHaveProperty('group.customFields.field9', 'value9');
      expect(b).not.toHaveProperty('group.customFields.field0', 'value0');
    });

    it('get customFields using groups.info (after the change)', async () => {
      const b = await expectOk(await run.get('groups.info', run.credentials, { roomId: cfchannel._id }));
      expect(b).toHaveProperty('group.customFields.field9', 'value9');
    });

    it('set customFields with one nested field', async () => {
      const b = await expectOk(await update({ roomId: groupWithoutCustomFields._id, customFields: { field1: 'value1' } }));
      expect(b).toHaveProperty('group._id');
      expect(b).toHaveProperty('group.name', groupWithoutCustomFields.name);
      expect(b).toHaveProperty('group.t', 'p');
      expect(b).toHaveProperty('group.customFields.field1', 'value1');
    });

    it('set customFields with multiple nested fields', async () => {
      const b = await expectOk(await update({ roomName: groupWithoutCustomFields.name, customFields: { field2: 'value2', field3: 'value3', field4: 'value4' } }));
      expect(b).toHaveProperty('group._id');
      expect(b).toHaveProperty('group.name', groupWithoutCustomFields.name);
      expect(b).toHaveProperty('group.t', 'p');
      for (const n of [2, 3, 4]) expect(b).toHaveProperty(`group.customFields.field${n}`, `value${n}`);
      expect(b).not.toHaveProperty('group.customFields.field1', 'value1');
    });

    it('set customFields to empty object', async () => {
      const b = await expectOk(await update({ roomName: groupWithoutCustomFields.name, customFields: {} }));
      expect(b).toHaveProperty('group._id');
      expect(b).toHaveProperty('group.name', groupWithoutCustomFields.name);
      expect(b).toHaveProperty('group.t', 'p');
      for (const n of [2, 3, 4]) expect(b).not.toHaveProperty(`group.customFields.field${n}`, `value${n}`);
    });

    it('set customFields as a string -> should return 400', async () => {
      const res = await update({ roomName: groupWithoutCustomFields.name, customFields: '' });
      expectJson(res);
      expect(res.status).toBe(400);
      expect(body(res)).toHaveProperty('success', false);
    });
  });

  describe('/groups.delete', () => {
    let testGroup: Room;
    let testTeamGroup: Room;
    let testModeratorTeamGroup: Room;
    let invitedUser: User;
    let moderatorUser: User;
    let invitedUserCredentials: Headers;
    let moderatorUserCredentials: Headers;

    beforeAll(async () => {
      testGroup = bodyOf(await run.createGroup({ name: `group.test.${Date.now()}` }), 'GroupResponse').group;
      invitedUser = await run.createUser();
      moderatorUser = await run.createUser();
      invitedUserCredentials = await run.login(invitedUser.username, PASSWORD);
      moderatorUserCredentials = await run.login(moderatorUser.username, PASSWORD);
      const teamCreateRes = await run.post('teams.create', run.credentials, { name: `team-${Date.now()}`, type: 1, members: [invitedUser.username, moderatorUser.username] });
      const team = bodyOf(teamCreateRes, 'TeamsCreateResponse').team;
      await run.updatePermission('delete-team-group', ['owner', 'moderator']);
      await run.updatePermission('create-team-group', ['admin', 'owner', 'moderator', 'user']);
      testTeamGroup = bodyOf(await run.createGroup({ name: `group.test.${Date.now()}`, extraData: { teamId: team._id }, credentials: invitedUserCredentials }), 'GroupResponse').group;
      await expectOk(await run.post('groups.addModerator', run.credentials, { userId: moderatorUser._id, roomId: team.roomId }));
      const moderatorGroup = await run.createGroup({ name: `group.test.moderator.${Date.now()}`, extraData: { teamId: team._id }, credentials: moderatorUserCredentials });
      testModeratorTeamGroup = bodyOf(moderatorGroup, 'GroupResponse').group;
    });

    afterAll(async () => {
      await run.deleteUser(invitedUser);
      await run.deleteUser(moderatorUser);
      await run.updatePermission('create-team-group', ['admin', 'owner', 'moderator']);
      await run.updatePermission('delete-team-group', ['admin', 'owner', 'moderator']);
    });

    it('should succesfully delete a group', async () => {
      await expectOk(await run.post('groups.delete', run.credentials, { roomName: testGroup.name }));
    });

    it("should fail retrieving a group's info after it's been deleted", async () => {
      const res = await run.get('groups.info', run.credentials, { roomId: testGroup._id });
      expectJson(res);
      expect(res.status).toBe(400);
      expect(body(res)).toMatchObject({ success: false, errorType: 'error-room-not-found' });
    });

    it.each<[string, () => Headers, () => Record<string, unknown>, string]>([
      ["should fail deleting a team's group when member does not have the necessary permission in the team", () => invitedUserCredentials, () => ({ roomName: testTeamGroup.name }), 'error-not-allowed'],
      ["should fail deleting a team's group when member has the necessary permission in the team, but not in the deleted room", () => moderatorUserCredentials, () => ({ roomName: testTeamGroup.name }), 'error-room-not-found'],
    ])('%s', async (_title, credentials, json, errorType) => {
      const res = await run.post('groups.delete', credentials(), json());
      expectJson(res);
      expect(res.status).toBe(400);
      const b = body(res);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error');
      expect(b).toHaveProperty('errorType', errorType);
    });

    it("should successfully delete a team's group when member has both team and group permissions", async () => {
      await expectOk(await run.post('groups.delete', moderatorUserCredentials, { roomId: testModeratorTeamGroup._id }));
    });
  });

  describe('/groups.roles', () => {
    let testGroup: Room;
    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: `group.roles.test.${Date.now()}` });
      expectJson(res);
      expect(res.status).toBe(200);
      testGroup = bodyOf(res, 'GroupResponse').group;
    });
    afterAll(async () => {
      const res = await run.post('groups.delete', run.credentials, { roomName: testGroup.name });
      expectJson(res);
      expect(res.status).toBe(200);
    });

    // The vendor's setup steps written as cases: their answers are not checked.
    it.each(['groups.invite', 'groups.addModerator', 'groups.addLeader'])('/%s', async (route) => {
      await run.post(route, run.credentials, { roomId: testGroup._id, userId: 'rocket.cat' });
    });

    it('should return an array of roles <-> user relationships in a private group', async () => {
      const b = await expectOk(await run.get('groups.roles', run.credentials, { roomId: testGroup._id }));
      const roles = b.roles as { _id: unknown; rid: unknown; roles: string[]; u: { _id: unknown; username: unknown } }[];
      expect(roles).toHaveLength(2);
      // chai's include('moderator', 'leader') checks 'moderator' only (the second argument is a message).
      for (const [entry, role] of [[roles[0], 'moderator'], [roles[1], 'owner']] as const) {
        expect(entry?._id).toBeTypeOf('string');
        expect(entry?.rid).toBe(testGroup._id);
        expect(entry?.roles).toContain(role);
        expect(entry?.u).toBeTypeOf('object');
        expect(entry?.u._id).toBeTypeOf('string');
        expect(entry?.u.username).toBeTypeOf('string');
      }
    });
  });

  describe('/groups.moderators', () => {
    let testGroup: Room;
    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: `group.roles.test.${Date.now()}` });
      expectJson(res);
      expect(res.status).toBe(200);
      testGroup = bodyOf(res, 'GroupResponse').group;
    });
    afterAll(async () => {
      const res = await run.post('groups.delete', run.credentials, { roomName: testGroup.name });
      expectJson(res);
      expect(res.status).toBe(200);
    });

    it.each(['groups.invite', 'groups.addModerator'])('/%s', async (route) => {
      await run.post(route, run.credentials, { roomId: testGroup._id, userId: 'rocket.cat' });
    });

    it('should return an array of moderators with rocket.cat as a moderator', async () => {
      const b = await expectOk(await run.get('groups.moderators', run.credentials, { roomId: testGroup._id }));
      expect(b.moderators).toHaveLength(1);
      expect((b.moderators as { username: string }[])[0]?.username).toBe('rocket.cat');
    });
  });

  describe('/groups.setEncrypted', () => {
    let testGroup: Room;
    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: `group.encrypted.test.${Date.now()}` });
      expect(body(res)).toHaveProperty('success', true);
      expect(body(res)).toHaveProperty('group._id');
      testGroup = bodyOf(res, 'GroupResponse').group;
      await run.updateSetting('E2E_Enable', true);
    });
    afterAll(async () => {
      await run.updateSetting('E2E_Enable', false);
      const res = await run.post('groups.delete', run.credentials, { roomName: testGroup.name });
      expectJson(res);
      expect(res.status).toBe(200);
    });

    it('should return an error when passing no boolean param', async () => {
      const res = await run.post('groups.setEncrypted', run.credentials, { roomId: testGroup._id, encrypted: 'no-boolean' });
      expect(res.status).toBe(400);
      expect(body(res)).toMatchObject({ success: false, error: 'The bodyParam "encrypted" is required' });
    });

    it.each([true, false])('should set group as encrypted=%s correctly and return the new data, then groups.info shows it', async (encrypted) => {
      const res = await run.post('groups.setEncrypted', run.credentials, { roomId: testGroup._id, encrypted });
      expect(res.status).toBe(200);
      const b = body(res);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('group');
      expect(b.group).toHaveProperty('_id', testGroup._id);
      expect(b.group).toHaveProperty('encrypted', encrypted);
      // "should return the updated room encrypted / unencrypted" (getRoomInfo).
      const roomInfo = body(await run.get('groups.info', run.credentials, { roomId: testGroup._id }));
      expect(roomInfo).toHaveProperty('success', true);
      expect(roomInfo.group).toHaveProperty('_id', testGroup._id);
      expect(roomInfo.group).toHaveProperty('encrypted', encrypted);
    });
  });

  describe('/groups.convertToTeam', () => {
    let newGroup: Room;
    beforeAll(async () => {
      const res = await run.post('groups.create', run.credentials, { name: `group-${Date.now()}` });
      expect(res.status).toBe(200);
      newGroup = bodyOf(res, 'GroupResponse').group;
    });
    afterAll(() => run.updatePermission('create-team', ['admin', 'user']));

    const convert = (json: Record<string, unknown>): Promise<WireResponse> => run.post('groups.convertToTeam', run.credentials, json);

    it.each<[string, string[], string[], number]>([
      ['should fail to convert group if lacking edit-room permission', [], ['admin'], 403],
      ['should fail to convert group if lacking create-team permission', ['admin'], [], 403],
      ['should successfully convert a group to a team', ['admin'], ['admin'], 200],
    ])('%s', async (_title, createTeam, editRoom, status) => {
      await run.updatePermission('create-team', createTeam);
      await run.updatePermission('edit-room', editRoom);
      const res = await convert({ roomId: newGroup._id });
      expect(res.status, res.text).toBe(status);
      expect(body(res)).toHaveProperty('success', status === 200);
    });

    it('should fail to convert group without the required parameters', async () => {
      expect((await convert({})).status).toBe(400);
    });

    it("should fail to convert group if it's already taken", async () => {
      const res = await convert({ roomId: newGroup._id });
      expect(res.status).toBe(400);
      expect(body(res)).toHaveProperty('success', false);
    });
  });
});
