import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/apis/openapi/index.ts';
import { createTwin } from '../../src/create-twin.ts';
import { FixtureError } from '../../src/core/fixtures.ts';
import { twinMiddleware } from '../../src/express.ts';
import { fromRoot } from '../../src/paths.ts';
import { call, pinnedDeps } from '../support/in-process.ts';

/**
 * Served documents (--spec) and the twin's own rules: start-up errors, fixtures, --stateless, state
 * export/import, the session byte budget, body and nesting limits, the Host rule, Prefer, the
 * journal and the express adapter all apply to them as to the hand-modelled vendors.
 */
const PETSTORE = fromRoot('test/openapi/petstore-30.yaml');
const BOOKSHOP = fromRoot('test/openapi/bookshop/bookshop.yaml');
const KEY = { 'x-api-key': 'k' };

async function tmp(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A fixture folder: the bundled vendor fixtures plus the given document fixtures. */
async function fixtures(files: Record<string, unknown>): Promise<string> {
  const dir = await tmp('twin-doc-fixtures-');
  for (const name of ['rocketchat.json', 'roam.json']) await copyFile(fromRoot(`fixtures/default/${name}`), join(dir, name));
  for (const [name, value] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(value));
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('start-up errors name the file, the JSON pointer and the reason', () => {
  async function badDocument(name: string, text: string, extra: Record<string, string> = {}): Promise<SpecError> {
    const dir = await tmp('twin-bad-doc-');
    for (const [file, content] of Object.entries(extra)) await writeFile(join(dir, file), content);
    await writeFile(join(dir, name), text);
    const error = await rejection(createTwin({ specs: [{ file: join(dir, name) }] }));
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }

  it.each<[string, string, string, Record<string, string>, { file: string; pointer: string; reason: RegExp }]>([
    ['unreadable', 'missing.yaml', '', {}, { file: 'missing.yaml', pointer: '', reason: /^cannot be read \(ENOENT\)$/ }],
    ['not YAML', 'broken.yaml', 'openapi: 3.1.0\npaths:\n  /a: [\n', {}, { file: 'broken.yaml', pointer: '', reason: /^not valid YAML: / }],
    ['not JSON', 'broken.json', '{"openapi": "3.1.0",', {}, { file: 'broken.json', pointer: '', reason: /^not valid JSON: / }],
    ['Swagger 2.0', 'old.yaml', 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', {}, { file: 'old.yaml', pointer: '/swagger', reason: /Swagger 2\.0 is not served/ }],
    [
      'an unresolvable $ref, in another file',
      'entry.yaml',
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "./responses.yaml#/Ok" }\n',
      { 'responses.yaml': 'Ok:\n  description: ok\n  content:\n    application/json:\n      schema: { $ref: "#/Nowhere" }\n' },
      { file: 'responses.yaml', pointer: '/Ok/content/application~1json/schema', reason: /^\$ref "#\/Nowhere" does not resolve/ },
    ],
    [
      'an unknown security scheme',
      'security.yaml',
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\nsecurity: [{ nope: [] }]\npaths:\n  /a:\n    get:\n      responses:\n        "200": { description: ok }\n',
      {},
      { file: 'security.yaml', pointer: '/security/0/nope', reason: /security scheme "nope" is not defined/ },
    ],
    [
      'a pattern that is no regular expression',
      'pattern.yaml',
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { type: string, pattern: "([a-z" }\n',
      {},
      { file: 'pattern.yaml', pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/pattern', reason: /not a valid regular expression/ },
    ],
    [
      'two operations with one operationId',
      'ids.yaml',
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: { operationId: same, responses: { "200": { description: ok } } }\n  /b:\n    get: { operationId: same, responses: { "200": { description: ok } } }\n',
      {},
      { file: 'ids.yaml', pointer: '/paths/~1b/get/operationId', reason: /operationId "same" is also used by GET \/A/i },
    ],
  ])('%s', async (_case, name, text, extra, expected) => {
    const error = name === 'missing.yaml' ? ((await rejection(createTwin({ specs: [{ file: join(await tmp('twin-none-'), name) }] }))) as SpecError) : await badDocument(name, text, extra);
    expect(error).toBeInstanceOf(SpecError);
    expect(error.file.endsWith(expected.file)).toBe(true);
    expect(error.pointer).toBe(expected.pointer);
    expect(error.reason).toMatch(expected.reason);
  });

  it('a path parameter nobody declares is taken as a string and listed as a notice (published documents have them)', async () => {
    const dir = await tmp('twin-notice-');
    const file = join(dir, 'params.yaml');
    await writeFile(file, 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /pets/{petId}:\n    get:\n      responses:\n        "200": { description: ok, content: { application/json: { example: { ok: true } } } }\n');
    const twin = await createTwin({ specs: [{ file }] });
    expect(twin.documents[0]?.notices).toEqual([{ file, pointer: '/paths/~1pets~1{petId}/get', reason: 'path parameter {petId} of /pets/{petId} is not declared (in: path) for GET; taken as a string' }]);
    expect(call(twin, '/pets/anything').json).toEqual({ ok: true });
  });

  it('two documents cannot share a name', async () => {
    const error = (await rejection(createTwin({ specs: [{ file: PETSTORE }, { file: PETSTORE }] }))) as SpecError;
    expect(error.reason).toMatch(/name "petstore-30" is already taken/);
  });

  it('lists the operations it cannot serve once, at start (not at request time)', async () => {
    const twin = await createTwin({ specs: [{ file: PETSTORE }] });
    expect(twin.documents).toEqual([
      {
        name: 'petstore-30',
        file: PETSTORE,
        mountPath: '',
        operations: 11,
        overlays: null,
        unservable: [{ operationId: 'getPetPhoto', method: 'GET', path: '/pets/{petId}/photo', reason: 'no JSON response (only image/png)' }],
        notices: [],
      },
    ]);
  });
});

describe('a fixture file per document', () => {
  it('seeds every session with items and lists the only credentials accepted', async () => {
    const dir = await fixtures({
      'petstore-30.json': { resources: { '/pets': [{ id: 5, name: 'Seeded', status: 'sold' }], '/pets/5/adoptions': [{ id: 1, adopter: 'Ann', email: 'ann@example.com' }] }, credentials: { apiKey: ['secret-1'] } },
    });
    const twin = await createTwin({ deps: pinnedDeps(), fixturesDir: dir, specs: [{ file: PETSTORE }] });
    const good = { 'x-api-key': 'secret-1' };
    expect(call(twin, '/pets', { headers: good }).json).toEqual([{ id: 5, name: 'Seeded', status: 'sold' }]);
    expect(call(twin, '/pets/5/adoptions/1', { headers: { ...good, 'x-mock-session': 'other' } }).json).toMatchObject({ adopter: 'Ann' });
    // New ids count on from the seeded ones.
    expect(call(twin, '/pets', { headers: good, json: { name: 'Next' } }).json).toMatchObject({ id: 6 });
    const wrong = call(twin, '/pets', { headers: { 'x-api-key': 'guess' } });
    expect([wrong.status, wrong.headers['www-authenticate']]).toEqual([401, 'ApiKey realm="petstore-30", in="header", name="X-Api-Key", Bearer realm="petstore-30", error="invalid_token"']);
    // Bearer is not listed: any token is still accepted.
    expect(call(twin, '/pets', { headers: { authorization: 'Bearer anything' } }).status).toBe(200);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an unknown collection', { resources: { '/cats': [] } }, '/resources/~1cats', /not a collection the document's paths name/],
    ['an item without its id', { resources: { '/pets': [{ name: 'x', status: 'sold' }] } }, '/resources/~1pets/0', /needs its id property "id"/],
    ['an item that does not fit the schema', { resources: { '/pets': [{ id: 1, name: 'x' }] } }, '/resources/~1pets/0/status', /does not fit the item schema/],
    ['a duplicate id', { resources: { '/pets': [{ id: 1, name: 'x', status: 'sold' }, { id: 1, name: 'y', status: 'sold' }] } }, '/resources/~1pets/1/id', /duplicate id 1/],
    ['an unknown security scheme', { credentials: { oauth: ['x'] } }, '/credentials/oauth', /not a security scheme of the document/],
  ])('stops the start on %s with file, pointer and reason', async (_case, value, pointer, reason) => {
    const dir = await fixtures({ 'petstore-30.json': value });
    const error = (await rejection(createTwin({ fixturesDir: dir, specs: [{ file: PETSTORE }] }))) as FixtureError;
    expect(error).toBeInstanceOf(FixtureError);
    expect([error.file, error.pointer]).toEqual([join(dir, 'petstore-30.json'), pointer]);
    expect(error.reason).toMatch(reason);
  });

  it('GET/PUT /__admin/state carry a document\'s items in the fixture format, checked like a fixture', async () => {
    const twin = await createTwin({ deps: pinnedDeps(), specs: [{ file: PETSTORE }] });
    call(twin, '/pets', { headers: { ...KEY, 'x-mock-session': 'a' }, json: { name: 'Rex', status: 'sold' } });
    const exported = call(twin, '/__admin/state', { query: 'session=a&api=petstore-30' });
    expect(exported.json).toMatchObject({ resources: { '/pets': [{ id: 1, name: 'Rex', status: 'sold' }] } });
    const imported = call(twin, '/__admin/state', { method: 'PUT', query: 'session=b&api=petstore-30', json: exported.json });
    expect(imported.json).toEqual({ imported: ['petstore-30'] });
    expect(call(twin, '/pets/1', { headers: { ...KEY, 'x-mock-session': 'b' } }).json).toMatchObject({ name: 'Rex' });
    const refused = call(twin, '/__admin/state', { method: 'PUT', query: 'session=b&api=petstore-30', json: { resources: { '/pets': [{ id: 2 }] } } });
    expect([refused.status, refused.json]).toMatchObject([400, { api: 'petstore-30', pointer: '/resources/~1pets/0/name' }]);
    // Nothing changed in b.
    expect(call(twin, '/pets', { headers: { ...KEY, 'x-mock-session': 'b' } }).json).toHaveLength(1);
  });
});

describe('--stateless', () => {
  it('answers every operation from its examples or schema and reports no inferred kinds', async () => {
    const twin = await createTwin({ deps: pinnedDeps(), stateful: false, specs: [{ file: PETSTORE }] });
    const created = call(twin, '/pets', { headers: KEY, json: { name: 'Ignored' } });
    expect([created.status, created.json]).toEqual([201, { id: 1, name: 'Rex', tag: 'dog', status: 'available', createdAt: '2026-11-22T10:00:00Z' }]);
    // Nothing was stored: a read answers a faked pet, not a 404.
    const read = call(twin, '/pets/42', { headers: KEY });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: expect.any(Number) as number, name: expect.any(String) as string });
    const report = twin.controls.operations('petstore-30');
    expect(report?.stateful).toBe(false);
    expect(new Set(report?.operations.map((op) => op.kind))).toEqual(new Set(['none']));
    expect(report?.operations[0]?.reason).toBe('inference is off (--stateless)');
  });
});

describe('the core\'s limits apply to served documents', () => {
  it('the session byte budget: a write that does not fit is a 507 problem and changes nothing; deleting frees bytes', async () => {
    const twin = await createTwin({ deps: pinnedDeps(), maxSessionBytes: 64 * 1024, specs: [{ file: PETSTORE }] });
    const headers = { ...KEY, 'x-mock-session': 'small' };
    const big = 'x'.repeat(55);
    let last = call(twin, '/pets', { headers, json: { name: big } });
    let created = 0;
    while (last.status === 201) {
      created += 1;
      last = call(twin, '/pets', { headers, json: { name: big } });
    }
    expect(created).toBeGreaterThan(10);
    expect([last.status, (last.json as { type: string }).type]).toEqual([507, 'urn:api-twin:problem:session-full']);
    expect(call(twin, '/pets', { headers }).json).toHaveLength(created);
    expect(call(twin, '/pets/1', { headers, method: 'DELETE' }).status).toBe(204);
    expect(call(twin, '/pets', { headers, json: { name: big } }).status).toBe(201);
    expect(twin.controls.sessionBytes('small')).toBeLessThanOrEqual(64 * 1024);
  });

  it('body size and nesting limits answer problem+json', () => {
    return createTwin({ specs: [{ file: PETSTORE }] }).then((twin) => {
      const tooLarge = twin.handle({ method: 'POST', path: '/pets', query: '', headers: { ...KEY, 'content-type': 'application/json' }, body: '', bodyTooLarge: true });
      expect([tooLarge.status, JSON.parse(tooLarge.body)]).toMatchObject([413, { type: 'urn:api-twin:problem:body-too-large' }]);
      const deep = call(twin, '/pets', { headers: { ...KEY, 'content-type': 'application/json' }, body: `${'['.repeat(200)}${']'.repeat(200)}` });
      expect([deep.status, deep.json]).toMatchObject([400, { errors: [{ pointer: '/body', reason: 'nests deeper than 100 levels' }] }]);
    });
  });

  it('the Host rule (DNS rebinding) covers document paths', async () => {
    const twin = await createTwin({ specs: [{ file: PETSTORE }] });
    const res = call(twin, '/store/inventory', { remoteAddress: '127.0.0.1', headers: { host: 'evil.example' } });
    expect([res.status, (res.json as { type: string }).type]).toEqual([403, 'urn:api-twin:problem:host-not-allowed']);
  });

  it('Prefer delay and fault work on document operations', async () => {
    const twin = await createTwin({ specs: [{ file: PETSTORE }] });
    const delayed = twin.handle({ method: 'GET', path: '/store/inventory', query: '', headers: { prefer: 'delay=250' }, body: '' });
    expect([delayed.status, delayed.delayMs]).toEqual([200, 250]);
    expect(twin.handle({ method: 'GET', path: '/store/inventory', query: '', headers: { prefer: 'fault=reset' }, body: '' }).fault).toBe('reset');
  });

  it('the journal redacts credentials of every scheme', async () => {
    const twin = await createTwin({ specs: [{ file: BOOKSHOP, prefix: '/shop' }] });
    call(twin, '/shop/authors', { query: 'api_key=top-secret', headers: { authorization: 'Basic YTpi' } });
    const [entry] = twin.controls.journal.find({ path: '/shop/authors' });
    expect(entry?.query).toBe('api_key=%5Bredacted%5D');
    expect(entry?.headers.authorization).toBe('[redacted]');
  });
});

describe('embedding', () => {
  it('the express middleware claims only the paths a document names, not everything under its prefix', async () => {
    const twin = await createTwin({ specs: [{ file: PETSTORE }] });
    expect([twin.serves('/pets'), twin.serves('/pets/3'), twin.serves('/store/inventory'), twin.serves('/host-app'), twin.serves('/api/v1/anything')]).toEqual([true, true, true, false, true]);
    const app = express();
    app.get('/host-app', (_req, res) => { res.json({ host: true }); });
    app.use(twinMiddleware(twin));
    app.get('/after', (_req, res) => { res.json({ after: true }); });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    try {
      expect(await (await fetch(`${base}/after`)).json()).toEqual({ after: true });
      expect(await (await fetch(`${base}/store/inventory`)).json()).toEqual({ available: 12, pending: 3, sold: 40 });
    } finally {
      server.close();
    }
  });
});

describe('a document in a folder of its own, served under a prefix', () => {
  it('resolves relative $refs from the document\'s folder whatever the working directory', async () => {
    const dir = await tmp('twin-folder-');
    await mkdir(join(dir, 'parts'));
    await writeFile(join(dir, 'parts', 'thing.json'), JSON.stringify({ type: 'object', required: ['id'], properties: { id: { type: 'integer' }, label: { type: 'string' } } }));
    await writeFile(
      join(dir, 'api.json'),
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Things', version: '1' },
        paths: {
          '/things': {
            post: { requestBody: { content: { 'application/json': { schema: { $ref: './parts/thing.json' } } } }, responses: { '201': { description: 'ok', content: { 'application/json': { schema: { $ref: './parts/thing.json' } } } } } },
            get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: './parts/thing.json' } } } } } } },
          },
        },
      }),
    );
    const twin = await createTwin({ deps: pinnedDeps(), specs: [{ file: join(dir, 'api.json'), prefix: '/v2/' }] });
    // No operationIds in the document: they are named METHOD /path.
    const created = call(twin, '/v2/things', { json: { id: 7, label: 'seven' } });
    expect([created.status, created.json]).toEqual([201, { id: 7, label: 'seven' }]);
    expect(call(twin, '/v2/things', { json: { id: 7 } }).status).toBe(409);
    expect(call(twin, '/v2/things').json).toEqual([{ id: 7, label: 'seven' }]);
    expect(twin.controls.operations('api')?.operations.map((op) => [op.operationId, op.kind])).toEqual([
      ['GET /things', 'list'],
      ['POST /things', 'create'],
    ]);
    const spec = call(twin, '/__admin/specs/api');
    expect(spec.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
