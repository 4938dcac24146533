import { beforeAll, describe, expect, it } from 'vitest';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, rc, TIMESTAMP } from './rocketchat-client.ts';
import { adminIn, expectMiddlewareHeaders, expectRouteHeaders, ownSession, rolesOf, updatePermission } from './perms-settings-client.ts';

/** GET permissions.listAll (`apps/meteor/server/api/v1/permissions.ts`; research notes issue 10 §5.1). */
const session = ownSession();
let admin: Record<string, string> = {};
beforeAll(async () => {
  admin = await adminIn(session);
});

function listAll(headers: Record<string, string>, query?: Record<string, string>) {
  return rc('permissionsListAll', 'permissions.listAll', { headers, ...(query ? { query } : {}) });
}

describe('GET /api/v1/permissions.listAll', () => {
  it('200: every permission with its roles and remove:[]; any logged-in user may list', async () => {
    for (const headers of [admin, { ...session, ...auth() }, { ...session, ...LIMITED }]) {
      const res = await listAll(headers);
      expect(res.status).toBe(200);
      expectRouteHeaders(res);
      const body = bodyOf(res, 'PermissionsListAllResponse');
      expect(Object.keys(body)).toEqual(['update', 'remove', 'success']);
      expect([body.remove, body.success]).toEqual([[], true]);
      const byId = new Map(body.update.map((p) => [p._id, p]));
      const access = byId.get('access-permissions');
      expect(access && Object.keys(access)).toEqual(['_id', '_updatedAt', 'roles']);
      expect(access?.roles).toEqual(['admin']);
      expect(access?._updatedAt).toMatch(TIMESTAMP);
      expect(byId.get('create-p')?.roles).toEqual(expect.arrayContaining(['admin', 'user', 'bot', 'app']));
      expect(byId.get('edit-privileged-setting')?.roles).toEqual(['admin']);
    }
  });

  it('updatedSince: only permissions changed strictly after it', async () => {
    const roles = await rolesOf(admin, 'create-p');
    // Re-saving the same roles stamps the permission with the server's clock.
    const changed = (await updatePermission(admin, 'create-p', roles)).find((p) => p._id === 'create-p');
    expect(changed?._updatedAt).toMatch(TIMESTAMP);
    const at = Date.parse(changed?._updatedAt ?? '');
    const before = await listAll(admin, { updatedSince: new Date(at - 1).toISOString() });
    expect(before.status).toBe(200);
    expectRouteHeaders(before);
    const since = bodyOf(before, 'PermissionsListAllResponse');
    expect(since.update.find((p) => p._id === 'create-p')).toEqual(changed);
    expect(since.remove).toEqual([]);
    const exact = bodyOf(await listAll(admin, { updatedSince: new Date(at).toISOString() }), 'PermissionsListAllResponse');
    expect(exact.update.find((p) => p._id === 'create-p')).toBeUndefined();
    // An empty updatedSince is no filter.
    const empty = bodyOf(await listAll(admin, { updatedSince: '' }), 'PermissionsListAllResponse');
    expect(empty.update.some((p) => p._id === 'access-permissions')).toBe(true);
  });

  it('400: an updatedSince that is not a date (the vendor code says error-roomId-param-invalid)', async () => {
    const res = await listAll(admin, { updatedSince: 'not a date' });
    expect([res.status, res.json]).toEqual([
      400,
      {
        success: false,
        error: 'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
        errorType: 'error-roomId-param-invalid',
      },
    ]);
    expectRouteHeaders(res);
  });

  it('400: another query key is refused by the router (no cache headers)', async () => {
    const res = await listAll(admin, { since: '2024-01-01' });
    expect([res.status, res.json]).toEqual([400, { success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' }]);
    expectMiddlewareHeaders(res);
  });

  it('401: no or bad credentials, before the query is looked at', async () => {
    for (const headers of [session, { ...session, ...auth(undefined, 'nope') }]) {
      const res = await listAll(headers, { since: 'x' });
      expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
      expectMiddlewareHeaders(res);
    }
  });
});
