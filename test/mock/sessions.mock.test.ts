import { describe, expect, it } from 'vitest';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

describe('X-Mock-Session', () => {
  it('gives each session its own state, created lazily from the fixtures', async () => {
    const twin = await testTwin();
    const create = (session?: string) =>
      call(twin, '/api/v1/groups.create', {
        method: 'POST',
        headers: { ...TESTER, ...(session === undefined ? {} : { 'x-mock-session': session }) },
        json: { name: 'shared-name' },
      });
    expect(create('a').status).toBe(200);
    expect(create('a').json).toMatchObject({ errorType: 'error-duplicate-channel-name' });
    expect(create('b').status).toBe(200);
    expect(create().status).toBe(200);
    expect(twin.controls.sessions().sort()).toEqual(['a', 'b', 'default']);
  });

  it('POST /__admin/reset?session=ID restores one session to the fixtures and leaves the others', async () => {
    const twin = await testTwin();
    const headers = (session: string) => ({ ...ROAM_KEY, 'x-mock-session': session });
    call(twin, '/v1/api/group/', { method: 'POST', headers: headers('a'), json: { description: 'a' } });
    call(twin, '/v1/api/group/', { method: 'POST', headers: headers('b'), json: { description: 'b' } });
    const reset = call(twin, '/__admin/reset', { method: 'POST', query: 'session=a' });
    expect(reset.json).toEqual({ reset: 1 });
    const descriptions = (session: string) => {
      const body = call(twin, '/v1/api/group/', { headers: headers(session), query: 'page_number=1' }).json as { data: { groups: { description: string }[] } };
      return body.data.groups.map((g) => g.description);
    };
    // The default fixtures' two groups of this project, then what the session created.
    expect(descriptions('a')).toEqual(['user-group-10', 'user-group-11']);
    expect(descriptions('b')).toEqual(['user-group-10', 'user-group-11', 'b']);
  });

  it('POST /__admin/reset without a session resets everything', async () => {
    const twin = await testTwin();
    call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'to-forget' } });
    expect(call(twin, '/__admin/reset', { method: 'POST' }).json).toEqual({ reset: 1 });
    expect(call(twin, '/api/v1/groups.create', { method: 'POST', headers: TESTER, json: { name: 'to-forget' } }).status).toBe(200);
  });

  it('keeps at most maxSessions sessions, dropping the least recently used', async () => {
    const twin = await testTwin({ maxSessions: 3 });
    for (const id of ['s1', 's2', 's3', 's4']) call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': id } });
    expect(twin.controls.sessions()).toEqual(['s2', 's3', 's4']);
  });
});

describe('idle sessions', () => {
  it('drops a session unused for longer than sessionIdleMs, never the default one', async () => {
    let now = Date.parse('2026-11-22T10:00:00.000Z');
    const twin = await testTwin({ sessionIdleMs: 60_000, deps: { now: () => new Date(now), random: () => 0.5 } });
    const touch = (session?: string) =>
      call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, ...(session === undefined ? {} : { 'x-mock-session': session }) }, query: 'page_number=1' });
    touch();
    touch('old');
    now += 30_000;
    touch('recent');
    now += 45_000; // 'old' idle 75 s, 'recent' 45 s
    touch('newest');
    expect(twin.controls.sessions().sort()).toEqual(['default', 'newest', 'recent']);
  });
});
