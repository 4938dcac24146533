import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.ts';
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

  it('?api= answers exactly that fixture file, and PUT ?api= takes it back (the bundled fixtures round-trip)', async () => {
    const twin = await testTwin();
    const roam = exportOf(twin, 'api=roam');
    expect(Object.keys(roam)).toEqual(['projects', 'users', 'groups']);
    const bundled = JSON.parse(await readFile(fromRoot('fixtures/default/roam.json'), 'utf8')) as Record<string, unknown>;
    delete bundled.$comment;
    // The bundled file with the optional fields filled in (metadata: null).
    expect(roam).toMatchObject(bundled);
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=x&api=roam', json: roam }).json).toEqual({ imported: ['roam'] });
    expect(exportOf(twin, 'session=x&api=roam')).toEqual(roam);
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=y', json: { roam } }).status).toBe(200);
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
    expect(schema.json).toMatchObject({ detail: 'rocketchat: /users: must be array', api: 'rocketchat', pointer: '/users', reason: 'must be array' });
    expect(call(twin, '/__admin/state', { method: 'PUT', json: { other: {} } }).status).toBe(400);
  });

  it('names api, pointer and reason as problem members too, and keeps every session of the body untouched', async () => {
    const twin = await testTwin();
    const before = exportOf(twin, 'session=s');
    const rocketchat = structuredClone(before.rocketchat) as { rooms: { extraData?: Record<string, unknown>; extra?: Record<string, unknown> }[] };
    const room = rocketchat.rooms[0];
    // A hand-written room: extraData, checked by groups.create's rules (exported state uses `extra`).
    if (room) delete room.extra;
    if (room) room.extraData = { topic: 'fine', 'a/b': 'fine too', _id: 'not copied by groups.create' };
    const bad = call(twin, '/__admin/state', { method: 'PUT', query: 'session=s', json: { rocketchat, roam: before.roam } });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      type: 'urn:api-twin:problem:invalid-state',
      title: 'The imported state does not pass the fixture checks',
      status: 400,
      detail: 'rocketchat: /rooms/0/extraData/_id: groups.create does not copy extraData._id (protected key or wrong type)',
      api: 'rocketchat',
      pointer: '/rooms/0/extraData/_id',
      reason: 'groups.create does not copy extraData._id (protected key or wrong type)',
    });
    expect(exportOf(twin, 'session=s')).toEqual(before);
    if (room) room.extraData = { broadcast: true };
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=s', json: { rocketchat } }).json).toMatchObject({ pointer: '/rooms/0/extraData/broadcast' });
    if (room) room.extraData = { topic: 'kept', 'a/b': 1 };
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=s', json: { rocketchat } }).status).toBe(200);
    expect((exportOf(twin, 'session=s&api=rocketchat') as typeof rocketchat).rooms[0]?.extra).toEqual({ topic: 'kept', 'a/b': 1 });
  });

  it('carries logouts and minted logins: exactly the tokens valid in the source are valid in the copy', async () => {
    const twin = await testTwin();
    const login = call(twin, '/api/v1/login', { method: 'POST', json: { user: 'limited.user', password: 'limited' } }).json as { data: { authToken: string; userId: string } };
    expect(call(twin, '/api/v1/logout', { method: 'POST', headers: TESTER }).status).toBe(200);
    const state = exportOf(twin, 'api=rocketchat');
    expect(call(twin, '/__admin/state', { method: 'PUT', query: 'session=copy&api=rocketchat', json: state }).status).toBe(200);
    expect(exportOf(twin, 'session=copy&api=rocketchat')).toEqual(state);
    const me = (headers: Record<string, string>) => call(twin, '/api/v1/me', { headers: { ...headers, 'x-mock-session': 'copy' } }).status;
    expect(me(TESTER)).toBe(401);
    expect(me({ 'x-user-id': login.data.userId, 'x-auth-token': login.data.authToken })).toBe(200);
    // A session never touched still has the fixture token.
    expect(call(twin, '/api/v1/me', { headers: { ...TESTER, 'x-mock-session': 'other' } }).status).toBe(200);
  });

  it('an export saved as fixture files is a fixture set that starts every session in that state', async () => {
    const twin = await testTwin();
    call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'saved', members: ['limited.user'], extraData: { encrypted: true } } });
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'saved', users: ['62eb672606f8a0093ab8e3ab'] } });
    const state = exportOf(twin, '') as { rocketchat: unknown; roam: unknown };
    const dir = await mkdtemp(join(tmpdir(), 'twin-saved-state-'));
    await writeFile(join(dir, 'rocketchat.json'), JSON.stringify(state.rocketchat, null, 2));
    await writeFile(join(dir, 'roam.json'), JSON.stringify(state.roam, null, 2));
    const fromSaved = await testTwin({ fixturesDir: dir });
    expect(exportOf(fromSaved, 'session=any')).toEqual(state);
    expect(call(fromSaved, '/api/v1/groups.info', { headers: TESTER, query: 'roomName=saved' }).json).toMatchObject({ group: { usersCount: 2, encrypted: true } });
  });

  it('GET answers one API or both; an unknown API name is a 400', async () => {
    const twin = await testTwin();
    expect(Object.keys(exportOf(twin, 'api=rocketchat'))).toEqual(['users', 'roles', 'permissions', 'teams', 'rooms', 'tokens', 'messages']);
    expect(Object.keys(exportOf(twin, ''))).toEqual(['rocketchat', 'roam']);
    const bad = call(twin, '/__admin/state', { query: 'api=slack' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-admin-request' });
  });

  it('answers and named examples of the state operations match openapi/admin.yaml', async () => {
    // Validated here with ajv over the dereferenced spec: openapi-backend's validateResponse checks
    // only application/json bodies, and the errors are application/problem+json.
    const spec = JSON.parse(await readFile(fromRoot('src/generated/admin.openapi.json'), 'utf8')) as {
      definition: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content: Record<string, { schema: object; examples: Record<string, { value: unknown }> }> }> }>> };
    };
    const ajv = new Ajv({ strict: false });
    const check = (operationId: string, status: number, body: unknown): string[] => {
      const operation = Object.values(spec.definition.paths['/__admin/state'] ?? {}).find((o) => o.operationId === operationId);
      const media = Object.values(operation?.responses[String(status)]?.content ?? {});
      if (media.length === 0) return [`${operationId} documents no ${String(status)}`];
      return media.flatMap((m) => {
        const validate = ajv.compile(m.schema);
        return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
      });
    };
    expect(check('importState', 400, { type: 'x', title: 't', status: 400, api: 3 })).not.toEqual([]);

    const twin = await testTwin();
    const answers: [string, number, unknown][] = [
      ['exportState', 200, exportOf(twin, '')],
      ['exportState', 200, exportOf(twin, 'api=roam')],
      ['exportState', 400, call(twin, '/__admin/state', { query: 'api=slack' }).json],
      ['importState', 200, call(twin, '/__admin/state', { method: 'PUT', json: exportOf(twin, '') }).json],
      ['importState', 400, call(twin, '/__admin/state', { method: 'PUT', json: { roam: { projects: 1, users: [] } } }).json],
      ['importState', 400, call(twin, '/__admin/state', { method: 'PUT', json: { slack: {} } }).json],
    ];
    for (const [operationId, status, body] of answers) expect(check(operationId, status, body), `${operationId} ${String(status)}`).toEqual([]);

    let examples = 0;
    for (const operation of Object.values(spec.definition.paths['/__admin/state'] ?? {})) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const media of Object.values(response.content)) {
          expect(Object.keys(media.examples).length, `${operation.operationId} ${status}`).toBeGreaterThan(0);
          for (const [name, example] of Object.entries(media.examples)) {
            examples += 1;
            expect(check(operation.operationId, Number(status), example.value), `${operation.operationId} ${status} ${name}`).toEqual([]);
          }
        }
      }
    }
    expect(examples).toBeGreaterThanOrEqual(8);
  });
});
