import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { WireResponse } from '../../../support/http.ts';
import { bodyOf } from '../rocketchat-client.ts';
import { apiData, body, expectJson, PASSWORD, RESERVED_WORDS, VendorRun, type Headers, type User } from './vendor-client.ts';

/**
 * Replay of the vendor's `apps/meteor/tests/end-to-end/api/users.ts` (@78da2ffb): the describes about the users.* routes the twin models (create, info, update,
 * delete, setStatus, logout), in the vendor's order and with the vendor's setup. Cases that need a
 * route the twin does not model (e2e keys, users.register, channels.*, presence, avatars, …) are
 * left out.
 */
const run = new VendorRun('users');
const { apiUsername, apiEmail } = apiData();
const customFieldText = { type: 'text', required: true, minLength: 2, maxLength: 10 };

/** The vendor file's `setCustomFields` / `clearCustomFields` (settings/Accounts_CustomFields, expect 200). */
async function setCustomFields(customFields: unknown): Promise<void> {
  const res = await run.post('settings/Accounts_CustomFields', run.credentials, { value: customFields ? JSON.stringify(customFields) : '' });
  expect(res.status).toBe(200);
}

/** The vendor file's `setRoomConfig`: rooms.saveRoomSettings with `default` and maybe `favorite`. */
function setRoomConfig(roomId: string, isDefault: boolean, favorite?: boolean): Promise<WireResponse> {
  return run.post('rooms.saveRoomSettings', run.credentials, { rid: roomId, default: isDefault, ...(favorite && { favorite: { defaultValue: true, favorite: false } }) });
}

/** A random hex string of `length` characters (`Random.hexString`). */
function hexString(length: number): string {
  return Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

async function expectStatus(res: WireResponse, status: number): Promise<Record<string, unknown>> {
  expectJson(res);
  expect(res.status, res.text).toBe(status);
  return Promise.resolve(body(res));
}

describe('[Users]', () => {
  let targetUser: { _id: string; username: string };

  beforeAll(async () => {
    await run.getCredentials();
    const user = await run.createUser({ active: true, roles: ['user'], joinDefaultChannels: true, verified: true });
    targetUser = { _id: user._id, username: user.username };
    await run.login(user.username, PASSWORD);
  });

  afterAll(async () => {
    await run.deleteUser(targetUser);
    await run.updateSetting('E2E_Enable', false);
  });

  describe('[/users.create]', () => {
    beforeAll(() => setCustomFields(null));
    afterAll(() => setCustomFields(null));

    it('should create a new user with custom fields', async () => {
      await setCustomFields({ customFieldText });
      const username = `customField_${apiUsername}`;
      const email = `customField_${apiEmail}`;
      const res = await run.post('users.create', run.credentials, {
        email, name: username, username, password: PASSWORD, active: true, roles: ['user'], joinDefaultChannels: true, verified: true,
        customFields: { customFieldText: 'success' },
      });
      const b = await expectStatus(res, 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.username', username);
      expect(b).toHaveProperty(['user', 'emails', 0, 'address'], email);
      expect(b).toHaveProperty('user.active', true);
      expect(b).toHaveProperty('user.name', username);
      expect(b).toHaveProperty('user.customFields.customFieldText', 'success');
      expect(b).not.toHaveProperty('user.e2e');
      await run.deleteUser(bodyOf(res, 'UsersUserResponse').user);
    });

    it.each([
      { value: '', reason: 'is required and missing' },
      { value: '0', reason: 'length is less than minLength' },
      { value: '0123456789-0', reason: 'length is more than maxLength' },
    ])('should not create a user if a custom field $reason', async ({ value }) => {
      await setCustomFields({ customFieldText });
      const res = await run.post('users.create', run.credentials, {
        email: `customField_fail_${apiEmail}`, name: `customField_fail_${apiUsername}`, username: `customField_fail_${apiUsername}`,
        password: PASSWORD, active: true, roles: ['user'], joinDefaultChannels: true, verified: true, customFields: { customFieldText: value },
      });
      const b = await expectStatus(res, 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('errorType', 'error-user-registration-custom-field');
    });

    it.each(RESERVED_WORDS)('should not create a new user if username is the reserved word %s', async (name) => {
      const res = await run.post('users.create', run.credentials, {
        email: `create_user_fail_${apiEmail}`, name: `create_user_fail_${apiUsername}`, username: name, password: PASSWORD,
        active: true, roles: ['user'], joinDefaultChannels: true, verified: true,
      });
      const b = await expectStatus(res, 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error', `${name} is blocked and can't be used! [error-blocked-username]`);
    });

    describe('users default roles configuration', () => {
      const users: User[] = [];
      beforeAll(() => run.updateSetting('Accounts_Registration_Users_Default_Roles', 'user,admin'));
      afterAll(async () => {
        await run.updateSetting('Accounts_Registration_Users_Default_Roles', 'user');
        await Promise.all(users.map((user) => run.deleteUser(user)));
      });

      it.each<[string, string[] | undefined, string[]]>([
        ['should create a new user with default roles', undefined, ['user', 'admin']],
        ['should create a new user with only the role provided', ['guest'], ['guest']],
      ])('%s', async (_title, roles, expected) => {
        const username = `defaultUserRole_${apiUsername}${Date.now()}`;
        const email = `defaultUserRole_${apiEmail}${Date.now()}`;
        const res = await run.post('users.create', run.credentials, { email, name: username, username, password: PASSWORD, ...(roles && { roles }) });
        const b = await expectStatus(res, 200);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('user.username', username);
        expect(b).toHaveProperty(['user', 'emails', 0, 'address'], email);
        expect(b).toHaveProperty('user.active', true);
        expect(b).toHaveProperty('user.name', username);
        const { user } = bodyOf(res, 'UsersUserResponse');
        expect([...(user.roles ?? [])].sort()).toEqual([...expected].sort());
        users.push(user);
      });
    });

    describe('auto join default channels', () => {
      let defaultTeamRoomId: string;
      let defaultTeamId: string;
      let group: { _id: string };
      let user: User | undefined;
      let userCredentials: Headers;
      let user2: User | undefined;
      let user3: User | undefined;
      let userNoDefault: User | undefined;
      const teamName = `defaultTeam_${Date.now()}`;

      beforeAll(async () => {
        const defaultTeam = await run.createTeam(run.credentials, teamName, 0);
        defaultTeamRoomId = defaultTeam.roomId;
        defaultTeamId = defaultTeam._id;
        const res = await run.createGroup({ name: `defaultGroup_${Date.now()}`, extraData: { broadcast: false, encrypted: false, teamId: defaultTeamId, topic: '' } });
        group = bodyOf(res, 'GroupResponse').group;
      });

      // The vendor's after also calls teams.delete (not modelled); the session is thrown away.
      afterAll(async () => {
        await run.post('groups.delete', run.credentials, { roomId: group._id });
        await Promise.all([user, user2, user3, userNoDefault].map((u) => run.deleteUser(u)));
      });

      async function subscription(credentials: Headers, roomId: string): Promise<Record<string, unknown>> {
        const b = await expectStatus(await run.get('subscriptions.getOne', credentials, { roomId }), 200);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty('subscription');
        return b;
      }

      it('should not create subscriptions to non default teams or rooms even if joinDefaultChannels is true', async () => {
        userNoDefault = await run.createUser({ joinDefaultChannels: true });
        const credentials = await run.login(userNoDefault.username, PASSWORD);
        expect((await subscription(credentials, defaultTeamRoomId)).subscription).toBeNull();
        expect((await subscription(credentials, group._id)).subscription).toBeNull();
      });

      it('should create a subscription for a default team room if joinDefaultChannels is true', async () => {
        await setRoomConfig(defaultTeamRoomId, true, true);
        user = await run.createUser({ joinDefaultChannels: true });
        userCredentials = await run.login(user.username, PASSWORD);
        expect(await subscription(userCredentials, defaultTeamRoomId)).toHaveProperty('subscription.rid', defaultTeamRoomId);
      });

      it('should NOT create a subscription for non auto-join rooms inside a default team', async () => {
        expect((await subscription(userCredentials, group._id)).subscription).toBeNull();
      });

      it('should create a subscription for the user in all the auto join rooms of the team', async () => {
        await run.post('teams.updateRoom', run.credentials, { roomId: group._id, isDefault: true });
        user2 = await run.createUser({ joinDefaultChannels: true });
        const credentials = await run.login(user2.username, PASSWORD);
        expect(await subscription(credentials, group._id)).toHaveProperty('subscription.rid', group._id);
      });

      it('should create a subscription for a default room inside a non default team', async () => {
        await setRoomConfig(defaultTeamRoomId, false);
        await setRoomConfig(group._id, true, true);
        user3 = await run.createUser({ joinDefaultChannels: true });
        const credentials = await run.login(user3.username, PASSWORD);
        expect(await subscription(credentials, group._id)).toHaveProperty('subscription.rid', group._id);
        expect((await subscription(credentials, defaultTeamRoomId)).subscription).toBeNull();
      });
    });
  });

  // The vendor's before creates a channel (channels.create, not modelled, unchecked): only the case
  // that reads that channel needs it and is left out; the others do not depend on it.
  describe('[/users.info]', () => {
    afterAll(async () => {
      await run.updatePermission('view-other-user-channels', ['admin']);
      await run.updatePermission('view-full-other-user-info', ['admin']);
    });

    it('should return an error when the user does not exist', async () => {
      const b = await expectStatus(await run.get('users.info', run.credentials, { username: 'invalid-username' }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error');
    });

    it('should query information about a user by userId', async () => {
      const b = await expectStatus(await run.get('users.info', run.credentials, { userId: targetUser._id }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.username', targetUser.username);
      expect(b).toHaveProperty('user.active', true);
      expect(b).toHaveProperty('user.name', targetUser.username);
      expect(b).not.toHaveProperty('user.e2e');
    });

    it('should NOT return "rooms" property when user NOT request it but the user has the necessary permission (admin, "view-other-user-channels")', async () => {
      const b = await expectStatus(await run.get('users.info', run.credentials, { userId: targetUser._id }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).not.toHaveProperty('user.rooms');
    });

    it('should return the rooms when the user request your own rooms but he does NOT have the necessary permission', async () => {
      await run.updatePermission('view-other-user-channels', []);
      const res = await run.get('users.info', run.credentials, { userId: run.credentials['X-User-Id'] ?? '', includeUserRooms: 'true' });
      const b = await expectStatus(res, 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.rooms');
      const rooms = (b.user as { rooms: unknown[] }).rooms;
      expect(rooms.length).toBeGreaterThanOrEqual(1);
      expect(rooms[0]).toHaveProperty('unread');
    });

    it("should NOT return the rooms when the user request another user's rooms and he does NOT have the necessary permission", async () => {
      await run.updatePermission('view-other-user-channels', []);
      const b = await expectStatus(await run.get('users.info', run.credentials, { userId: targetUser._id, fields: JSON.stringify({ userRooms: 1 }) }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).not.toHaveProperty('user.rooms');
    });

    it("should NOT return any services fields when request to another user's info even if the user has the necessary permission", async () => {
      await run.updatePermission('view-full-other-user-info', ['admin']);
      const b = await expectStatus(await run.get('users.info', run.credentials, { userId: targetUser._id }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).not.toHaveProperty('user.services.emailCode');
      expect(b).not.toHaveProperty('user.services');
    });

    it('should return all services fields when request for myself data even without privileged permission', async () => {
      await run.updatePermission('view-full-other-user-info', []);
      const b = await expectStatus(await run.get('users.info', run.credentials, { userId: run.credentials['X-User-Id'] ?? '' }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.services.password');
      expect(b).toHaveProperty('user.services.resume');
    });

    it('should correctly route users that have `ufs` in their username', async () => {
      const ufsUsername = `ufs-${Date.now()}`;
      const user = await run.createUser({ email: `me-${Date.now()}@email.com`, name: 'testuser', username: ufsUsername, password: '1234' });
      const b = await expectStatus(await run.get('users.info', run.credentials, { username: ufsUsername }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.type', 'user');
      expect(b).toHaveProperty('user.name', 'testuser');
      expect(b).toHaveProperty('user.username', ufsUsername);
      expect(b).toHaveProperty('user.active', true);
      await run.deleteUser(user);
    });
  });

  describe('[/users.update]', () => {
    const allowAll = async (): Promise<void> => {
      for (const setting of ['UserProfile', 'Username', 'RealName', 'UserStatusMessage', 'Email', 'Password']) await run.updateSetting(`Accounts_Allow${setting}Change`, true);
      await run.updatePermission('edit-other-user-info', ['admin']);
    };
    beforeAll(allowAll);
    afterAll(allowAll);

    const update = (data: Record<string, unknown>, userId = targetUser._id, headers = run.credentials): Promise<WireResponse> =>
      run.post('users.update', headers, { userId, data });

    it("should update a user's info by userId", async () => {
      const b = await expectStatus(await update({ email: apiEmail, name: `edited${apiUsername}`, username: `edited${apiUsername}`, password: PASSWORD, active: true, roles: ['user'] }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty('user.username', `edited${apiUsername}`);
      expect(b).toHaveProperty(['user', 'emails', 0, 'address'], apiEmail);
      expect(b).toHaveProperty('user.active', true);
      expect(b).toHaveProperty('user.name', `edited${apiUsername}`);
      expect(b).not.toHaveProperty('user.e2e');
    });

    it("should update a user's email by userId", async () => {
      const b = await expectStatus(await update({ email: `edited${apiEmail}` }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty(['user', 'emails', 0, 'address'], `edited${apiEmail}`);
      expect(b).toHaveProperty(['user', 'emails', 0, 'verified'], false);
      expect(b).not.toHaveProperty('user.e2e');
    });

    it.each([
      ["should update a user's bio by userId", 'bio', 'edited-bio-test'],
      ["should update a user's nickname by userId", 'nickname', 'edited-nickname-test'],
    ])('%s', async (_title, field, value) => {
      const b = await expectStatus(await update({ [field]: value }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty(`user.${field}`, value);
      expect(b).not.toHaveProperty('user.e2e');
    });

    it.each([
      ['should return an error when trying to set a nickname longer than 120 characters', 'nickname', 120, 'Nickname size exceeds 120 characters [error-nickname-size-exceeded]'],
      ['should return an error when trying to set a bio longer than 260 characters', 'bio', 260, 'Bio size exceeds 260 characters [error-bio-size-exceeded]'],
    ] as const)('%s', async (_title, field, max, error) => {
      const b = await expectStatus(await update({ [field]: hexString(max + 1) }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error', error);
    });

    it('should return an error when trying to upsert a user by sending an empty userId', async () => {
      const b = await expectStatus(await update({}, ''), 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('errorType', 'invalid-params');
      expect(b).toHaveProperty('error', 'must NOT have fewer than 1 characters [invalid-params]');
    });

    it('should return an error when trying to use the joinDefaultChannels param, which is not intended for updates', async () => {
      const b = await expectStatus(await update({ joinDefaultChannels: true }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('errorType', 'invalid-params');
      expect(b).toHaveProperty('error', 'must NOT have additional properties [invalid-params]');
    });

    it("should update a bot's email", async () => {
      const b = await expectStatus(await update({ email: 'nouser@rocket.cat' }, 'rocket.cat'), 200);
      expect(b).toHaveProperty('success', true);
    });

    it("should verify user's email by userId", async () => {
      const b = await expectStatus(await update({ verified: true }), 200);
      expect(b).toHaveProperty('success', true);
      expect(b).toHaveProperty(['user', 'emails', 0, 'verified'], true);
      expect(b).not.toHaveProperty('user.e2e');
    });

    // The vendor's twelve "not allowed" / "when the required permission is applied" pairs.
    it.each<[string, string, string, Record<string, unknown>, string[], number]>([
      ['should return an error when trying update username and it is not allowed', 'edit-other-user-info', 'Accounts_AllowUsernameChange', { username: 'fake.name' }, ['user'], 400],
      ['should update the user name when the required permission is applied', 'edit-other-user-info', 'Accounts_AllowUsernameChange', { username: `fake.name.${Date.now()}` }, ['admin'], 200],
      ['should return an error when trying update user real name and it is not allowed', 'edit-other-user-info', 'Accounts_AllowRealNameChange', { name: 'Fake name' }, ['user'], 400],
      ['should update user real name when the required permission is applied', 'edit-other-user-info', 'Accounts_AllowRealNameChange', { name: 'Fake name' }, ['admin'], 200],
      ['should return an error when trying update user status message and it is not allowed', 'edit-other-user-info', 'Accounts_AllowUserStatusMessageChange', { statusMessage: 'a new status' }, ['user'], 400],
      ['should update user status message when the required permission is applied', 'edit-other-user-info', 'Accounts_AllowUserStatusMessageChange', { name: 'a new status' }, ['admin'], 200],
      ['should return an error when trying update user email and it is not allowed', 'edit-other-user-info', 'Accounts_AllowEmailChange', { email: 'itsnotworking@email.com' }, ['user'], 400],
      ['should update user email when the required permission is applied', 'edit-other-user-info', 'Accounts_AllowEmailChange', { email: apiEmail }, ['admin'], 200],
      ['should return an error when trying update user password and it is not allowed', 'edit-other-user-password', 'Accounts_AllowPasswordChange', { password: 'itsnotworking' }, ['user'], 400],
      ['should update user password when the required permission is applied', 'edit-other-user-password', 'Accounts_AllowPasswordChange', { password: 'itsnotworking' }, ['admin'], 200],
      ['should return an error when trying update profile and it is not allowed', 'edit-other-user-info', 'Accounts_AllowUserProfileChange', { verified: true }, ['user'], 400],
      ['should update profile when the required permission is applied', 'edit-other-user-info', 'Accounts_AllowUserProfileChange', { verified: true }, ['admin'], 200],
    ])('%s', async (_title, permission, setting, data, roles, status) => {
      await run.updatePermission(permission, roles);
      await run.updateSetting(setting, false);
      const b = await expectStatus(await update(data), status);
      expect(b).toHaveProperty('success', status === 200);
    });

    describe('email verification', () => {
      let admin: User;
      let userToUpdate: User;
      let userCredentials: Headers;

      beforeEach(async () => {
        admin = await run.createUser({ roles: ['admin'] });
        userToUpdate = await run.createUser();
        userCredentials = await run.login(admin.username, PASSWORD);
      });

      afterEach(async () => {
        await run.deleteUser(userToUpdate);
        await run.deleteUser(admin);
      });

      it.each<[string, boolean]>([
        ["should update user's email verified correctly", false],
        ["should update user's email verified even if email is not changed", true],
      ])('%s', async (_title, withEmail) => {
        const data = { ...(withEmail && { email: userToUpdate.emails?.[0]?.address }), verified: true };
        const b = await expectStatus(await update(data, userToUpdate._id, userCredentials), 200);
        expect(b).toHaveProperty('success', true);
        expect(b).toHaveProperty(['user', 'emails', 0, 'verified'], true);
        expect(b).not.toHaveProperty('user.e2e');
      });
    });

    it.each(RESERVED_WORDS)('should not update an user if the new username is the reserved word %s', async (name) => {
      const b = await expectStatus(await update({ username: name }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error', 'Could not save user identity [error-could-not-save-identity]');
    });
  });

  describe('[/users.delete]', () => {
    let newUser: User;
    beforeAll(async () => {
      newUser = await run.createUser();
    });
    afterAll(async () => {
      await run.deleteUser(newUser);
      await run.updatePermission('delete-user', ['admin']);
    });

    it('should return an error when trying delete user account without "delete-user" permission', async () => {
      await run.updatePermission('delete-user', ['user']);
      const b = await expectStatus(await run.post('users.delete', run.credentials, { userId: targetUser._id }), 403);
      expect(b).toHaveProperty('success', false);
      expect(b).toHaveProperty('error', 'User does not have the permissions required for this action [error-unauthorized]');
    });

    it('should delete user account when logged user has "delete-user" permission', async () => {
      await run.updatePermission('delete-user', ['admin']);
      const b = await expectStatus(await run.post('users.delete', run.credentials, { userId: newUser._id }), 200);
      expect(b).toHaveProperty('success', true);
    });
  });

  // "should update my own status" and "should update another user status succesfully" also read
  // users.getStatus (not modelled) and are left out. "…with an invalid status" expects the 7.x
  // route's error-invalid-status; the twin follows the 8.x typed route, whose body schema refuses
  // the status first (invalid-params), so it is left out too.
  describe('[/users.setStatus]', () => {
    let user: User;
    beforeAll(async () => {
      user = await run.createUser();
    });
    afterAll(async () => {
      await run.deleteUser(user);
      await run.updateSetting('Accounts_AllowUserStatusMessageChange', true);
    });

    it('should return an error when the setting "Accounts_AllowUserStatusMessageChange" is disabled', async () => {
      await run.updateSetting('Accounts_AllowUserStatusMessageChange', false);
      const b = await expectStatus(await run.post('users.setStatus', run.credentials, { status: 'busy', message: '' }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b.errorType).toBe('error-not-allowed');
      expect(b.error).toBe('Change status is not allowed [error-not-allowed]');
    });

    it('should return an error when trying to update other user status without the required permission', async () => {
      await run.updateSetting('Accounts_AllowUserStatusMessageChange', true);
      await run.updatePermission('edit-other-user-info', []);
      const b = await expectStatus(await run.post('users.setStatus', run.credentials, { status: 'busy', message: 'test', userId: user._id }), 403);
      expect(b).toHaveProperty('success', false);
      expect(b.error).toBe('unauthorized');
      await run.updatePermission('edit-other-user-info', ['admin']);
    });

    it('should return an error when user changes status to offline and "Accounts_AllowInvisibleStatusOption" is disabled', async () => {
      await run.updateSetting('Accounts_AllowInvisibleStatusOption', false);
      const b = await expectStatus(await run.post('users.setStatus', run.credentials, { status: 'offline' }), 400);
      expect(b).toHaveProperty('success', false);
      expect(b.errorType).toBe('error-status-not-allowed');
      expect(b.error).toBe('Invisible status is disabled [error-status-not-allowed]');
      await run.updateSetting('Accounts_AllowInvisibleStatusOption', true);
    });

    it('should return an error when the payload is missing all supported fields', async () => {
      const b = await expectStatus(await run.post('users.setStatus', run.credentials, {}), 400);
      expect(b).toHaveProperty('success', false);
      expect(b.error).toBe('Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation');
    });
  });

  describe('[/users.logout]', () => {
    let user: User;
    let otherUser: User;
    let userCredentials: Headers;

    beforeAll(async () => {
      user = await run.createUser();
      otherUser = await run.createUser();
      userCredentials = await run.login(user.username, PASSWORD);
    });
    afterAll(async () => {
      await run.deleteUser(user);
      await run.deleteUser(otherUser);
      await run.updatePermission('logout-other-user', ['admin']);
    });

    it('should throw unauthorized error to user w/o "logout-other-user" permission', async () => {
      await run.updatePermission('logout-other-user', []);
      await expectStatus(await run.post('users.logout', run.credentials, { userId: otherUser._id }), 403);
    });

    it('should logout other user', async () => {
      await run.updatePermission('logout-other-user', ['admin']);
      await expectStatus(await run.post('users.logout', run.credentials, { userId: otherUser._id }), 200);
    });

    it('should logout the requester', async () => {
      await run.updatePermission('logout-other-user', []);
      await expectStatus(await run.post('users.logout', userCredentials), 200);
    });
  });
});
