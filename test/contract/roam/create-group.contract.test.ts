import { describe, expect, it } from 'vitest';
import {
  auth,
  BODIES,
  bodyOf,
  createGroup,
  getGroup,
  GROUP_PATH,
  GROUP_USER_PATH,
  groupPage,
  ID,
  idSecond,
  KEY_1,
  KEY_2,
  PROJECT_1,
  roam,
  TIMESTAMP,
  timestampSecond,
  UNKNOWN_ID,
  USER_A,
  USER_B,
  USER_C,
  USER_OTHER,
  USER_PATH,
  type Schemas,
} from './roam-client.ts';
import { authCases } from './shared-cases.ts';
import { uniqueName } from '../../support/http.ts';

describe('createGroup POST /v1/api/group/', () => {
  it('201 for the documented curl, with the documented shape and key order (research §4)', async () => {
    const res = await roam('createGroup', GROUP_PATH, {
      headers: { 'Api-Key': KEY_1, 'Content-Type': 'application/json' },
      body: '{"users":["62eb672606f8a0093ab8e3ab","621e0782aa28db38198093e6"],"description":"user-group-11"}',
    });
    expect(res.status).toBe(201);
    const body = bodyOf(res, 'GroupCreated');
    expect(Object.keys(body)).toEqual(['status', 'msg', 'code', 'data']);
    expect(Object.keys(body.data)).toEqual(['group_id', 'project_id', 'description', 'users', 'updated_at', 'created_at']);
    expect(body).toEqual({
      status: true,
      msg: 'Success.',
      code: 201,
      data: {
        group_id: body.data.group_id,
        project_id: PROJECT_1,
        description: 'user-group-11',
        users: [USER_A, USER_B],
        updated_at: body.data.created_at,
        created_at: body.data.created_at,
      },
    });
    expect(body.data.group_id).toMatch(ID);
    expect(body.data.created_at).toMatch(TIMESTAMP);
    // ObjectId: the first four bytes are the creation second (research §7).
    expect(idSecond(body.data.group_id)).toBe(timestampSecond(body.data.created_at));
  });

  it('accepts the header name in any case', async () => {
    for (const name of ['api-key', 'API-KEY', 'Api-key', 'APi-Key']) {
      const res = await roam('createGroup', GROUP_PATH, { headers: { [name]: KEY_1 }, json: { description: uniqueName(name) } });
      expect(res.status, name).toBe(201);
    }
  });

  it('gives every group its own id', async () => {
    const a = await createGroup({ description: uniqueName('a') });
    const b = await createGroup({ description: uniqueName('b') });
    expect(a.group_id).not.toBe(b.group_id);
  });

  it('201 with neither description nor users (both optional, research §4)', async () => {
    const data = await createGroup({});
    expect(data).toMatchObject({ project_id: PROJECT_1, description: null, users: [] });
  });

  it('stores each member once', async () => {
    const data = await createGroup({ users: [USER_C, USER_C, USER_A] });
    expect(data.users).toEqual([USER_C, USER_A]);
  });

  it('accepts a form-encoded body (DRF FormParser, modelled)', async () => {
    const description = uniqueName('form');
    const res = await roam('createGroup', GROUP_PATH, {
      headers: auth(KEY_1, { 'content-type': 'application/x-www-form-urlencoded' }),
      body: `description=${description}&users=${USER_A}&users=${USER_B}`,
    });
    expect(res.status).toBe(201);
    expect(bodyOf(res, 'GroupCreated').data).toMatchObject({ description, users: [USER_A, USER_B] });
  });

  it.each<[string, unknown, Schemas['FieldErrors']]>([
    ['description not a string', { description: 42 }, { description: ['Not a valid string.'] }],
    ['description null', { description: null }, { description: ['This field may not be null.'] }],
    ['users a string', { users: USER_A }, { users: ['Expected a list of items but got type "str".'] }],
    ['users an object', { users: { id: USER_A } }, { users: ['Expected a list of items but got type "dict".'] }],
    ['users a number', { users: 1 }, { users: ['Expected a list of items but got type "int".'] }],
    ['users null', { users: null }, { users: ['This field may not be null.'] }],
    ['a users item not an ObjectId', { users: [USER_A, 'abc'] }, { users: { '1': ['"abc" is not a valid ObjectId.'] } }],
    ['a users item not a string', { users: [7] }, { users: { '0': ['"7" is not a valid ObjectId.'] } }],
  ])('400 GS402 when %s', async (_name, json, details) => {
    const res = await roam('createGroup', GROUP_PATH, { headers: auth(), json });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.fields(details));
  });

  it('400 for unknown user ids, listing them', async () => {
    const res = await roam('createGroup', GROUP_PATH, { headers: auth(), json: { users: [USER_A, UNKNOWN_ID] } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.unknownUsers(UNKNOWN_ID));
  });

  it('400 (never 404) for a user of another project, and creates nothing', async () => {
    const description = uniqueName('foreign-user');
    const res = await roam('createGroup', GROUP_PATH, { headers: auth(), json: { description, users: [USER_OTHER] } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.unknownUsers(USER_OTHER));
    const second = await roam('createGroup', GROUP_PATH, { headers: auth(KEY_2), json: { users: [USER_A] } });
    expect(second.json).toEqual(BODIES.unknownUsers(USER_A));
  });

  it('answers 400 GS400 for a body type DRF cannot parse (modelled)', async () => {
    const res = await roam('createGroup', GROUP_PATH, { headers: auth(KEY_1, { 'content-type': 'text/plain' }), body: '{"description":"x"}' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(BODIES.malformed);
  });

  authCases('createGroup', 'POST', GROUP_PATH);
});

describe('the whole story: user → group → get → list → add users → update → get', () => {
  it('keeps one consistent group through every endpoint', async () => {
    const userRes = await roam('createUser', USER_PATH, { headers: auth(), json: { app_type: 1, device_token: uniqueName('token') } });
    expect(userRes.status).toBe(201);
    const userId = bodyOf(userRes, 'UserCreated').data.user_id;

    const description = uniqueName('story');
    const created = await createGroup({ description, users: [userId] });
    expect(created.users).toEqual([userId]);

    expect(await getGroup(created.group_id)).toEqual(created);

    const first = await groupPage(1);
    expect(first.pages).toBeGreaterThanOrEqual(1);
    let found = false;
    for (let page = first.pages; page >= 1 && !found; page -= 1) {
      found = (await groupPage(page)).groups.some((g) => g.group_id === created.group_id);
    }
    expect(found).toBe(true);

    const added = await roam('addUsersToGroup', GROUP_USER_PATH, { headers: auth(), json: { group_id: created.group_id, users: [USER_A, userId] } });
    expect(added.status).toBe(201);
    expect((await getGroup(created.group_id)).users).toEqual([userId, USER_A]);

    const renamed = `${description}-renamed`;
    const updated = await roam('updateGroup', GROUP_PATH, { method: 'PUT', headers: auth(), json: { group_id: created.group_id, description: renamed, users: [USER_B] } });
    expect(updated.status).toBe(200);
    const after = await getGroup(created.group_id);
    expect(after).toEqual(bodyOf(updated, 'GroupUpdated').data);
    expect(after).toMatchObject({ group_id: created.group_id, description: renamed, users: [USER_B], created_at: created.created_at });
    expect(after.updated_at >= created.updated_at).toBe(true);
  });
});
