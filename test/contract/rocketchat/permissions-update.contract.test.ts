import { beforeAll, describe, expect, it } from 'vitest';
import { auth, bodyOf, LIMITED, NOT_LOGGED_IN, notAllowed, oversizedJson, rc, roomName, TIMESTAMP, TOO_LARGE, type Schemas } from './rocketchat-client.ts';
import { adminIn, expectMiddlewareHeaders, expectRouteHeaders, ownSession, rolesOf, updatePermission, withPermission } from './perms-settings-client.ts';

/** POST permissions.update (`apps/meteor/server/api/v1/permissions.ts`; research notes issue 10 §5.2). */
const session = ownSession();
const tester = { ...session, ...auth() };
const limited = { ...session, ...LIMITED };
let admin: Record<string, string> = {};
beforeAll(async () => {
  admin = await adminIn(session);
});

function update(headers: Record<string, string>, json: unknown) {
  return rc('permissionsUpdate', 'permissions.update', { headers, json });
}

function createAs(headers: Record<string, string>, body: Record<string, unknown>) {
  return rc('groupsCreate', 'groups.create', { headers, json: body });
}

const PERMISSIONS_REQUIRED: Schemas['Failure'] = { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' };
const INVALID_PERMISSION: Schemas['Failure'] = { success: false, error: 'Invalid permission', errorType: 'error-invalid-permission' };
const INVALID_ROLE: Schemas['Failure'] = { success: false, error: 'Invalid role', errorType: 'error-invalid-role' };

describe('POST /api/v1/permissions.update 200', () => {
  it('replaces the roles and answers every permission, as listAll lists them', async () => {
    const before = await rolesOf(admin, 'mail-messages');
    const res = await update(admin, { permissions: [{ _id: 'mail-messages', roles: ['admin', 'user'] }] });
    expect(res.status).toBe(200);
    expectRouteHeaders(res);
    const { permissions } = bodyOf(res, 'PermissionsUpdateResponse');
    expect(Object.keys(res.json as object)).toEqual(['permissions', 'success']);
    const changed = permissions.find((p) => p._id === 'mail-messages');
    expect(changed && [Object.keys(changed), changed.roles]).toEqual([['_id', '_updatedAt', 'roles'], ['admin', 'user']]);
    expect(changed?._updatedAt).toMatch(TIMESTAMP);
    const listed = await rc('permissionsListAll', 'permissions.listAll', { headers: admin });
    expect(bodyOf(listed, 'PermissionsListAllResponse').update).toEqual(permissions);
    await updatePermission(admin, 'mail-messages', before);
    expect(await rolesOf(admin, 'mail-messages')).toEqual(before);
  });

  it('story: a permission taken from a role refuses the next groups.create of a user holding only that role; restoring it allows it again', async () => {
    const granted = await rolesOf(admin, 'create-p');
    expect(granted).toContain('user');
    await withPermission(admin, 'create-p', granted.filter((role) => role !== 'user'), async () => {
      const refused = await createAs(tester, { name: roomName('no-create-p') });
      expect([refused.status, refused.json]).toEqual([400, notAllowed('createPrivateGroup')]);
      expectRouteHeaders(refused);
    });
    const allowed = await createAs(tester, { name: roomName('create-p-back') });
    expect(allowed.status).toBe(200);
  });

  it('story: granting a permission to a role lets its users do it at once (limited.user via role limited)', async () => {
    const before = await createAs(limited, { name: roomName('limited') });
    expect([before.status, before.json]).toEqual([400, notAllowed('createPrivateGroup')]);
    const granted = await rolesOf(admin, 'create-p');
    await withPermission(admin, 'create-p', [...granted, 'limited'], async () => {
      const name = roomName('limited-ok');
      const res = await createAs(limited, { name });
      expect(res.status).toBe(200);
      expect(bodyOf(res, 'GroupResponse').group).toMatchObject({ name, u: { username: 'limited.user' } });
    });
    const after = await createAs(limited, { name: roomName('limited-again') });
    expect([after.status, after.json]).toEqual([400, notAllowed('createPrivateGroup')]);
  });
});

describe('POST /api/v1/permissions.update 400, in the vendor order', () => {
  it.each<[string, unknown, string]>([
    ['no permissions', {}, "must have required property 'permissions'"],
    ['another key', { permissions: [], extra: true }, 'must NOT have additional properties'],
    ['permissions not an array', { permissions: { _id: 'create-p' } }, 'must be array'],
    ['an item without roles', { permissions: [{ _id: 'create-p' }] }, "must have required property 'roles'"],
    ['an item with another key', { permissions: [{ _id: 'create-p', roles: [], all: true }] }, 'must NOT have additional properties'],
    ['roles not an array', { permissions: [{ _id: 'create-p', roles: 'admin' }] }, 'must be array'],
    ['a role twice', { permissions: [{ _id: 'create-p', roles: ['admin', 'admin'] }] }, 'must NOT have duplicate items (items ## 1 and 0 are identical)'],
    ['a role that is an object', { permissions: [{ _id: 'create-p', roles: [{}] }] }, 'must be string'],
  ])('the router refuses the body (no cache headers): %s', async (_case, json, error) => {
    const res = await update(admin, json);
    expect([res.status, res.json]).toEqual([400, { success: false, errorType: 'invalid-params', error }]);
    expectMiddlewareHeaders(res);
  });

  it('Invalid permission: an unknown _id, or the same _id twice; checked before the roles', async () => {
    for (const permissions of [
      [{ _id: 'no-such-permission', roles: ['admin'] }],
      [{ _id: 'create-p', roles: ['no-such-role'] }, { _id: 'no-such-permission', roles: [] }],
      [{ _id: 'mail-messages', roles: ['admin'] }, { _id: 'mail-messages', roles: ['admin'] }],
    ]) {
      const res = await update(admin, { permissions });
      expect([res.status, res.json]).toEqual([400, INVALID_PERMISSION]);
      expectRouteHeaders(res);
    }
  });

  it('Invalid role: any role, across all items, that does not exist; nothing is changed', async () => {
    const before = await rolesOf(admin, 'mail-messages');
    const res = await update(admin, { permissions: [{ _id: 'mail-messages', roles: ['user'] }, { _id: 'create-p', roles: ['admin', 'no-such-role'] }] });
    expect([res.status, res.json]).toEqual([400, INVALID_ROLE]);
    expectRouteHeaders(res);
    expect(await rolesOf(admin, 'mail-messages')).toEqual(before);
  });
});

describe('POST /api/v1/permissions.update 401, 403 and 413', () => {
  it('403 without access-permissions, before the body is read', async () => {
    for (const json of [{ permissions: [{ _id: 'create-p', roles: ['admin'] }] }, { nonsense: 1 }]) {
      const res = await update(tester, json);
      expect([res.status, res.json]).toEqual([403, PERMISSIONS_REQUIRED]);
      expectMiddlewareHeaders(res);
    }
  });

  it('401 before anything else', async () => {
    const res = await update({ ...session, ...auth(undefined, 'nope') }, { nonsense: 1 });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('permissionsUpdate', 'permissions.update', { headers: { ...admin, 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
