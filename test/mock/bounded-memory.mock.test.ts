import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

/** Robustness findings 2–5 and 8, each reproduced with bounded counts and asserted fixed. */

const MB = 1024 * 1024;
/** About 914 KB of `customFields` in 52,000 keys: ~5 MB of heap per room before the budget existed. */
const bigCustomFields = Object.fromEntries(Array.from({ length: 52_000 }, (_, i) => [`field${i}`, i]));

describe('finding 2: memory is bounded by bytes, not by room count', () => {
  it('Rocket.Chat: rooms carrying 914 KB of customFields fill the session budget, then get the vendor envelope', async () => {
    const twin = await testTwin({ maxSessionBytes: 16 * MB });
    const statuses: number[] = [];
    let refusal: unknown;
    for (let i = 0; i < 20; i += 1) {
      const res = call(twin, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, 'x-mock-session': 's' }, json: { name: `big-${i}`, customFields: bigCustomFields } });
      statuses.push(res.status);
      if (res.status === 400) refusal = res.json;
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(0);
    expect(refusal).toMatchObject({ success: false, errorType: 'error-twin-session-full' });
    expect(twin.controls.sessionBytes('s')).toBeLessThanOrEqual(16 * MB);
    // Deleting a room gives its bytes back.
    const before = twin.controls.sessionBytes('s');
    expect(call(twin, '/api/v1/groups.delete', { method: 'POST', headers: { ...TESTER, 'x-mock-session': 's' }, json: { roomName: 'big-0' } }).status).toBe(200);
    expect(twin.controls.sessionBytes('s')).toBeLessThan(before);
    expect(call(twin, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, 'x-mock-session': 's' }, json: { name: 'fits-again', customFields: bigCustomFields } }).status).toBe(200);
  });

  it('Roam: users with big metadata and groups with long descriptions stop at the budget with GS400', async () => {
    const twin = await testTwin({ maxSessionBytes: 4 * MB });
    const headers = { ...ROAM_KEY, 'x-mock-session': 'r' };
    const results = Array.from({ length: 12 }, () =>
      call(twin, '/v1/api/user/', { method: 'POST', headers, json: { app_type: 1, device_token: 'd', metadata: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'.repeat(20)])) } }),
    );
    expect(results.some((r) => r.status === 201)).toBe(true);
    const full = results.find((r) => r.status === 400);
    expect(full?.json).toMatchObject({ code: 400, error: { ErrorCode: 'GS400', details: expect.stringContaining('maximum of 4194304 bytes') as unknown } });
    const group = call(twin, '/v1/api/group/', { method: 'POST', headers, json: { description: 'x'.repeat(900_000) } });
    expect(group.status).toBe(400);
    expect(twin.controls.sessionBytes('r')).toBeLessThanOrEqual(4 * MB);
  });

  it('the default session has its own, larger budget', async () => {
    const twin = await testTwin({ maxSessionBytes: 2 * MB, defaultSessionBytes: 32 * MB });
    for (let i = 0; i < 3; i += 1) {
      expect(call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: `default-${i}`, customFields: bigCustomFields } }).status).toBe(200);
    }
    expect(call(twin, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, 'x-mock-session': 'small' }, json: { name: 'small', customFields: bigCustomFields } }).status).toBe(400);
  });
});

describe('finding 3: the journal holds cut copies, bounded in total bytes', () => {
  it('1,000 unauthenticated 1 MB bodies leave at most journalBytes in the journal, each body cut to 16 KiB', async () => {
    const twin = await testTwin({ journalBytes: 4 * MB });
    const body = JSON.stringify({ name: 'n'.repeat(MB) });
    for (let i = 0; i < 1000; i += 1) call(twin, '/api/v1/groups.create', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(twin.controls.journal.bytes).toBeLessThanOrEqual(4 * MB);
    const entries = twin.controls.journal.find();
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.length).toBeLessThan(1000);
    for (const entry of entries) expect(entry.body.length).toBeLessThanOrEqual(16 * 1024);
    // The newest entries are kept, the oldest dropped.
    expect(entries.at(-1)?.id).toBe(1000);
  });

  it('answers of 1 MB and more are cut too', async () => {
    const twin = await testTwin({ maxSessionBytes: 64 * MB });
    for (let i = 0; i < 40; i += 1) call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: `list-${i}`, customFields: { pad: 'p'.repeat(50_000) } } });
    const list = call(twin, '/api/v1/groups.list', { headers: TESTER, query: 'count=0' });
    expect(list.body.length).toBeGreaterThan(MB);
    expect(twin.controls.journal.find({ path: '/api/v1/groups.list' })[0]?.responseBody.length).toBe(16 * 1024);
  });
});

describe('finding 4: requests whose credentials fail never create or evict sessions', () => {
  it('2,000 unauthenticated requests with new session ids leave the live sessions alone', async () => {
    const twin = await testTwin({ maxSessions: 3 });
    expect(call(twin, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, 'x-mock-session': 'live' }, json: { description: 'keep me' } }).status).toBe(201);
    for (let i = 0; i < 1000; i += 1) {
      expect(call(twin, '/v1/api/group/', { method: 'POST', headers: { 'x-mock-session': `anon-${i}` }, json: {} }).status).toBe(401);
      expect(call(twin, '/api/v1/groups.create', { method: 'POST', headers: { 'x-mock-session': `anon-rc-${i}` }, json: { name: 'x' } }).status).toBe(401);
    }
    expect(twin.controls.sessions()).toEqual(['live']);
    const page = call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': 'live' }, query: 'page_number=1' });
    expect(page.body).toContain('keep me');
  });

  it('a failed login keeps no session; a successful one does', async () => {
    const twin = await testTwin();
    expect(call(twin, '/api/v1/login', { method: 'POST', headers: { 'x-mock-session': 'bad' }, json: { user: 'tester', password: 'wrong' } }).status).toBe(401);
    expect(twin.controls.sessions()).toEqual([]);
    expect(call(twin, '/api/v1/login', { method: 'POST', headers: { 'x-mock-session': 'good' }, json: { user: 'tester', password: 'tester' } }).status).toBe(200);
    expect(twin.controls.sessions()).toEqual(['good']);
  });

  it('a session id longer than 200 characters is refused as problem+json', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': 's'.repeat(201) }, query: 'page_number=1' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-session' });
  });
});

describe('finding 5: no secret reaches the journal, in any encoding or size', () => {
  const secrets = ['hunter2-form', 'hunter2-spaced', 'hunter2-late', 'tok-in-query', 'key-in-header', 'digest-value', 'hunter2-text', 'cookie-value'];

  it('redacts form logins, JSON behind whitespace, passwords past 16 KiB, query credentials and every credential header', async () => {
    const twin = await testTwin();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    call(twin, '/api/v1/login', { method: 'POST', headers: form, body: 'user=tester&password=hunter2-form' });
    call(twin, '/api/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '  \n {"user":"tester","password":"hunter2-spaced"}' });
    call(twin, '/api/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'p'.repeat(20_000), password: 'hunter2-late' }) });
    call(twin, '/api/v1/me', { headers: TESTER, query: 'access_token=tok-in-query&authToken=tok-in-query' });
    call(twin, '/v1/api/group/', { headers: { 'x-api-key': 'key-in-header', cookie: 'sid=cookie-value' }, query: 'page_number=1' });
    call(twin, '/api/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, json: { user: 'tester', password: { digest: 'digest-value', algorithm: 'sha-256' } } });
    call(twin, '/api/v1/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"user":"tester","password":"hunter2-text"' });
    const text = JSON.stringify(twin.controls.journal.find());
    for (const secret of [...secrets, TESTER['x-auth-token'], ROAM_KEY['api-key']]) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
    // What is not a secret stays readable.
    expect(text).toContain('user=tester');
    expect(text).toContain('page_number=1');
  });
});

describe('finding 8: imported state meets the request limits, and no input reaches a 500', () => {
  it('refuses a room whose customFields nest 5,000 deep, and every endpoint keeps answering', async () => {
    const twin = await testTwin();
    const state = call(twin, '/__admin/state', { query: 'api=rocketchat' }).json as { rooms: { customFields?: unknown }[] };
    const room = state.rooms[0];
    if (room) room.customFields = 'DEEP';
    // Built as text: JSON.stringify itself overflows the stack on 5,000 levels.
    const body = JSON.stringify(state).replace('"DEEP"', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    const put = call(twin, '/__admin/state', { method: 'PUT', query: 'api=rocketchat', headers: { 'content-type': 'application/json' }, body });
    expect(put.status).toBe(400);
    expect(put.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-admin-request', detail: 'The body nests deeper than 100 levels.' });
    for (const path of ['/api/v1/groups.list', '/api/v1/groups.info?roomName=general', '/__admin/state']) {
      const [p, q] = path.split('?');
      expect(call(twin, p ?? '', { headers: TESTER, query: q ?? '' }).status).toBeLessThan(500);
    }
  });

  it('refuses state larger than the session budget, naming the budget', async () => {
    const twin = await testTwin({ maxSessionBytes: 1 * MB });
    const state = call(twin, '/__admin/state', { query: 'api=roam' }).json as { groups: { description: string }[] };
    const group = state.groups[0];
    if (group) group.description = 'd'.repeat(2 * MB);
    const put = call(twin, '/__admin/state', { method: 'PUT', query: 'api=roam&session=small', json: state });
    expect(put.status).toBe(400);
    expect(put.json).toMatchObject({ type: 'urn:api-twin:problem:invalid-state', api: 'roam', reason: expect.stringContaining('more than the session budget of 1048576') as unknown });
  });
});
