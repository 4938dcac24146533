import { expect } from 'vitest';
import { uniqueName, type WireResponse } from '../../support/http.ts';
import { auth, bodyOf, rc, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the permissions and settings contract tests, after the vendor's e2e helpers
 * (`apps/meteor/tests/data/permissions.helper.ts`: `updatePermission`, `updateSetting`,
 * `getSettingValueById`). Every change is undone by the test that made it.
 *
 * Permissions and settings are workspace-wide: taking `create-p` from the `user` role would fail
 * the groups.* tests other files run at the same time. So these tests run in a mock session of
 * their own (`X-Mock-Session`, which a real server ignores; run the suite serially there).
 */

export const ADMIN_USERNAME = 'rocketchat.internal.admin.test';

/** A session of its own for one test file: merge into every request's headers. */
export function ownSession(): Record<string, string> {
  return { 'X-Mock-Session': uniqueName('perms-settings') };
}

/** Logs the vendor CI's admin in within `session` and returns its credentials (plus the session). */
export async function adminIn(session: Record<string, string>): Promise<Record<string, string>> {
  const res = await rc('login', 'login', { headers: session, json: { user: ADMIN_USERNAME, password: ADMIN_USERNAME } });
  expect(res.status, res.text).toBe(200);
  const { data } = bodyOf(res, 'LoginResponse');
  return { ...session, ...auth(data.userId, data.authToken) };
}

/** A route's answer carries exactly the router's content type and cache headers. */
export function expectRouteHeaders(res: WireResponse): void {
  expect([res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('pragma')]).toEqual(['application/json', 'no-store', 'no-cache']);
}

/** A middleware's (or the router's validation) answer: Hono's `c.json`, so no cache headers. */
export function expectMiddlewareHeaders(res: WireResponse): void {
  expect([res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('pragma')]).toEqual(['application/json', null, null]);
}

/** updatePermission(permission, roles): POST permissions.update for one permission; expects 200. */
export async function updatePermission(admin: Record<string, string>, permission: string, roles: readonly string[]): Promise<Schemas['PermissionsPermission'][]> {
  const res = await rc('permissionsUpdate', 'permissions.update', { headers: admin, json: { permissions: [{ _id: permission, roles }] } });
  expect(res.status, res.text).toBe(200);
  expectRouteHeaders(res);
  return bodyOf(res, 'PermissionsUpdateResponse').permissions;
}

/** The roles `permission` is granted to now (from permissions.listAll). */
export async function rolesOf(admin: Record<string, string>, permission: string): Promise<string[]> {
  const res = await rc('permissionsListAll', 'permissions.listAll', { headers: admin });
  expect(res.status, res.text).toBe(200);
  const found = bodyOf(res, 'PermissionsListAllResponse').update.find((p) => p._id === permission);
  expect(found, permission).toBeDefined();
  return found?.roles ?? [];
}

/** Runs `body` with `permission` granted to exactly `roles`, then puts the previous roles back. */
export async function withPermission(admin: Record<string, string>, permission: string, roles: readonly string[], body: () => Promise<void>): Promise<void> {
  const before = await rolesOf(admin, permission);
  await updatePermission(admin, permission, roles);
  try {
    await body();
  } finally {
    await updatePermission(admin, permission, before);
  }
}

/** getSettingValueById(setting): GET settings/:_id; expects 200. */
export async function getSettingValueById(admin: Record<string, string>, setting: string): Promise<unknown> {
  const res = await rc('settingsGet', `settings/${setting}`, { headers: admin });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'SettingsValueResponse').value;
}

/** updateSetting(setting, value): POST settings/:_id with `{value}`; expects 200 `{success:true}`. */
export async function updateSetting(admin: Record<string, string>, setting: string, value: unknown): Promise<void> {
  const res = await rc('settingsPost', `settings/${setting}`, { headers: admin, json: { value } });
  expect([res.status, res.json], setting).toEqual([200, { success: true }]);
  expectRouteHeaders(res);
}

/** Runs `body` with the given settings, then restores each one's previous value. */
export async function withSettings(admin: Record<string, string>, values: Readonly<Record<string, unknown>>, body: () => Promise<void>): Promise<void> {
  const before: [string, unknown][] = [];
  try {
    for (const [id, value] of Object.entries(values)) {
      before.push([id, await getSettingValueById(admin, id)]);
      await updateSetting(admin, id, value);
    }
    await body();
  } finally {
    for (const [id, value] of before.reverse()) await updateSetting(admin, id, value);
  }
}
