import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { ACCOUNT_1, auth, BODIES, bodyOf, KEY_2, PROJECT_1, roam, TIMESTAMP, UNKNOWN_ID, USER_A, USER_OTHER, USER_PATH, type Schemas } from './roam-client.ts';
import { authCases } from './shared-cases.ts';

function get(query: Record<string, string>, key?: string) {
  return roam('getUser', USER_PATH, { headers: auth(key), query });
}

describe('getUser GET /v1/api/user/ (research §6; shape modelled)', () => {
  it('200 with the user as a one-item page; the id is `id`', async () => {
    const token = uniqueName('token');
    const created = await roam('createUser', USER_PATH, { headers: auth(), json: { app_type: 2, device_token: token, description: 'd' } });
    const userId = bodyOf(created, 'UserCreated').data.user_id;
    const res = await get({ user_id: userId });
    expect(res.status).toBe(200);
    const body = bodyOf(res, 'UsersFound');
    expect(Object.keys(body.data)).toEqual(['next_page', 'pages', 'prev_page', 'account_id', 'users']);
    expect(body).toMatchObject({ status: true, msg: 'Success.', code: 200, data: { next_page: null, pages: 1, prev_page: null, account_id: ACCOUNT_1 } });
    expect(body.data.users).toHaveLength(1);
    const user = body.data.users[0];
    expect(user).toMatchObject({ id: userId, app_id: `${PROJECT_1}_2`, device_token: token, description: 'd', sdk_version: '0', is_deleted: false });
    expect(Object.keys(user ?? {})[0]).toBe('id');
    expect(user?.created_at).toMatch(TIMESTAMP);
  });

  it('reads a fixture user', async () => {
    const res = await get({ user_id: USER_A });
    expect(res.status).toBe(200);
    expect(bodyOf(res, 'UsersFound').data.users.map((u) => u.id)).toEqual([USER_A]);
  });

  it('400 "User does not exist." for unknown users and other projects’ users (never 404)', async () => {
    for (const [userId, key] of [[UNKNOWN_ID, undefined], [USER_OTHER, undefined], [USER_A, KEY_2]] as const) {
      const res = await get({ user_id: userId }, key);
      expect(res.status).toBe(400);
      expect(res.json).toEqual(BODIES.userNotFound);
    }
  });

  it.each<[Record<string, string>, Schemas['FieldErrors']]>([
    [{ user_id: 'abc' }, { user_id: ['"abc" is not a valid ObjectId.'] }],
    [{ page_number: 'x' }, { page_number: ['A valid integer is required.'] }],
    [{ start_date: '14/09/2022' }, { start_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'] }],
  ])('400 GS402 for %j', async (query, details) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('pages the project’s users without user_id', async () => {
    const res = await get({ page_number: '1' });
    expect(res.status).toBe(200);
    const data = bodyOf(res, 'UsersFound').data;
    expect(data.pages).toBeGreaterThanOrEqual(1);
    expect(data.users.length).toBeGreaterThanOrEqual(1);
    expect(data.users.length).toBeLessThanOrEqual(10);
    expect(data.users.every((u) => u.app_id.startsWith(`${PROJECT_1}_`))).toBe(true);
    const beyond = bodyOf(await get({ page_number: String(data.pages + 1) }), 'UsersFound').data;
    expect(beyond.users).toEqual([]);
  });

  it('accepts the documented filters it has no data for', async () => {
    const res = await get({ user_id: USER_A, timezone_offset: 'Asia/Kolkata', start_date: '2022-01-01', end_date: '2022-12-31' });
    expect(res.status).toBe(200);
  });

  authCases('getUser', 'GET', USER_PATH);
});
