import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../../src/paths.ts';
import { expectDocumented } from '../../support/conform-document.ts';
import { send, uniqueName, viaPrismProxy, type WireRequest, type WireResponse } from '../../support/http.ts';

/**
 * test/openapi/petstore-30.yaml (OpenAPI 3.0) served at its own paths: inferred state for /pets and
 * its adoptions, validation, security presence, examples and faked bodies, over HTTP. Every answer
 * is checked against the document (conform-document.ts).
 */
const DOC = 'test/openapi/petstore-30.yaml';
const KEY = { 'X-Api-Key': 'any-key' };

async function call(operationId: string, path: string, session: string, request: WireRequest = {}): Promise<WireResponse> {
  const res = await send(path, { ...request, headers: { ...KEY, 'X-Mock-Session': session, ...request.headers } });
  await expectDocumented(DOC, operationId, res);
  return res;
}

interface Pet {
  readonly id: number;
  readonly name: string;
  readonly tag?: string | null;
  readonly status: string;
  readonly createdAt?: string;
}

describe('petstore (OpenAPI 3.0): inferred state', () => {
  it('the whole story in one session, while another session stays untouched', async () => {
    const a = uniqueName('story-a');
    const b = uniqueName('story-b');
    const created = await call('createPet', '/pets', a, { json: { name: 'Rex', tag: 'dog', status: 'available' } });
    expect(created.status).toBe(201);
    const rex = created.json as Pet;
    expect(rex).toMatchObject({ id: 1, name: 'Rex', tag: 'dog', status: 'available' });
    expect(created.headers.get('location')).toBe('/pets/1');
    const second = await call('createPet', '/pets', a, { json: { name: 'Tom', tag: null } });
    expect((second.json as Pet).id).toBe(2);

    const list = await call('listPets', '/pets', a);
    expect([list.status, (list.json as Pet[]).map((p) => p.name)]).toEqual([200, ['Rex', 'Tom']]);
    const read = await call('getPet', '/pets/1', a);
    expect([read.status, read.json]).toEqual([200, rex]);

    const replaced = await call('replacePet', '/pets/1', a, { method: 'PUT', json: { name: 'Rexy', status: 'pending' } });
    expect([replaced.status, replaced.json]).toEqual([200, { ...rex, name: 'Rexy', status: 'pending' }]);
    const patched = await call('updatePet', '/pets/1', a, { method: 'PATCH', body: JSON.stringify({ tag: null }), headers: { 'Content-Type': 'application/merge-patch+json' } });
    // JSON merge patch: null removes the field.
    expect([patched.status, patched.json]).toEqual([200, { id: 1, name: 'Rexy', status: 'pending', ...(rex.createdAt === undefined ? {} : { createdAt: rex.createdAt }) }]);

    const deleted = await call('deletePet', '/pets/1', a, { method: 'DELETE' });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    const gone = await call('getPet', '/pets/1', a);
    // The document's own error shape (Error: code, message), not problem+json.
    expect([gone.status, gone.json]).toEqual([404, { code: 404, message: 'No such item' }]);
    expect((await call('listPets', '/pets', a)).json).toMatchObject([{ id: 2, name: 'Tom' }]);

    // The other session saw nothing of it, and counts its own ids.
    expect((await call('listPets', '/pets', b)).json).toEqual([]);
    expect((await call('getPet', '/pets/2', b)).status).toBe(404);
    expect(((await call('createPet', '/pets', b, { json: { name: 'Solo' } })).json as Pet).id).toBe(1);
  });

  it('fills what the body leaves out from the schema (created stamps, required fields), keeping the id', async () => {
    const s = uniqueName('fill');
    const pet = (await call('createPet', '/pets', s, { json: { name: 'Mia' } })).json as Pet;
    expect(pet.name).toBe('Mia');
    expect(['available', 'pending', 'sold']).toContain(pet.status);
    expect(new Date(pet.createdAt ?? '').toISOString()).toBe(pet.createdAt);
    // Updates keep createdAt; a body naming another id does not move the item.
    const moved = await call('replacePet', `/pets/${pet.id}`, s, { method: 'PUT', json: { name: 'Mia 2' } });
    expect(moved.json).toMatchObject({ id: pet.id, createdAt: pet.createdAt });
  });

  it('pages with limit/offset and filters on a declared item property', async () => {
    const s = uniqueName('paging');
    for (const [name, status] of [['a', 'sold'], ['b', 'available'], ['c', 'sold'], ['d', 'sold']] as const) {
      await call('createPet', '/pets', s, { json: { name, status } });
    }
    const names = (res: WireResponse) => (res.json as Pet[]).map((p) => p.name);
    expect(names(await call('listPets', '/pets', s, { query: { limit: '2' } }))).toEqual(['a', 'b']);
    expect(names(await call('listPets', '/pets', s, { query: { limit: '2', offset: '2' } }))).toEqual(['c', 'd']);
    expect(names(await call('listPets', '/pets', s, { query: { status: 'sold' } }))).toEqual(['a', 'c', 'd']);
    expect(names(await call('listPets', '/pets', s, { query: { status: 'sold', offset: '1', limit: '1' } }))).toEqual(['c']);
  });

  it('a form body (application/x-www-form-urlencoded) is coerced to its schema types and stored in a nested collection', async () => {
    const s = uniqueName('form');
    const body = new URLSearchParams({ adopter: 'Ann', email: 'ann@example.com', visits: '3', indoor: 'true' }).toString();
    const adopted = await call('adoptPet', '/pets/7/adoptions', s, { body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([adopted.status, adopted.json]).toEqual([201, { id: 1, adopter: 'Ann', email: 'ann@example.com', visits: 3, indoor: true }]);
    expect(adopted.headers.get('location')).toBe('/pets/7/adoptions/1');
    expect((await call('getAdoption', '/pets/7/adoptions/1', s)).json).toEqual(adopted.json);
    // Another pet's adoptions are another collection.
    expect((await call('getAdoption', '/pets/8/adoptions/1', s)).status).toBe(404);
    const bad = await call('adoptPet', '/pets/7/adoptions', s, { body: 'adopter=&visits=many', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(bad.status).toBe(400);
    expect((bad.json as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/email', reason: 'is required' },
      { pointer: '/body/adopter', reason: 'must NOT have fewer than 1 characters' },
      { pointer: '/body/visits', reason: 'must be integer' },
    ]);
  });
});

describe('petstore (OpenAPI 3.0): validation, security, documented answers', () => {
  it('400 application/problem+json lists every failing JSON pointer with its reason', async () => {
    const s = uniqueName('invalid');
    const res = await call('createPet', '/pets', s, { json: { tag: 5, status: 'lost', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-request', status: 400 });
    expect((res.json as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/name', reason: 'is required' },
      { pointer: '/body/colour', reason: 'is not allowed' },
      { pointer: '/body/tag', reason: 'must be string' },
      { pointer: '/body/status', reason: 'must be equal to one of the allowed values' },
    ]);
    const params = await call('listPets', '/pets', s, { query: { limit: '0', offset: 'x' } });
    expect((params.json as { errors: unknown[] }).errors).toEqual([
      { pointer: '/query/limit', reason: 'must be >= 1' },
      { pointer: '/query/offset', reason: 'must be integer' },
    ]);
    const path = await call('getPet', '/pets/abc', s);
    expect([path.status, (path.json as { errors: unknown[] }).errors]).toEqual([400, [{ pointer: '/path/petId', reason: 'must be integer' }]]);
  });

  it.skipIf(viaPrismProxy)('a malformed JSON body is a 400 naming /body', async () => {
    const res = await call('createPet', '/pets', uniqueName('malformed'), { body: '{"name":', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((res.json as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe('/body');
  });

  it('415 for a body in a media type the operation does not take', async () => {
    const res = await call('createPet', '/pets', uniqueName('media'), { body: 'name=Rex', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([res.status, (res.json as { type: string }).type]).toEqual([415, 'urn:api-twin:problem:unsupported-media-type']);
  });

  it('security: no credentials is a 401 in the document\'s shape with WWW-Authenticate; an API key or a bearer token passes', async () => {
    const s = uniqueName('auth');
    const none = await send('/pets', { headers: { 'X-Mock-Session': s } });
    await expectDocumented(DOC, 'listPets', none);
    expect([none.status, none.json]).toEqual([401, { code: 401, message: 'Credentials are missing or not accepted' }]);
    expect(none.headers.get('www-authenticate')).toBe('ApiKey realm="petstore-30", in="header", name="X-Api-Key", Bearer realm="petstore-30"');
    const bearer = await send('/pets', { headers: { 'X-Mock-Session': s, Authorization: 'Bearer anything' } });
    expect(bearer.status).toBe(200);
    // Credentials come before the body: bad credentials and a bad body is a 401.
    const both = await send('/pets', { headers: { 'X-Mock-Session': s }, json: {} });
    expect(both.status).toBe(401);
    // Public operations need none.
    expect((await send('/store/inventory')).status).toBe(200);
  });

  it('answers the first named example, another one on Prefer, a documented status on __code', async () => {
    const s = uniqueName('examples');
    const first = await call('getInventory', '/store/inventory', s);
    expect([first.status, first.json]).toEqual([200, { available: 12, pending: 3, sold: 40 }]);
    const quiet = await call('getInventory', '/store/inventory', s, { headers: { Prefer: 'example=quiet' } });
    expect(quiet.json).toEqual({ available: 2, pending: 0, sold: 0 });
    const forced = await call('getPet', '/pets/1', s, { query: { __code: '404' } });
    expect(forced.status).toBe(404);
    expect(forced.json).toMatchObject({ code: expect.any(Number) as number, message: expect.any(String) as string });
  });

  it.skipIf(viaPrismProxy)('a status the operation does not document cannot be forced (422)', async () => {
    const undocumented = await send('/store/inventory', { headers: { Prefer: 'code=500' } });
    expect([undocumented.status, (undocumented.json as { type: string }).type]).toEqual([422, 'urn:api-twin:problem:undocumented-code']);
  });

  it('a body faked from the schema is format-valid and the same on every read in a session', async () => {
    const s = uniqueName('faked');
    const one = await call('getStats', '/store/stats', s);
    const again = await call('getStats', '/store/stats', s);
    expect(one.status).toBe(200);
    expect(again.json).toEqual(one.json);
    const stats = one.json as { visitors: number; since: string; contact: string; site?: string; ticket?: string };
    expect(Number.isInteger(stats.visitors)).toBe(true);
    expect(new Date(`${stats.since}T00:00:00Z`).toISOString().slice(0, 10)).toBe(stats.since);
    expect(stats.contact).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
    if (stats.site !== undefined) expect(() => new URL(stats.site ?? '')).not.toThrow();
    if (stats.ticket !== undefined) expect(stats.ticket).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const dynamic = await call('getStats', '/store/stats', s, { headers: { Prefer: 'dynamic=true, seed=7' } });
    expect((await call('getStats', '/store/stats', s, { headers: { Prefer: 'dynamic=true, seed=7' } })).json).toEqual(dynamic.json);
  });

  it.skipIf(viaPrismProxy)('an operation the twin cannot serve (an image) answers 501 problem+json', async () => {
    const res = await send('/pets/1/photo', { headers: KEY });
    expect([res.status, res.json]).toEqual([
      501,
      { type: 'urn:api-twin:problem:unservable-operation', title: 'The twin cannot serve this operation', status: 501, detail: 'no JSON response (only image/png); it was listed when the twin started.' },
    ]);
  });
});

// The admin API is the twin's own: Prism's proxy knows only the document.
describe.skipIf(viaPrismProxy)('petstore (OpenAPI 3.0): the admin API', () => {
  it('GET /__admin/specs/petstore-30 is the document as given; /operations shows the classification', async () => {
    const raw = await send('/__admin/specs/petstore-30');
    expect([raw.status, raw.headers.get('content-type'), raw.text]).toEqual([200, 'application/yaml; charset=utf-8', readFileSync(fromRoot(DOC), 'utf8')]);
    const ops = await send('/__admin/specs/petstore-30/operations');
    expect(ops.status).toBe(200);
    const report = ops.json as { api: string; stateful: boolean; overlays: null; operations: { operationId: string; kind: string; resource?: string; servable: boolean; reason?: string }[] };
    expect([report.api, report.stateful, report.overlays]).toEqual(['petstore-30', true, null]);
    const kinds = Object.fromEntries(report.operations.map((op) => [op.operationId, `${op.kind}${op.resource === undefined ? '' : ` ${op.resource}`}`]));
    expect(kinds).toEqual({
      listPets: 'list /pets',
      createPet: 'create /pets',
      getPet: 'read /pets',
      replacePet: 'update /pets',
      updatePet: 'update /pets',
      deletePet: 'delete /pets',
      adoptPet: 'create /pets/{petId}/adoptions',
      getAdoption: 'read /pets/{petId}/adoptions',
      getPetPhoto: 'none',
      getInventory: 'none',
      getStats: 'none',
    });
    expect(report.operations.find((op) => op.operationId === 'getPetPhoto')).toMatchObject({ servable: false, reason: 'no JSON response (only image/png)' });
    expect((await send('/__admin/specs/nope/operations')).status).toBe(400);
  });

  it('requests to the document are journaled and counted in coverage', async () => {
    const s = uniqueName('journal');
    await call('createPet', '/pets', s, { json: { name: 'J' } });
    const journal = await send('/__admin/requests', { query: { session: s } });
    const entries = (journal.json as { requests: { api: string; operationId: string; status: number; headers: Record<string, string> }[] }).requests;
    expect(entries.map((e) => [e.api, e.operationId, e.status])).toEqual([['petstore-30', 'createPet', 201]]);
    // The API key is a credential: never stored.
    expect(entries[0]?.headers['x-api-key']).toBe('[redacted]');
    const coverage = (await send('/__admin/coverage')).json as { rows: { api: string; operationId: string; status: number; served: number }[] };
    expect(coverage.rows.find((r) => r.api === 'petstore-30' && r.operationId === 'createPet' && r.status === 201)?.served).toBeGreaterThan(0);
  });

  it('CORS: a localhost page may call the document', async () => {
    const res = await send('/store/inventory', { headers: { Origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
