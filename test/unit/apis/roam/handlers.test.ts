import { unboundedMeter } from '../../../../src/core/byte-budget.ts';
import { describe, expect, it } from 'vitest';
import { loadRoamFixtures } from '../../../../src/apis/roam/fixtures.ts';
import { DEFAULT_FIXTURES_DIR } from '../../../../src/config.ts';
import type { JsonResponse } from '../../../../src/core/types.ts';
import {
  ACCOUNT_1,
  call,
  expectDocumented,
  freshSession,
  GROUP_OTHER,
  json,
  KEY_1,
  KEY_2,
  pinnedDeps,
  PROJECT_1,
  USER_A,
  USER_B,
  USER_C,
  USER_OTHER,
} from './support.ts';

const GROUP_NOT_FOUND = { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured', details: 'Group does not exist.' } };
const unknownUsers = (ids: string) => ({
  status: false,
  msg: 'Error Occured.',
  code: 400,
  error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details: { users: [`Invalid user ids: ${ids}`] } },
});

// The pinned clock is the vendor's example instant, whose second is 0x63219da7 (research §7).
const idOfVendorExampleSecond: unknown = expect.stringMatching(/^63219da7[0-9a-f]{16}$/);

async function documented(operationId: string, response: JsonResponse): Promise<unknown> {
  await expectDocumented(operationId, response);
  return json(response);
}

function dataOf(response: JsonResponse): Record<string, unknown> {
  const body = json(response);
  if (typeof body !== 'object' || body === null || !('data' in body) || typeof body.data !== 'object' || body.data === null) throw new Error('no data object');
  return body.data as Record<string, unknown>;
}

describe('createGroup', () => {
  it('answers the documented 201 with an ObjectId of the creation second', async () => {
    const session = await freshSession();
    const response = call(session, 'createGroup', KEY_1, { body: { users: [USER_A, USER_B], description: 'user-group-11' } });
    expect(response.status).toBe(201);
    const body = await documented('createGroup', response);
    expect(body).toEqual({
      status: true,
      msg: 'Success.',
      code: 201,
      data: {
        group_id: idOfVendorExampleSecond,
        project_id: PROJECT_1,
        description: 'user-group-11',
        users: [USER_A, USER_B],
        updated_at: '2022-09-14T09:23:51.456',
        created_at: '2022-09-14T09:23:51.456',
      },
    });
    expect(Object.keys(dataOf(response))).toEqual(['group_id', 'project_id', 'description', 'users', 'updated_at', 'created_at']);
  });

  it('accepts an empty body: description null, no users', async () => {
    const response = call(await freshSession(), 'createGroup', KEY_1, { body: {} });
    expect(await documented('createGroup', response)).toMatchObject({ code: 201, data: { description: null, users: [] } });
  });

  it('stores each member once, in lower case', async () => {
    const response = call(await freshSession(), 'createGroup', KEY_1, { body: { users: [USER_A.toUpperCase(), USER_A, USER_C] } });
    expect(dataOf(response).users).toEqual([USER_A, USER_C]);
  });

  it('refuses unknown users and users of another project with one 400 listing them', async () => {
    const session = await freshSession();
    const before = dataOf(call(session, 'getGroups', KEY_1, {}));
    const unknown = '62eb672606f8a0093ab8e3ac';
    const response = call(session, 'createGroup', KEY_1, { body: { users: [USER_A, unknown, USER_OTHER] } });
    expect(response.status).toBe(400);
    expect(await documented('createGroup', response)).toEqual(unknownUsers(`${unknown},${USER_OTHER}`));
    expect(dataOf(call(session, 'getGroups', KEY_1, {}))).toEqual(before);
  });

  it('answers the modelled limit 400 when the session is full', async () => {
    // The default fixtures hold three groups (two of them the vendor's documented examples).
    const session = (await loadRoamFixtures(DEFAULT_FIXTURES_DIR, pinnedDeps(), { maxUsers: 100, maxGroups: 4 })).fresh(unboundedMeter());
    expect(call(session, 'createGroup', KEY_1, { body: {} }).status).toBe(201);
    const full = call(session, 'createGroup', KEY_1, { body: {} });
    expect(await documented('createGroup', full)).toMatchObject({ code: 400, error: { ErrorCode: 'GS400', details: 'Group limit reached.' } });
  });
});

describe('getGroups', () => {
  it('returns one group by id, only to its own project', async () => {
    const session = await freshSession();
    const created = dataOf(call(session, 'createGroup', KEY_1, { body: { description: 'mine' } }));
    const own = call(session, 'getGroups', KEY_1, { query: { group_id: created.group_id } });
    expect(await documented('getGroups', own)).toEqual({ status: true, msg: 'Success.', code: 200, data: created });
    const foreign = call(session, 'getGroups', KEY_2, { query: { group_id: created.group_id } });
    expect(await documented('getGroups', foreign)).toEqual(GROUP_NOT_FOUND);
    expect(json(call(session, 'getGroups', KEY_1, { query: { group_id: GROUP_OTHER } }))).toEqual(GROUP_NOT_FOUND);
  });

  it('pages ten groups at a time in creation order', async () => {
    const deps = pinnedDeps();
    const session = await freshSession(deps);
    // The project of KEY_1 starts with the two groups of the vendor's documented examples.
    const fixture = call(session, 'getGroups', KEY_1, {});
    expect(await documented('getGroups', fixture)).toMatchObject({ status: true, msg: 'Success.', code: 200, data: { next_page: null, pages: 1, prev_page: null } });
    const ids: unknown[] = (dataOf(fixture).groups as { group_id: string }[]).map((g) => g.group_id);
    expect(ids).toEqual(['63216b74bac5e022b548abe5', '63219da797f30b287431c4c5']);
    for (let n = 0; n < 11; n += 1) ids.push(dataOf(call(session, 'createGroup', KEY_1, { body: { description: `g${n}` } })).group_id);
    const first = dataOf(call(session, 'getGroups', KEY_1, { query: { page_number: 1 } }));
    expect([first.next_page, first.pages, first.prev_page]).toEqual([2, 2, null]);
    expect((first.groups as { group_id: string }[]).map((g) => g.group_id)).toEqual(ids.slice(0, 10));
    const second = call(session, 'getGroups', KEY_1, { query: { page_number: '2' } });
    expect(await documented('getGroups', second)).toMatchObject({ data: { next_page: null, pages: 2, prev_page: 1, groups: ids.slice(10).map((id) => ({ group_id: id })) } });
    const beyond = dataOf(call(session, 'getGroups', KEY_1, { query: { page_number: 5 } }));
    expect(beyond).toEqual({ next_page: null, pages: 2, prev_page: 4, groups: [] });
    expect(dataOf(call(session, 'getGroups', KEY_2, {})).pages).toBe(1);
  });
});

describe('updateGroup', () => {
  it('replaces description and users, refreshes updated_at only', async () => {
    const deps = pinnedDeps();
    const session = await freshSession(deps);
    const created = dataOf(call(session, 'createGroup', KEY_1, { body: { description: 'before', users: [USER_A, USER_B] } }));
    deps.clock.set('2022-09-15T08:00:00.000Z');
    const response = call(session, 'updateGroup', KEY_1, { body: { group_id: created.group_id, description: 'after', users: [USER_C, USER_C] } });
    expect(response.status).toBe(200);
    expect(await documented('updateGroup', response)).toEqual({
      status: true,
      msg: 'Success.',
      code: 200,
      data: { ...created, description: 'after', users: [USER_C], updated_at: '2022-09-15T08:00:00.000' },
    });
    const kept = call(session, 'updateGroup', KEY_1, { body: { group_id: created.group_id } });
    expect(dataOf(kept)).toMatchObject({ description: 'after', users: [USER_C], created_at: created.created_at });
  });

  it('answers 400 for an unknown or foreign group and for foreign users', async () => {
    const session = await freshSession();
    const foreign = call(session, 'updateGroup', KEY_1, { body: { group_id: GROUP_OTHER, description: 'x' } });
    expect(await documented('updateGroup', foreign)).toEqual(GROUP_NOT_FOUND);
    const own = dataOf(call(session, 'createGroup', KEY_1, { body: {} }));
    const badUsers = call(session, 'updateGroup', KEY_1, { body: { group_id: own.group_id, users: [USER_OTHER] } });
    expect(await documented('updateGroup', badUsers)).toEqual(unknownUsers(USER_OTHER));
  });
});

describe('addUsersToGroup / addUsersToGroupPut', () => {
  it.each(['addUsersToGroup', 'addUsersToGroupPut'])('%s merges without duplicates and answers the documented 201', async (operationId) => {
    const deps = pinnedDeps();
    const session = await freshSession(deps);
    const group = dataOf(call(session, 'createGroup', KEY_1, { body: { users: [USER_A] } }));
    deps.clock.set('2022-09-14T10:00:00.000Z');
    const response = call(session, operationId, KEY_1, { body: { group_id: group.group_id, users: [USER_B, USER_A, USER_B] } });
    expect(await documented(operationId, response)).toEqual({ status: true, msg: 'Success.', code: 201, data: 'Users grouped successfully.' });
    const after = dataOf(call(session, 'getGroups', KEY_1, { query: { group_id: group.group_id } }));
    expect(after).toMatchObject({ users: [USER_A, USER_B], updated_at: '2022-09-14T10:00:00.000', created_at: group.created_at });
  });

  it('answers 400 for a foreign group and for users outside the project', async () => {
    const session = await freshSession();
    const foreign = call(session, 'addUsersToGroup', KEY_1, { body: { group_id: GROUP_OTHER, users: [USER_A] } });
    expect(await documented('addUsersToGroup', foreign)).toEqual(GROUP_NOT_FOUND);
    const other = call(session, 'addUsersToGroupPut', KEY_2, { body: { group_id: GROUP_OTHER, users: [USER_A] } });
    expect(await documented('addUsersToGroupPut', other)).toEqual(unknownUsers(USER_A));
  });
});

describe('createUser / getUser', () => {
  it('creates the documented user and reads it back as `id`', async () => {
    const session = await freshSession();
    const metadata = { plan: 'gold' };
    const response = call(session, 'createUser', KEY_1, { body: { app_type: 2, device_token: 'tok', metadata } });
    metadata.plan = 'changed-by-caller';
    expect(await documented('createUser', response)).toEqual({
      status: true,
      msg: 'User tracking initiated successfully.',
      code: 201,
      data: {
        user_id: idOfVendorExampleSecond,
        app_id: `${PROJECT_1}_2`,
        description: null,
        geofence_events: false,
        location_events: false,
        trips_events: false,
        nearby_events: false,
        location_listener: false,
        event_listener: false,
        metadata: { plan: 'gold' },
        sdk_version: '0',
        project_id: PROJECT_1,
        account_id: ACCOUNT_1,
      },
    });
    const userId = dataOf(response).user_id;
    const read = call(session, 'getUser', KEY_1, { query: { user_id: userId } });
    expect(await documented('getUser', read)).toMatchObject({
      code: 200,
      data: { next_page: null, pages: 1, prev_page: null, account_id: ACCOUNT_1, users: [{ id: userId, app_id: `${PROJECT_1}_2`, device_token: 'tok', created_at: '2022-09-14T09:23:51.456' }] },
    });
    const group = call(session, 'createGroup', KEY_1, { body: { users: [userId] } });
    expect(group.status).toBe(201);
  });

  it('answers 400 for an unknown or foreign user and pages users', async () => {
    const session = await freshSession();
    const foreign = call(session, 'getUser', KEY_1, { query: { user_id: USER_OTHER } });
    expect(await documented('getUser', foreign)).toEqual({ ...GROUP_NOT_FOUND, error: { ...GROUP_NOT_FOUND.error, details: 'User does not exist.' } });
    const page = call(session, 'getUser', KEY_1, {});
    expect(await documented('getUser', page)).toMatchObject({ data: { pages: 1, users: [{ id: USER_A }, { id: USER_B }, { id: USER_C }] } });
  });
});

describe('authentication (research/roam.md §1, §3a)', () => {
  it.each([
    [{}, 'No Api key in Header provided'],
    [{ 'api-key': '   ' }, 'No Api key in Header provided'],
    [{ 'api-key': '33223kjhdcscijhb5sdbsdmjsdcbj5f' }, 'Invalid Api key.'],
    [{ 'api-key': KEY_1.toUpperCase() }, 'Invalid Api key.'],
  ])('%j → 401 %s', async (headers, msg) => {
    const auth = (await freshSession()).authenticate('createGroup', headers);
    expect(auth.ok).toBe(false);
    if (auth.ok) return;
    expect(auth.response).toEqual({ status: 401, body: { status: true, msg, code: 401, error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: msg } } });
  });
});
