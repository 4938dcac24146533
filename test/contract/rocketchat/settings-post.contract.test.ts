import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { auth, bodyOf, NOT_LOGGED_IN, oversizedJson, rc, roomName, TOO_LARGE, type Schemas } from './rocketchat-client.ts';
import { adminIn, expectMiddlewareHeaders, expectRouteHeaders, getSettingValueById, ownSession, updateSetting, withSettings } from './perms-settings-client.ts';

/** POST settings/:_id (`apps/meteor/server/api/v1/settings.ts`; research notes issue 10 §6.2) and what the settings change. */
const session = ownSession();
const tester = { ...session, ...auth() };
let admin: Record<string, string> = {};
beforeAll(async () => {
  admin = await adminIn(session);
});

function post(headers: Record<string, string>, id: string, json: unknown) {
  return rc('settingsPost', `settings/${id}`, { headers, json });
}

function createAs(headers: Record<string, string>, body: Record<string, unknown>) {
  return rc('groupsCreate', 'groups.create', { headers, json: body });
}

function invalidRoomName(name: string): Schemas['Failure'] {
  return {
    success: false,
    error: `${name} is not a valid room name. [error-invalid-room-name]`,
    errorType: 'error-invalid-room-name',
    details: { function: 'RocketChat.getValidRoomName', channel_name: name },
  };
}

describe('POST /api/v1/settings/:_id', () => {
  it('200 {success:true}; the next GET reads the new value; restored afterwards', async () => {
    const res = await post(admin, 'API_Default_Count', { value: 7 });
    expect([res.status, res.json]).toEqual([200, { success: true }]);
    expectRouteHeaders(res);
    expect(await getSettingValueById(admin, 'API_Default_Count')).toBe(7);
    await updateSetting(admin, 'API_Default_Count', 50);
    expect(await getSettingValueById(admin, 'API_Default_Count')).toBe(50);
  });

  it('400 {success:false}: unknown or hidden id, or a body without value', async () => {
    for (const [id, json] of [
      ['No_Such_Setting', { value: true }],
      ['Accounts_SystemBlockedUsernameList', { value: '' }],
      ['E2E_Enable', {}],
      ['E2E_Enable', { val: true }],
    ] as const) {
      const res = await post(admin, id, json);
      expect([res.status, res.json], `${id} ${JSON.stringify(json)}`).toEqual([400, { success: false }]);
      expectRouteHeaders(res);
    }
    expect(await getSettingValueById(admin, 'E2E_Enable')).toBe(false);
  });

  it('400 invalid-params from the router (no cache headers), before the id is looked up', async () => {
    for (const [id, json, error] of [
      ['E2E_Enable', { value: true, execute: 'maybe' }, 'must be boolean'],
      ['E2E_Enable', { value: true, editor: { color: 1 } }, 'must be string'],
      ['No_Such_Setting', { execute: [] }, 'must be boolean'],
    ] as const) {
      const res = await post(admin, id, json);
      expect([res.status, res.json]).toEqual([400, { success: false, errorType: 'invalid-params', error }]);
      expectMiddlewareHeaders(res);
    }
    expect(await getSettingValueById(admin, 'E2E_Enable')).toBe(false);
  });

  it('403 without edit-privileged-setting, 401 without credentials', async () => {
    const forbidden = await post(tester, 'E2E_Enable', { value: true });
    expect([forbidden.status, forbidden.json]).toEqual([403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }]);
    expectMiddlewareHeaders(forbidden);
    const anonymous = await post(session, 'No_Such_Setting', { execute: [] });
    expect([anonymous.status, anonymous.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(anonymous);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('settingsPost', 'settings/E2E_Enable', { headers: { ...admin, 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});

describe('settings that change what the modelled endpoints answer', () => {
  it('E2E_Enable + E2E_Enabled_Default_PrivateRooms: groups.create answers encrypted:true (groups.ts "E2E enabled by default")', async () => {
    const plain = bodyOf(await createAs(tester, { name: roomName('not-encrypted') }), 'GroupResponse').group;
    expect(plain.encrypted).toBeUndefined();
    await withSettings(admin, { E2E_Enable: true, E2E_Enabled_Default_PrivateRooms: true }, async () => {
      const res = await createAs(tester, { name: roomName('default-encrypted') });
      expect(res.status).toBe(200);
      expect(bodyOf(res, 'GroupResponse').group.encrypted).toBe(true);
      // groups.ts "should create a new encrypted group", and a client that says no.
      expect(bodyOf(await createAs(tester, { name: roomName('encrypted'), extraData: { encrypted: true } }), 'GroupResponse').group.encrypted).toBe(true);
      expect(bodyOf(await createAs(tester, { name: roomName('declined'), extraData: { encrypted: false } }), 'GroupResponse').group.encrypted).toBe(false);
    });
    expect(bodyOf(await createAs(tester, { name: roomName('plain-again') }), 'GroupResponse').group.encrypted).toBeUndefined();
  });

  it('UI_Allow_room_names_with_special_chars: a display name with spaces; name is its slug, fname the name as sent', async () => {
    const display = `Sales Room ${uniqueName('sc')}`;
    const slug = display.replaceAll(' ', '-');
    await withSettings(admin, { UI_Allow_room_names_with_special_chars: true }, async () => {
      const res = await createAs(tester, { name: display });
      expect(res.status).toBe(200);
      expectRouteHeaders(res);
      expect(bodyOf(res, 'GroupResponse').group).toMatchObject({ name: slug, fname: display, t: 'p' });
      const again = await createAs(tester, { name: display });
      expect([again.status, again.json]).toEqual([
        400,
        {
          success: false,
          error: `A channel with name '${slug}' exists [error-duplicate-channel-name]`,
          errorType: 'error-duplicate-channel-name',
          details: { function: 'RocketChat.getValidRoomName', channel_name: slug },
        },
      ]);
      // Another display name with the same slug gets the next free one.
      const twin = await createAs(tester, { name: slug });
      expect(bodyOf(twin, 'GroupResponse').group).toMatchObject({ name: `${slug}-1`, fname: slug });
    });
    const other = `Sales Room ${uniqueName('off')}`;
    const off = await createAs(tester, { name: other });
    expect([off.status, off.json]).toEqual([400, invalidRoomName(other)]);
  });

  it('UTF8_Channel_Names_Validation: the pattern every name must match, anchored', async () => {
    const spaced = `with space ${uniqueName('re')}`;
    await withSettings(admin, { UTF8_Channel_Names_Validation: '[0-9a-zA-Z-_. ]+' }, async () => {
      const res = await createAs(tester, { name: spaced });
      expect(res.status).toBe(200);
      expect(bodyOf(res, 'GroupResponse').group).toMatchObject({ name: spaced, fname: spaced });
    });
    await withSettings(admin, { UTF8_Channel_Names_Validation: '[a-z]+' }, async () => {
      const upper = `Upper${uniqueName('x').replaceAll(/[^a-z]/g, '')}`;
      const res = await createAs(tester, { name: upper });
      expect([res.status, res.json]).toEqual([400, invalidRoomName(upper)]);
    });
    const back = `with space ${uniqueName('re')}`;
    expect((await createAs(tester, { name: back })).json).toEqual(invalidRoomName(back));
  });

  it('API_Default_Count, API_Upper_Count_Limit, API_Allow_Infinite_Count: groups.list pages', async () => {
    for (let i = 0; i < 3; i += 1) expect((await createAs(tester, { name: roomName('page') })).status).toBe(200);
    const list = async (query?: Record<string, string>) => {
      const res = await rc('groupsList', 'groups.list', { headers: tester, ...(query ? { query } : {}) });
      expect(res.status).toBe(200);
      expectRouteHeaders(res);
      return bodyOf(res, 'GroupsListResponse');
    };
    const { total } = await list({ count: '0' });
    expect(total).toBeGreaterThanOrEqual(3);
    await withSettings(admin, { API_Default_Count: 2 }, async () => {
      expect(await list()).toMatchObject({ count: 2, offset: 0, total });
      expect((await list({ count: '0' })).count).toBe(total);
      await withSettings(admin, { API_Allow_Infinite_Count: false }, async () => {
        expect((await list({ count: '0' })).count).toBe(2);
      });
      await withSettings(admin, { API_Upper_Count_Limit: 1 }, async () => {
        expect((await list({ count: '3' })).count).toBe(1);
        expect((await list()).count).toBe(1);
      });
    });
    expect((await list()).count).toBe(Math.min(total, 50));
  });

  it('Accounts_Default_User_Preferences_* show in /me; Site_Url makes its avatarUrl', async () => {
    const me = async () => {
      const res = await rc('me', 'me', { headers: tester });
      expect(res.status).toBe(200);
      return bodyOf(res, 'MeResponse');
    };
    const before = await me();
    expect(before.settings.preferences.sidebarViewMode).toBe('medium');
    await withSettings(admin, { Accounts_Default_User_Preferences_sidebarViewMode: 'condensed', Accounts_Default_User_Preferences_idleTimeLimit: 600, Site_Url: 'https://chat.example.test/' }, async () => {
      const after = await me();
      expect(after.settings.preferences).toEqual({ ...before.settings.preferences, sidebarViewMode: 'condensed', idleTimeLimit: 600 });
      expect(after.avatarUrl).toBe('https://chat.example.test/avatar/tester');
    });
    expect(await me()).toEqual(before);
  });
});
