import { beforeAll, describe, expect, it } from 'vitest';
import { auth, NOT_LOGGED_IN, rc } from './rocketchat-client.ts';
import { adminIn, expectMiddlewareHeaders, expectRouteHeaders, ownSession } from './perms-settings-client.ts';

/** GET settings/:_id (`apps/meteor/server/api/v1/settings.ts`; research notes issue 10 §6.1). */
const session = ownSession();
let admin: Record<string, string> = {};
beforeAll(async () => {
  admin = await adminIn(session);
});

function get(headers: Record<string, string>, id: string) {
  return rc('settingsGet', `settings/${id}`, { headers });
}

describe('GET /api/v1/settings/:_id', () => {
  it.each<[string, unknown]>([
    ['E2E_Enable', false],
    ['API_Upper_Count_Limit', 100],
    ['UTF8_Channel_Names_Validation', '[0-9a-zA-Z-_.]+'],
  ])('200: {_id, value, success} of %s', async (id, value) => {
    const res = await get(admin, id);
    expect([res.status, res.json]).toEqual([200, { _id: id, value, success: true }]);
    expectRouteHeaders(res);
  });

  it('the id is percent-decoded', async () => {
    const res = await get(admin, 'E2E%5FEnable');
    expect([res.status, res.json]).toEqual([200, { _id: 'E2E_Enable', value: false, success: true }]);
  });

  it.each(['No_Such_Setting', 'Accounts_SystemBlockedUsernameList'])('400: the bare {success:false} for an unknown or hidden id (%s)', async (id) => {
    const res = await get(admin, id);
    expect([res.status, res.json]).toEqual([400, { success: false }]);
    expectRouteHeaders(res);
  });

  it('403 without view-privileged-setting', async () => {
    const res = await get({ ...session, ...auth() }, 'E2E_Enable');
    expect([res.status, res.json]).toEqual([403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }]);
    expectMiddlewareHeaders(res);
  });

  it('401 without credentials, whatever the id', async () => {
    for (const id of ['E2E_Enable', 'No_Such_Setting']) {
      const res = await get(session, id);
      expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
      expectMiddlewareHeaders(res);
    }
  });
});
