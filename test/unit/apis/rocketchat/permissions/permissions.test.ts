import { describe, expect, it } from 'vitest';
import { checkListAllQuery, listPermissions } from '../../../../../src/apis/rocketchat/permissions/list-all.ts';
import { updatePermissions } from '../../../../../src/apis/rocketchat/permissions/update-permissions.ts';
import { createPrivateGroup } from '../../../../../src/apis/rocketchat/rooms/create-group.ts';
import { rocketchatHeaders } from '../../../../../src/apis/rocketchat/wire.ts';
import { DEFAULT_PERMISSIONS } from '../../../../../src/apis/rocketchat/defaults/permissions.ts';
import { ByteBudget, Meter } from '../../../../../src/core/byte-budget.ts';
import { authHeaders, call, expectDocumented, freshSession, freshStore, pinnedDeps, userOf } from '../support.ts';

const ADMIN_ID = 'rocketchat.internal.admin.test';

/** The admin's headers in `session` (the fixture admin has no fixed token: log in). */
function adminHeaders(session: ReturnType<typeof freshSession>): Record<string, string> {
  const res = call(session, 'login', { body: { user: ADMIN_ID, password: ADMIN_ID }, headers: {} });
  const { data } = res.body as { data: { userId: string; authToken: string } };
  return authHeaders(data.userId, data.authToken);
}

describe('permissions.listAll', () => {
  it('the query schema: only updatedSince, a string (a one-element array is unwrapped)', () => {
    expect(checkListAllQuery({})).toEqual({ ok: true, value: undefined });
    expect(checkListAllQuery({ updatedSince: ['2024-01-01'] })).toEqual({ ok: true, value: '2024-01-01' });
    const extra = { success: false, errorType: 'error-invalid-params', error: 'must NOT have additional properties' };
    expect(checkListAllQuery({ since: 'x' })).toEqual({ ok: false, error: extra });
    expect(checkListAllQuery({ updatedSince: ['a', 'b'] })).toEqual({ ok: false, error: { success: false, errorType: 'error-invalid-params', error: 'must be string' } });
  });

  it('every permission without updatedSince (or an empty one); strictly later ones with it', () => {
    const store = freshStore();
    const all = listPermissions(store, undefined);
    expect(all.ok && all.value.update.map((p) => p._id)).toEqual(expect.arrayContaining(Object.keys(DEFAULT_PERMISSIONS)));
    expect(listPermissions(store, '')).toEqual(all);
    expect(updatePermissions(store, pinnedDeps('2025-03-01T00:00:00.000Z'), [{ _id: 'create-p', roles: ['admin'] }]).ok).toBe(true);
    const since = listPermissions(store, '2025-02-01');
    expect(since).toEqual({ ok: true, value: { update: [{ _id: 'create-p', roles: ['admin'], _updatedAt: '2025-03-01T00:00:00.000Z' }], remove: [] } });
    // $gt: a change at exactly updatedSince is not listed.
    expect(listPermissions(store, '2025-03-01T00:00:00.000Z')).toEqual({ ok: true, value: { update: [], remove: [] } });
  });

  it('an updatedSince Date.parse cannot read is the vendor error-roomId-param-invalid', () => {
    expect(listPermissions(freshStore(), 'yesterday')).toEqual({
      ok: false,
      error: {
        success: false,
        error: 'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
        errorType: 'error-roomId-param-invalid',
      },
    });
  });

  it('needs no permission; the router error is answered without the route cache headers', async () => {
    const session = freshSession();
    const limited = call(session, 'permissionsListAll', { headers: authHeaders('vWxKq8Rm3NbTz5Hye', 'limited-user-token-6bM2qX8vR4tN9wK3pZ7yH5jD1fG') });
    expect(limited.status).toBe(200);
    await expectDocumented('permissionsListAll', limited);
    const routed = call(session, 'permissionsListAll', { query: { foo: '1' } });
    expect(routed.status).toBe(400);
    await expectDocumented('permissionsListAll', routed);
    expect(rocketchatHeaders(routed)['cache-control']).toBeUndefined();
    const action = call(session, 'permissionsListAll', { query: { updatedSince: 'nope' } });
    await expectDocumented('permissionsListAll', action);
    expect(rocketchatHeaders(action)['cache-control']).toBe('no-store');
  });
});

describe('permissions.update', () => {
  it('checks permissions, then roles (de-duplicated), and changes nothing on failure', () => {
    const store = freshStore();
    const deps = pinnedDeps();
    const invalidPermission = { ok: false, error: { success: false, error: 'Invalid permission', errorType: 'error-invalid-permission' } };
    const invalidRole = { ok: false, error: { success: false, error: 'Invalid role', errorType: 'error-invalid-role' } };
    expect(updatePermissions(store, deps, [{ _id: 'create-p', roles: ['admin'] }, { _id: 'no-such', roles: ['nobody'] }])).toEqual(invalidPermission);
    // The same _id twice finds one document for two items: Invalid permission too.
    expect(updatePermissions(store, deps, [{ _id: 'create-p', roles: [] }, { _id: 'create-p', roles: ['admin'] }])).toEqual(invalidPermission);
    expect(updatePermissions(store, deps, [{ _id: 'create-p', roles: ['admin', 'nobody'] }])).toEqual(invalidRole);
    expect(store.authz.permission('create-p')?.roles).toEqual(['admin', 'user', 'bot', 'app']);
  });

  it('replaces the roles, so the next groups.create follows them (roles held by users and in rooms)', () => {
    const store = freshStore();
    const deps = pinnedDeps();
    const tester = userOf(store, 'tester');
    expect(updatePermissions(store, deps, [{ _id: 'create-p', roles: ['admin', 'bot', 'app'] }])).toEqual({ ok: true, value: undefined });
    expect(store.authz.permission('create-p')).toEqual({ _id: 'create-p', roles: ['admin', 'bot', 'app'], _updatedAt: '2025-01-15T10:00:00.000Z' });
    const refused = createPrivateGroup(store, deps, tester, { name: 'no-create-p' });
    expect(refused.ok || refused.error.errorType).toBe('error-not-allowed');
    expect(updatePermissions(store, deps, [{ _id: 'create-p', roles: ['admin', 'user', 'bot', 'app'] }]).ok).toBe(true);
    expect(createPrivateGroup(store, deps, tester, { name: 'create-p-again' }).ok).toBe(true);
    // A room role: owners of the team's main room may create groups in it until create-team-group leaves 'owner'.
    expect(updatePermissions(store, deps, [{ _id: 'create-team-group', roles: ['admin'] }]).ok).toBe(true);
    const inTeam = createPrivateGroup(store, deps, tester, { name: 'in-team', extraData: { teamId: '658441562dd9f928ad9951aa' } });
    expect(inTeam.ok || inTeam.error.errorType).toBe('error-not-allowed');
  });

  it('taking access-federation from the user role refuses federated rooms', () => {
    const store = freshStore();
    const deps = pinnedDeps();
    const tester = userOf(store, 'tester');
    expect(updatePermissions(store, deps, [{ _id: 'access-federation', roles: ['admin'] }]).ok).toBe(true);
    const refused = createPrivateGroup(store, deps, tester, { name: 'fed', extraData: { federated: true } });
    expect(refused.ok || refused.error.errorType).toBe('error-not-authorized-federation');
  });

  it('all or nothing against the byte budget', () => {
    const store = freshStore(undefined, new Meter(new ByteBudget(1)));
    const many = Array.from({ length: 2000 }, (_, i) => `role-${i}`);
    expect(store.authz.replacePermissionRoles([{ _id: 'create-p', roles: many }], 'x')).toBe(false);
    expect(store.authz.permission('create-p')?.roles).toEqual(['admin', 'user', 'bot', 'app']);
    expect(store.authz.replacePermissionRoles([{ _id: 'nope', roles: [] }], 'x')).toBe(false);
    // Shorter lists always fit.
    expect(store.authz.replacePermissionRoles([{ _id: 'create-p', roles: [] }], 'x')).toBe(true);
  });

  it('through the session: 403 without access-permissions, router 400 without cache headers, 200 lists all', async () => {
    const session = freshSession();
    const forbidden = call(session, 'permissionsUpdate', { body: { permissions: [] } });
    expect(forbidden).toMatchObject({ status: 403 });
    await expectDocumented('permissionsUpdate', forbidden);
    const admin = adminHeaders(session);
    const bad = call(session, 'permissionsUpdate', { headers: admin, body: {} });
    expect(bad.body).toEqual({ success: false, errorType: 'invalid-params', error: "must have required property 'permissions'" });
    expect(rocketchatHeaders(bad)['cache-control']).toBeUndefined();
    await expectDocumented('permissionsUpdate', bad);
    const unknownRole = call(session, 'permissionsUpdate', { headers: admin, body: { permissions: [{ _id: 'create-p', roles: ['ghost'] }] } });
    expect(unknownRole.body).toEqual({ success: false, error: 'Invalid role', errorType: 'error-invalid-role' });
    expect(rocketchatHeaders(unknownRole)['cache-control']).toBe('no-store');
    const ok = call(session, 'permissionsUpdate', { headers: admin, body: { permissions: [{ _id: 'create-p', roles: ['admin'] }] } });
    expect(ok.status).toBe(200);
    await expectDocumented('permissionsUpdate', ok);
    const listed = (ok.body as { permissions: { _id: string; roles: string[] }[] }).permissions;
    const all = call(session, 'permissionsListAll', { headers: admin }).body as { update: unknown[] };
    expect(listed).toEqual(all.update);
    expect(listed.find((p) => p._id === 'create-p')?.roles).toEqual(['admin']);
  });
});

describe('changed permissions and settings in the exported state', () => {
  it('round-trip through GET /__admin/state', async () => {
    const { exportRocketChatState } = await import('../../../../../src/apis/rocketchat/export-state.ts');
    const store = freshStore();
    expect(updatePermissions(store, pinnedDeps(), [{ _id: 'create-p', roles: ['admin'] }]).ok).toBe(true);
    store.settings.set('E2E_Enable', true);
    const state = exportRocketChatState(store);
    expect(state.permissions).toContainEqual({ _id: 'create-p', roles: ['admin'] });
    expect(state.settings).toEqual({ E2E_Enable: true });
  });
});
