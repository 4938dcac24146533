import { describe, expect, it } from 'vitest';
import { ROAM_KEY, call, testTwin } from '../support/in-process.ts';

describe('CORS', () => {
  it('answers a preflight from any localhost origin by default', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'api-key, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(res.headers['access-control-allow-headers']).toBe('api-key, content-type');
    const real = call(twin, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, origin: 'http://127.0.0.1:3000' }, json: {} });
    expect(real.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
  });

  it('gives no CORS headers to other origins, and honours a configured list', async () => {
    const twin = await testTwin();
    const res = call(twin, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, origin: 'https://evil.example' }, json: {} });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const listed = await testTwin({ cors: ['https://app.example'] });
    const ok = call(listed, '/v1/api/group/', { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(ok.status).toBe(204);
  });
});

describe('admin access', () => {
  it('answers loopback clients and refuses others without a token', async () => {
    const twin = await testTwin();
    expect(call(twin, '/__admin/health', { remoteAddress: '127.0.0.1' }).status).toBe(200);
    expect(call(twin, '/__admin/health', { remoteAddress: '::ffff:127.0.0.1' }).status).toBe(200);
    const remote = call(twin, '/__admin/health', { remoteAddress: '10.1.2.3' });
    expect(remote.status).toBe(403);
    expect(remote.json).toMatchObject({ type: 'urn:api-twin:problem:admin-forbidden' });
  });

  it('wants the bearer token from everyone once one is configured', async () => {
    const twin = await testTwin({ adminToken: 's3cret' });
    expect(call(twin, '/__admin/health', { remoteAddress: '127.0.0.1' }).status).toBe(403);
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer s3cret' } }).status).toBe(200);
    expect(call(twin, '/__admin/health', { headers: { authorization: 'Bearer wrong!' } }).status).toBe(403);
  });

  it('an empty configured token opens nothing', async () => {
    const twin = await testTwin({ adminToken: '' });
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3' }).status).toBe(403);
    expect(call(twin, '/__admin/health', { remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer ' } }).status).toBe(403);
  });
});
