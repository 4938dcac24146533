import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

describe('GET /__admin/requests (journal)', () => {
  it('records method, path, headers, body, status, answer, times and session', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, 'x-mock-session': 's' }, json: { description: 'journaled' } });
    const res = call(twin, '/__admin/requests');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      count: 1,
      requests: [
        {
          id: 1, session: 's', api: 'roam', operationId: 'createGroup', method: 'POST', path: '/v1/api/group/',
          body: '{"description":"journaled"}', status: 201, receivedAt: '2026-11-22T10:00:00.000Z',
        },
      ],
    });
  });

  it('redacts tokens, keys and passwords', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: {} });
    call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'redact-me' } });
    call(twin, '/api/v1/login', { method: 'POST', json: { user: 'tester', password: 'tester' } });
    const text = call(twin, '/__admin/requests').body;
    expect(text).not.toContain('289eb8eb262140629664078bec76d60c');
    expect(text).not.toContain('RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f');
    expect(text).not.toContain('\\"password\\":\\"tester\\"');
    expect(text).toContain('[redacted]');
    const login = (call(twin, '/__admin/requests', { query: 'path=/api/v1/login' }).json as { requests: { responseBody: string }[] }).requests[0];
    expect(login?.responseBody).not.toMatch(/"authToken":"(?!\[redacted\])/);
  });

  it('filters by path, method, status and session, and limits', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'a' } });
    call(twin, '/v1/api/group/', { method: 'POST', headers: {}, json: { description: 'b' } });
    call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': 'z' }, query: 'page_number=1' });
    const count = (query: string) => (call(twin, '/__admin/requests', { query }).json as { count: number }).count;
    expect(count('')).toBe(3);
    expect(count('status=401')).toBe(1);
    expect(count('method=get')).toBe(1);
    expect(count('session=z')).toBe(1);
    expect(count('path=/v1/api/group/&status=201')).toBe(1);
    expect(count('limit=2')).toBe(2);
  });

  it('is a bounded ring, and DELETE clears it', async () => {
    const twin = await testTwin({ journalSize: 2 });
    for (let i = 0; i < 5; i += 1) call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: `n${i}` } });
    const journal = call(twin, '/__admin/requests').json as { requests: { id: number }[] };
    expect(journal.requests.map((r) => r.id)).toEqual([4, 5]);
    expect(call(twin, '/__admin/requests', { method: 'DELETE' }).json).toEqual({ cleared: 2 });
    expect(call(twin, '/__admin/requests').json).toEqual({ count: 0, requests: [] });
  });
});

describe('GET /__admin/coverage', () => {
  it('lists every documented operation × status with how often it was served', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'x' } });
    call(twin, '/v1/api/group/', { method: 'POST', headers: {}, json: {} });
    const report = call(twin, '/__admin/coverage').json as { covered: number; total: number; rows: { api: string; operationId: string; status: number; served: number }[] };
    const row = (status: number) => report.rows.find((r) => r.api === 'roam' && r.operationId === 'createGroup' && r.status === status);
    expect(row(201)?.served).toBe(1);
    expect(row(401)?.served).toBe(1);
    expect(row(400)?.served).toBe(0);
    expect(report.covered).toBe(2);
    expect(report.total).toBeGreaterThan(20);
  });
});

describe('GET /__admin/specs/{api}', () => {
  it('serves the raw spec as YAML, and 400 for an unknown api', async () => {
    const twin = await testTwin();
    const spec = call(twin, '/__admin/specs/roam');
    expect(spec.status).toBe(200);
    expect(spec.headers['content-type']).toMatch(/^application\/yaml/);
    expect(spec.body.startsWith('openapi: 3.1.0')).toBe(true);
    expect(call(twin, '/__admin/specs/nope').status).toBe(400);
  });
});
