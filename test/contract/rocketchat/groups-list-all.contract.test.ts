import { describe, expect, it } from 'vitest';
import { admin, answer, get, groupWith, send } from './membership-client.ts';
import { auth, NOT_LOGGED_IN, TESTER_ID, type Schemas } from './rocketchat-client.ts';

describe('GET /api/v1/groups.listAll (research notes issue 11 §5.9; test T /groups.listAll)', () => {
  it('200 for an admin: every private group, member or not', async () => {
    const hidden = await groupWith(['limited.user'], { excludeSelf: true });
    const res = await get('groupsListAll', 'groups.listAll', { count: '0' }, await admin());
    expect(res.status).toBe(200);
    const body = res.json as Schemas['GroupsListResponse'];
    expect(body.groups.map((g) => g._id)).toContain(hidden._id);
    expect(body).toMatchObject({ offset: 0, count: body.groups.length, total: body.groups.length, success: true });
    const names = body.groups.map((g) => g.name);
    expect(names).toEqual([...names].sort());
  });

  it('400 for an invalid sort', async () => {
    expect(answer(await get('groupsListAll', 'groups.listAll', { sort: '{"name":2}' }, await admin()))).toEqual([
      400,
      { success: false, error: 'Invalid sort parameter provided: "{"name":2}" [error-invalid-sort]', errorType: 'error-invalid-sort', details: { helperMethod: 'parseJsonQuery' } },
    ]);
  });

  it('403 without view-room-administration, from the middleware; 401', async () => {
    const denied = await send('groupsListAll', 'groups.listAll', { headers: auth() }, true);
    expect(answer(denied)).toEqual([403, { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }]);
    expect(answer(await get('groupsListAll', 'groups.listAll', {}, auth(TESTER_ID, 'bad')))).toEqual([401, NOT_LOGGED_IN]);
  });
});
