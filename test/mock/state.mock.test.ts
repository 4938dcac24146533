import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

const exportOf = (twin: Awaited<ReturnType<typeof testTwin>>, query: string) => call(twin, '/__admin/state', { query }).json as Record<string, unknown>;

describe('GET/PUT /__admin/state', () => {
  it('exports a session in the fixture format and imports it into another session unchanged', async () => {
    const twin = await testTwin();
    call(twin, '/api/v1/groups.create', {
      method: 'POST', headers: TESTER,
      json: { name: 'exported', members: ['rocket.cat'], customFields: { a: 1 }, extraData: { broadcast: true, topic: 't' } },
    });
    call(twin, '/api/v1/groups.invite', { method: 'POST', headers: TESTER, json: { roomName: 'exported', username: 'limited.user' } });
    call(twin, '/v1/api/user/', { method: 'POST', headers: ROAM_KEY, json: { app_type: 1, device_token: 'd', metadata: { k: 'v' } } });
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'exported' } });
    const login = call(twin, '/api/v1/login', { method: 'POST', json: { user: 'tester', password: 'tester' } }).json as { data: { authToken: string } };

    const state = exportOf(twin, '');
    expect(Object.keys(state)).toEqual(['rocketchat', 'roam']);
    const put = call(twin, '/__admin/state', { method: 'PUT', query: 'session=copy', json: state });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ imported: ['rocketchat', 'roam'] });
    expect(exportOf(twin, 'session=copy')).toEqual(state);

    // The copy behaves like the original: same rooms, counters, tokens and groups.
    const info = call(twin, '/api/v1/groups.info', { headers: { ...TESTER, 'x-mock-session': 'copy' }, query: 'roomName=exported' });
    expect(info.json).toMatchObject({ group: { name: 'exported', usersCount: 3, msgs: 1, ro: true, broadcast: true, topic: 't', customFields: { a: 1 } } });
    const me = call(twin, '/api/v1/me', { headers: { 'x-user-id': 'rbAXPnMktTFbNpwtJ', 'x-auth-token': login.data.authToken, 'x-mock-session': 'copy' } });
    expect(me.status).toBe(200);
    const page = call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': 'copy' }, query: 'page_number=1' });
    expect(JSON.stringify(page.json)).toContain('"description":"exported"');
  });

  it('saved state is a valid fixture file (the bundled fixtures round-trip)', async () => {
    const twin = await testTwin();
    const roam = exportOf(twin, 'api=roam');
    expect(Object.keys(roam)).toEqual(['roam']);
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=x', json: roam }).status).toBe(200);
  });

  it('refuses state that fails the fixture checks, naming api, pointer and reason, and changes nothing', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'keep-me' } });
    const good = exportOf(twin, '');
    const roam = structuredClone(good.roam) as { users: { project_id: string }[] };
    const first = roam.users[0];
    if (first) first.project_id = '000000000000000000000000';
    const bad = call(twin, '/__admin/state', { method: 'PUT', json: { rocketchat: { users: [], teams: [], rooms: [] }, roam } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-state', detail: 'roam: /users/0/project_id: unknown project 000000000000000000000000' });
    expect(exportOf(twin, '')).toEqual(good);
    const schema = call(twin, '/__admin/state', { method: 'PUT', json: { rocketchat: { users: 'nope', teams: [], rooms: [] } } });
    expect(schema.json).toMatchObject({ detail: 'rocketchat: /users: must be array' });
    expect(call(twin, '/__admin/state', { method: 'PUT', json: { other: {} } }).status).toBe(400);
  });
});
