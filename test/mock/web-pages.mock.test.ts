import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

/**
 * Robustness findings 6 and 7: the admin API is for the user's own tools, not for web pages (the
 * defences Vite and webpack-dev-server use), while curl from a terminal keeps working.
 */

const LOCAL = { remoteAddress: '127.0.0.1' };

/** A request off a loopback socket with the given headers (in-process, so no browser involved). */
function fromBrowser(twin: Awaited<ReturnType<typeof testTwin>>, path: string, method: string, headers: Record<string, string>, body = '') {
  return call(twin, path, { ...LOCAL, method, headers, body });
}

describe('finding 7: DNS rebinding — Host must be a loopback name, an IP address or an allowed host', () => {
  it('refuses GET and PUT /__admin/state, and vendor paths, for Host: evil.example', async () => {
    const twin = await testTwin();
    const evil = { host: 'evil.example:4010' };
    const get = fromBrowser(twin, '/__admin/state', 'GET', evil);
    expect(get.status).toBe(403);
    expect(get.json).toMatchObject({ type: 'urn:api-twin:problem:host-not-allowed' });
    expect(get.body).not.toContain('api_key');
    expect(fromBrowser(twin, '/__admin/state', 'PUT', { ...evil, 'content-type': 'application/json' }, '{"roam":{}}').status).toBe(403);
    expect(fromBrowser(twin, '/v1/api/group/', 'GET', { ...evil, ...ROAM_KEY }).status).toBe(403);
  });

  it('answers localhost, *.localhost, IP literals and --allowed-hosts names', async () => {
    const twin = await testTwin({ allowedHosts: ['twin.internal', '.corp.example'] });
    for (const host of ['localhost:4010', 'app.localhost', '127.0.0.1:4010', '[::1]:4010', '10.0.0.7', 'twin.internal:4010', 'a.corp.example', 'corp.example']) {
      expect(fromBrowser(twin, '/__admin/health', 'GET', { host }).status, host).toBe(200);
    }
    for (const host of ['evil.example', 'twin.internal.evil.example', 'localhost.evil.example', 'xcorp.example']) {
      expect(fromBrowser(twin, '/__admin/health', 'GET', { host }).status, host).toBe(403);
    }
    const open = await testTwin({ allowedHosts: 'all' });
    expect(fromBrowser(open, '/__admin/health', 'GET', { host: 'anything.example' }).status).toBe(200);
  });

  it('answers a request without Host with a 400 problem, not node\'s bare 400', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', { ...LOCAL, headers: { host: '' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: 'urn:api-twin:problem:missing-host' });
  });
});

describe('finding 7: cross-origin pages cannot drive the admin API', () => {
  it('a simple cross-origin POST /__admin/reset (text/plain, Origin: evil) is refused and resets nothing', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'survives' } });
    const res = fromBrowser(twin, '/__admin/reset', 'POST', { host: '127.0.0.1:4010', origin: 'http://evil.example', 'content-type': 'text/plain' }, 'x');
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ type: 'urn:api-twin:problem:admin-cross-origin' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(call(twin, '/v1/api/group/', { headers: ROAM_KEY, query: 'page_number=1' }).body).toContain('survives');
  });

  it('refuses Sec-Fetch-Site: cross-site, and bodies that are not JSON', async () => {
    const twin = await testTwin();
    expect(fromBrowser(twin, '/__admin/reset', 'POST', { host: 'localhost:4010', 'sec-fetch-site': 'cross-site' }).status).toBe(403);
    const notJson = fromBrowser(twin, '/__admin/reset', 'POST', { host: 'localhost:4010', 'content-type': 'text/plain' }, '{}');
    expect(notJson.status).toBe(415);
    expect(notJson.json).toMatchObject({ type: 'urn:api-twin:problem:admin-not-json' });
  });

  it('gives no CORS on /__admin/* to localhost pages, unless --admin-origins names them', async () => {
    const twin = await testTwin();
    const page = { host: '127.0.0.1:4010', origin: 'http://localhost:5173' };
    const preflight = fromBrowser(twin, '/__admin/reset', 'OPTIONS', { ...page, 'access-control-request-method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(fromBrowser(twin, '/__admin/health', 'GET', page).status).toBe(403);
    // Vendor paths keep their CORS for local frontends.
    expect(fromBrowser(twin, '/v1/api/group/', 'GET', { ...page, ...ROAM_KEY }).headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const allowed = await testTwin({ adminOrigins: ['http://localhost:5173'] });
    const ok = fromBrowser(allowed, '/__admin/health', 'GET', page);
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(fromBrowser(allowed, '/__admin/reset', 'OPTIONS', { ...page, 'access-control-request-method': 'POST' }).status).toBe(204);
  });

  it('answers the twin\'s own pages (same origin) and curl (no Origin, no body)', async () => {
    const twin = await testTwin();
    expect(fromBrowser(twin, '/__admin/reset', 'POST', { host: '127.0.0.1:4010', origin: 'http://127.0.0.1:4010', 'content-type': 'application/json' }, '{}').status).toBe(200);
    expect(fromBrowser(twin, '/__admin/reset', 'POST', { host: '127.0.0.1:4010' }).status).toBe(200);
  });
});

describe('finding 6: the admin token', () => {
  it('an empty token never matches a missing or empty Authorization header', async () => {
    const twin = await testTwin({ adminToken: '' });
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3' }).status).toBe(403);
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer ' } }).status).toBe(403);
  });

  it('a token is compared whole: a prefix, a longer value or another case fail', async () => {
    const twin = await testTwin({ adminToken: 'Secret-123' });
    for (const sent of ['Secret-12', 'Secret-1234', 'secret-123', '']) {
      expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${sent}` } }).status).toBe(403);
    }
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3', headers: { authorization: 'bearer Secret-123' } }).status).toBe(200);
  });
});

describe('over a real socket', () => {
  let running: RunningTwin;
  beforeAll(async () => { running = await startTwin({ port: 0 }); });
  afterAll(async () => { await running.close(); });

  /** node:http lets a test set Host, which fetch forbids. */
  function raw(path: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: running.port, path, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => { text += c.toString(); });
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, text }); });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('a rebinding page (Host: evil.example) cannot read the export with its passwords and keys', async () => {
    const res = await raw('/__admin/state', { host: 'evil.example' });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(TESTER['x-auth-token']);
    expect((await raw('/__admin/state', { host: `localhost:${running.port}` })).status).toBe(200);
  });
});
