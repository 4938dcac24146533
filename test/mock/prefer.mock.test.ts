import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

const createGroup = (prefer?: string, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...ROAM_KEY, ...(prefer === undefined ? {} : { prefer }), ...extra },
  json: { description: 'prefer-test' },
});

describe('Prefer: code / example / dynamic / seed (Prism-compatible)', () => {
  it('code=N answers the first named example documented for N, in the vendor envelope', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', createGroup('code=401'));
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      status: true,
      msg: 'No Api key in Header provided',
      code: 401,
      error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: 'No Api key in Header provided' },
    });
    expect(twin.validateResponse('roam', 'createGroup', res.status, res.json)).toEqual([]);
  });

  it('example=NAME picks a named example, with or without code', async () => {
    const twin = await testTwin();
    const byName = call(twin, '/v1/api/group/', createGroup('example=malformedBody'));
    expect(byName.status).toBe(400);
    expect(byName.json).toMatchObject({ error: { ErrorCode: 'GS400' } });
    const both = call(twin, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, prefer: 'code=400, example=nameRequired' }, json: {} });
    expect(both.status).toBe(400);
    expect(both.json).toEqual({ success: false, error: 'Body param "name" is required' });
  });

  it('a forced answer changes no state', async () => {
    const twin = await testTwin();
    const forced = call(twin, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, prefer: 'code=200' }, json: { name: 'forced-only' } });
    expect(forced.status).toBe(200);
    const real = call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'forced-only' } });
    expect(real.status).toBe(200);
    expect(real.json).toMatchObject({ group: { name: 'forced-only' } });
  });

  it('credentials are still checked before a preference is honoured', async () => {
    const twin = await testTwin();
    const res = call(twin, '/api/v1/groups.create', { method: 'POST', headers: { prefer: 'code=200' }, json: { name: 'x' } });
    expect(res.status).toBe(401);
  });

  it('dynamic=true fakes a schema-valid body, repeatable with seed', async () => {
    const twin = await testTwin();
    const a = call(twin, '/v1/api/group/', createGroup('dynamic=true, seed=7'));
    const b = call(twin, '/v1/api/group/', createGroup('dynamic=true, seed=7'));
    const c = call(twin, '/v1/api/group/', createGroup('dynamic=true, seed=8'));
    expect(a.status).toBe(201);
    expect(a.body).toBe(b.body);
    expect(c.body).not.toBe(a.body);
    expect(twin.validateResponse('roam', 'createGroup', a.status, a.json)).toEqual([]);
  });

  it('undocumented codes, unknown examples and malformed preferences are 422 problem+json', async () => {
    const twin = await testTwin();
    const code = call(twin, '/v1/api/group/', createGroup('code=418'));
    expect(code.status).toBe(422);
    expect(code.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(code.json).toMatchObject({ type: 'urn:api-twin:problem:undocumented-code', documented: expect.arrayContaining([201, 400, 401]) as unknown });
    const example = call(twin, '/v1/api/group/', createGroup('example=nope'));
    expect(example.json).toMatchObject({ type: 'urn:api-twin:problem:unknown-example', status: 422 });
    const bad = call(twin, '/v1/api/group/', createGroup('delay=soon'));
    expect(bad.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-prefer', status: 422 });
  });

  it('accepts Prism\'s __code query alias and keeps it out of vendor validation', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', { ...createGroup(), query: '__code=401' });
    expect(res.status).toBe(401);
  });
});

describe('Prefer: delay and fault', () => {
  it('delay=MS asks the adapter to wait, on real answers too', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', createGroup('delay=250'));
    expect(res.status).toBe(201);
    expect(res.delayMs).toBe(250);
  });

  it('fault=reset|empty asks the adapter to drop the connection', async () => {
    const twin = await testTwin();
    expect(call(twin, '/v1/api/group/', createGroup('fault=reset')).fault).toBe('reset');
    expect(call(twin, '/v1/api/group/', createGroup('fault=empty')).fault).toBe('empty');
  });
});
