import { describe, expect, it } from 'vitest';
import { viaPrismProxy } from '../../support/http.ts';
import { auth, bodyOf, oversizedJson, rc, TESTER_ID, TOO_LARGE } from './rocketchat-client.ts';

const LOGIN_FAILED = { success: false, error: 'Unauthorized', status: 'error', message: 'Unauthorized' };

describe('POST /api/v1/login (research §5.1)', () => {
  it('200: a fresh 43-character token each time, usable at once', async () => {
    const first = await rc('login', 'login', { json: { user: 'tester', password: 'tester' } });
    const second = await rc('login', 'login', { json: { username: 'tester', password: 'tester' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    const a = bodyOf(first, 'LoginResponse').data;
    const b = bodyOf(second, 'LoginResponse').data;
    expect(bodyOf(first, 'LoginResponse').status).toBe('success');
    expect(a.userId).toBe(TESTER_ID);
    expect(a.authToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.authToken).not.toBe(b.authToken);
    expect(a.me).toMatchObject({ _id: TESTER_ID, username: 'tester', name: 'Tester', active: true });
    const me = await rc('me', 'me', { headers: auth(a.userId, a.authToken) });
    expect(me.status).toBe(200);
  });

  it('200 with a form body too (research §5.3)', async () => {
    const res = await rc('login', 'login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=tester&password=tester',
    });
    expect(res.status).toBe(200);
  });

  it.each<[string, unknown]>([
    ['wrong password', { user: 'tester', password: 'wrong' }],
    ['unknown user', { user: 'no.such.user', password: 'tester' }],
    ['missing password', { user: 'tester' }],
    ['empty body', {}],
    ['password of another type', { user: 'tester', password: 123 }],
  ])('401: %s', async (_case, json) => {
    const res = await rc('login', 'login', { json });
    expect([res.status, res.json]).toEqual([401, LOGIN_FAILED]);
  });

  it.skipIf(viaPrismProxy)('401 for malformed JSON (read as {})', async () => {
    const res = await rc('login', 'login', { headers: { 'content-type': 'application/json' }, body: '{"user":' });
    expect([res.status, res.json]).toEqual([401, LOGIN_FAILED]);
  });

  it('413 for a body over the limit (modelled)', async () => {
    const res = await rc('login', 'login', { headers: { 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  });
});
