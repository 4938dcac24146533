import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

/**
 * Strict contract mode: by default the twin is as lenient as the vendor, but never silently; with
 * `strict` (or `Prefer: strict=true`) a request outside the spec gets the vendor's 400.
 */
describe('requests outside the spec', () => {
  it('are answered as the vendor answers, listed in the journal and named in a header', async () => {
    const twin = await testTwin();
    const res = call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'lenient', readOnly: 5 } });
    expect(res.status).toBe(200);
    expect(res.headers['x-api-twin-violations']).toBe('1; /requestBody/readOnly must be boolean');
    const count = call(twin, '/api/v1/groups.list', { headers: TESTER, query: 'count=x' });
    expect(count.status).toBe(200);
    expect(count.headers['x-api-twin-violations']).toMatch(/^1; \/query\/count must be integer/);
    const journal = call(twin, '/__admin/requests', { query: 'violations=true' }).json as { count: number; requests: { path: string; violations: string[] }[] };
    expect(journal.requests.map((r) => [r.path, r.violations])).toEqual([
      ['/api/v1/groups.create', ['/requestBody/readOnly must be boolean']],
      ['/api/v1/groups.list', ['/query/count must be integer']],
    ]);
    const clean = call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'clean' } });
    expect(clean.headers['x-api-twin-violations']).toBeUndefined();
    expect((call(twin, '/__admin/requests', { query: 'violations=false' }).json as { count: number }).count).toBe(1);
  });

  it('lists every violation of a small body, not only the first', async () => {
    const twin = await testTwin();
    const res = call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'many', readOnly: 5, excludeSelf: 'no' } });
    expect(res.headers['x-api-twin-violations']).toMatch(/^2; /);
  });

  it('are refused with the vendor envelope in strict mode, or with Prefer: strict=true', async () => {
    const strict = await testTwin({ strict: true });
    const refused = call(strict, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'strict', readOnly: 5 } });
    expect([refused.status, refused.json]).toEqual([400, { success: false, error: 'must be boolean [invalid-params]', errorType: 'invalid-params' }]);
    expect(call(strict, '/api/v1/groups.info', { headers: TESTER, query: 'roomName=strict' }).status).toBe(400);
    const lenient = await testTwin();
    const one = call(lenient, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, prefer: 'strict=true' }, json: { name: 'one', readOnly: 5 } });
    expect(one.status).toBe(400);
    const roam = call(lenient, '/v1/api/group/', { headers: { ...ROAM_KEY, prefer: 'strict=true' }, query: 'page_number=1&colour=red' });
    expect([roam.status, roam.json]).toEqual([
      400,
      { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details: { colour: ['Unknown query parameter.'] } } },
    ]);
    expect(call(lenient, '/v1/api/group/', { headers: ROAM_KEY, query: 'page_number=1&colour=red' }).status).toBe(200);
  });
});
