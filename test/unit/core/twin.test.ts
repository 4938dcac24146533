import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adminApi } from '../../../src/apis/admin/index.ts';
import type { ApiDefinition, ApiSession } from '../../../src/core/api.ts';
import { createTwinCore, type Twin } from '../../../src/core/twin.ts';
import type { TwinRequest } from '../../../src/core/types.ts';

/** A minimal API that records the order of pipeline steps, to test the core without a vendor. */
function echoApi(steps: string[]): ApiDefinition {
  let created = 0;
  const session = (): ApiSession => {
    let items = 0;
    return {
      exportState: () => ({ items }),
      authenticate(operationId, headers) {
        steps.push('auth');
        if (headers['x-key'] !== 'k') return { ok: false, response: { status: 401, body: { error: 'no key' } } };
        return {
          ok: true,
          run(id, input) {
            steps.push('handler');
            if (id === 'boom') throw new Error('handler bug');
            items += 1;
            return { status: 200, body: { items, name: (input.body as { name: string }).name } };
          },
        };
      },
    };
  };
  return {
    name: 'echo',
    specPath: fileURLToPath(new URL('fixtures/echo.yaml', import.meta.url)),
    pathPrefix: '/echo/',
    validationErrors: 'all',
    responseHeaders: () => ({ 'x-vendor': 'echo' }),
    loadFixtures: () => {
      created += 1;
      return Promise.resolve({ fresh: session, fromState: () => ({ ok: false, pointer: '', reason: 'not supported' }) });
    },
    parseBody(_id, raw) {
      steps.push('parse');
      try {
        return { ok: true, body: JSON.parse(raw) as unknown };
      } catch {
        return { ok: false, response: { status: 400, body: { error: 'bad json' } } };
      }
    },
    rejectStrict: (_id, _input, issues) => ({ status: 400, body: { error: 'strict', keywords: issues.map((i) => i.keyword) } }),
    rejectInvalid(_id, _input, issues) {
      steps.push('reject');
      return { status: 400, body: { error: 'invalid', keywords: issues.map((i) => i.keyword) } };
    },
    payloadTooLarge: () => ({ status: 413, body: { error: 'too large', created } }),
  };
}

async function build(steps: string[] = []): Promise<Twin> {
  return createTwinCore({
    apis: [echoApi(steps)],
    admin: adminApi,
    fixturesDir: '/nowhere',
    deps: { now: () => new Date(0), random: () => 0.5 },
    sessions: { maxSessions: 2, idleMs: 60_000, maxBytes: 1024 * 1024 },
    journalSize: 10,
    journalBytes: 1024 * 1024,
    cors: 'localhost',
    adminToken: undefined,
    adminOrigins: [],
    allowedHosts: [],
  });
}

const request = (over: Partial<TwinRequest>): TwinRequest => ({
  method: 'POST',
  path: '/echo/items',
  query: '',
  headers: { 'x-key': 'k', 'content-type': 'application/json' },
  body: '{"name":"a"}',
  ...over,
});
const json = (body: string): unknown => JSON.parse(body);

describe('createTwinCore pipeline', () => {
  it('runs auth, parse, validation and handler in that order and adds vendor headers', async () => {
    const steps: string[] = [];
    const twin = await build(steps);
    const res = twin.handle(request({}));
    expect(res.status).toBe(200);
    expect(json(res.body)).toEqual({ items: 1, name: 'a' });
    expect(res.headers['x-vendor']).toBe('echo');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(steps).toEqual(['auth', 'parse', 'handler']);
  });

  it('answers the vendor 401 before looking at a broken body', async () => {
    const steps: string[] = [];
    const twin = await build(steps);
    const res = twin.handle(request({ headers: {}, body: '{not json' }));
    expect(res.status).toBe(401);
    expect(steps).toEqual(['auth']);
  });

  it('lets the vendor parser answer malformed bodies, and the vendor envelope answer schema failures', async () => {
    const twin = await build();
    expect(twin.handle(request({ body: '{oops' })).status).toBe(400);
    const invalid = twin.handle(request({ body: '{"name":""}' }));
    expect(json(invalid.body)).toEqual({ error: 'invalid', keywords: ['minLength'] });
  });

  it('answers 413 in the vendor envelope for an oversized body', async () => {
    const twin = await build();
    const res = twin.handle(request({ body: '', bodyTooLarge: true }));
    expect(res.status).toBe(413);
    expect(json(res.body)).toMatchObject({ error: 'too large' });
  });

  it('answers unknown routes 404 and wrong methods 405 as problem+json', async () => {
    const twin = await build();
    const missing = twin.handle(request({ path: '/nope' }));
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(json(missing.body)).toMatchObject({ type: 'urn:api-twin:problem:route-not-found', status: 404 });
    const wrongMethod = twin.handle(request({ method: 'DELETE' }));
    expect(wrongMethod.status).toBe(405);
    expect(json(wrongMethod.body)).toMatchObject({ type: 'urn:api-twin:problem:method-not-allowed' });
  });

  it('turns a handler exception into a 500 problem instead of crashing', async () => {
    const twin = await build();
    const res = twin.handle(request({ method: 'GET', path: '/echo/boom', body: '' }));
    expect(res.status).toBe(500);
    expect(json(res.body)).toMatchObject({ type: 'urn:api-twin:problem:internal-error', detail: 'handler bug' });
    // A 500 is a bug: it is journaled, so it can be found.
    expect(twin.controls.journal.find({ status: 500 })).toHaveLength(1);
  });

  it('journals a 500 of the admin API too, although admin traffic is otherwise not journaled', async () => {
    const twin = await build();
    const { controls } = twin;
    const working = controls.exportState.bind(controls);
    Object.assign(controls, { exportState: () => { throw new Error('export bug'); } });
    expect(twin.handle(request({ method: 'GET', path: '/__admin/state', body: '', query: 'api=rocketchat' })).status).toBe(500);
    expect(twin.handle(request({ method: 'GET', path: '/__admin/health', body: '' })).status).toBe(200);
    Object.assign(controls, { exportState: working });
    expect(twin.controls.journal.find().map((entry) => [entry.path, entry.status])).toEqual([['/__admin/state', 500]]);
  });

  it('ignores one trailing slash when routing', async () => {
    const twin = await build();
    expect(twin.handle(request({ path: '/echo/items/' })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('keeps X-Mock-Session states apart and resets them', async () => {
    const twin = await build();
    const inA = () => json(twin.handle(request({ headers: { 'x-key': 'k', 'x-mock-session': 'a' } })).body);
    expect(inA()).toMatchObject({ items: 1 });
    expect(inA()).toMatchObject({ items: 2 });
    expect(json(twin.handle(request({})).body)).toMatchObject({ items: 1 });
    expect(twin.controls.reset('a')).toBe(1);
    expect(inA()).toMatchObject({ items: 1 });
  });

  it('drops the least recently used session beyond the limit but never the default one', async () => {
    const twin = await build();
    twin.handle(request({}));
    for (const id of ['a', 'b', 'c']) twin.handle(request({ headers: { 'x-key': 'k', 'x-mock-session': id } }));
    expect(twin.controls.sessions()).toEqual(['default', 'c']);
  });
});

describe('admin', () => {
  it('answers health and reset from openapi/admin.yaml', async () => {
    const twin = await build();
    const health = twin.handle(request({ method: 'GET', path: '/__admin/health', body: '', headers: {} }));
    expect(health.status).toBe(200);
    expect(json(health.body)).toEqual({ status: 'ok' });
    twin.handle(request({}));
    const reset = twin.handle(request({ path: '/__admin/reset', body: '', headers: {} }));
    expect(json(reset.body)).toEqual({ reset: 1 });
  });

  it('rejects an admin request that breaks its spec with problem+json', async () => {
    const twin = await build();
    const res = twin.handle(request({ path: '/__admin/reset', query: 'session=', body: '', headers: {} }));
    expect(res.status).toBe(400);
    expect(json(res.body)).toMatchObject({ type: 'urn:api-twin:problem:invalid-admin-request' });
  });
});
