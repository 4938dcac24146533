import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf } from '../rocketchat-client.ts';
import { apiData, body, expectJson, PASSWORD, topLevelGroup, VendorRun, type Headers, type User } from './vendor-client.ts';

/**
 * Replay of the vendor's `apps/meteor/tests/end-to-end/api/groups.ts` (@78da2ffb), describe `[Groups] › /groups.create`, with the file's top-level hooks. "guest users"
 * runs only with an Enterprise licence (`IS_EE`) and is left out.
 */
const run = new VendorRun('groups-create');
const { apiPrivateChannelName } = apiData();

describe('[Groups]', () => {
  beforeAll(() => run.getCredentials());
  topLevelGroup(run, apiPrivateChannelName);

  describe('/groups.create', () => {
    let guestUser: User;
    let invitedUser: User;
    let invitedUserCredentials: Headers;
    let teamId: string;

    beforeAll(async () => {
      guestUser = await run.createUser({ roles: ['guest'] });
      invitedUser = await run.createUser();
      invitedUserCredentials = await run.login(invitedUser.username, PASSWORD);
      await run.updatePermission('create-team', ['admin', 'user']);
      const teamCreateRes = await run.post('teams.create', run.credentials, { name: `team-${Date.now()}`, type: 0, members: [invitedUser.username] });
      teamId = bodyOf(teamCreateRes, 'TeamsCreateResponse').team._id;
      await run.updatePermission('create-team-group', ['owner']);
    });

    afterAll(async () => {
      await run.deleteUser(guestUser);
      await run.deleteUser(invitedUser);
      await run.updatePermission('create-team-group', ['admin', 'owner', 'moderator']);
    });

    describe('validate E2E rooms', () => {
      let rid: string;
      beforeAll(async () => {
        await run.updateSetting('E2E_Enable', true);
        await run.updateSetting('E2E_Allow_Unencrypted_Messages', false);
      });
      afterAll(async () => {
        await run.updateSetting('E2E_Enable', false);
        await run.updateSetting('E2E_Allow_Unencrypted_Messages', true);
      });

      it('should create a new encrypted group', async () => {
        const res = await run.post('groups.create', run.credentials, { name: `encrypted-${apiPrivateChannelName}`, extraData: { encrypted: true } });
        expectJson(res);
        expect(res.status).toBe(200);
        const b = body(res);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('group.name', `encrypted-${apiPrivateChannelName}`);
        expect(b).toHaveProperty('group.t', 'p');
        expect(b).toHaveProperty('group.msgs', 0);
        expect(b).toHaveProperty('group.encrypted', true);
        rid = bodyOf(res, 'GroupResponse').group._id;
      });

      it('should send an encrypted message in encrypted group', async () => {
        const res = await run.sendMessage({ text: 'Encrypted Message', t: 'e2e', e2e: 'pending', rid });
        expectJson(res);
        expect(res.status, res.text).toBe(200);
        const b = body(res);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('message');
        expect(b).toHaveProperty('message.text', 'Encrypted Message');
        expect(b).toHaveProperty('message.t', 'e2e');
        expect(b).toHaveProperty('message.e2e', 'pending');
      });

      it('should give an error on sending un-encrypted message in encrypted room', async () => {
        const res = await run.sendMessage({ text: 'Unencrypted Message', rid });
        expectJson(res);
        expect(res.status).toBe(400);
        const b = body(res);
        expect(b).toHaveProperty('success', false);
        expect(b.error).toBeTypeOf('string');
      });

      it('should allow sending un-encrypted messages in encrypted room when setting is enabled', async () => {
        await run.updateSetting('E2E_Allow_Unencrypted_Messages', true);
        const res = await run.sendMessage({ text: 'Unencrypted Message', rid });
        expectJson(res);
        expect(res.status, res.text).toBe(200);
        const b = body(res);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('message');
        expect(b).toHaveProperty('message.text', 'Unencrypted Message');
      });
    });

    describe('E2E enabled by default', () => {
      beforeAll(async () => {
        await run.updateSetting('E2E_Enable', true);
        await run.updateSetting('E2E_Enabled_Default_PrivateRooms', true);
      });
      afterAll(async () => {
        await run.updateSetting('E2E_Enable', false);
        await run.updateSetting('E2E_Enabled_Default_PrivateRooms', false);
      });

      it('should create the encrypted room by default', async () => {
        const res = await run.post('groups.create', run.credentials, { name: `default-encrypted-${apiPrivateChannelName}` });
        expectJson(res);
        expect(res.status).toBe(200);
        const b = body(res);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('group.name', `default-encrypted-${apiPrivateChannelName}`);
        expect(b).toHaveProperty('group.t', 'p');
        expect(b).toHaveProperty('group.msgs', 0);
        expect(b).toHaveProperty('group.encrypted', true);
      });
    });

    it("should fail when trying to use an existing room's name", async () => {
      const res = await run.post('groups.create', run.credentials, { name: 'general' });
      expectJson(res);
      expect(res.status).toBe(400);
      const b = body(res);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('errorType', 'error-duplicate-channel-name');
    });

    it('should successfully create a group in a team', async () => {
      const res = await run.post('groups.create', run.credentials, { name: `team-group-${Date.now()}`, extraData: { teamId } });
      expect(res.status, res.text).toBe(200);
      const b = body(res);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('group');
      expect(b.group).toHaveProperty('teamId', teamId);
    });

    it('should fail creating a group in a team when member does not have the necessary permission', async () => {
      const res = await run.post('groups.create', invitedUserCredentials, { name: `team-group-${Date.now()}`, extraData: { teamId } });
      expect(res.status).toBe(400);
      const b = body(res);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('errorType', 'error-not-allowed');
    });
  });
});
