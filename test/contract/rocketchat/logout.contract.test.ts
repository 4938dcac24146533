import { describe, expect, it } from 'vitest';
import { auth, login, NOT_LOGGED_IN, oversizedJson, rc, TESTER_ID, TOO_LARGE } from './rocketchat-client.ts';

describe('POST /api/v1/logout (research §5.1)', () => {
  it('200, and the token is dead afterwards while other tokens live on', async () => {
    const session = await login('tester', 'tester');
    const other = await login('tester', 'tester');
    const res = await rc('logout', 'logout', { method: 'POST', headers: session });
    expect([res.status, res.json]).toEqual([200, { status: 'success', data: { message: "You've been logged out!" } }]);
    const after = await rc('me', 'me', { headers: session });
    expect([after.status, after.json]).toEqual([401, NOT_LOGGED_IN]);
    const again = await rc('logout', 'logout', { method: 'POST', headers: session });
    expect([again.status, again.json]).toEqual([401, NOT_LOGGED_IN]);
    expect((await rc('me', 'me', { headers: other })).status).toBe(200);
  });

  it('401 without credentials or with a wrong token', async () => {
    for (const headers of [{}, auth(TESTER_ID, 'wrong-token')]) {
      const res = await rc('logout', 'logout', { method: 'POST', headers });
      expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    }
  });

  it('413 for a body over the limit (modelled)', async () => {
    const session = await login('tester', 'tester');
    const res = await rc('logout', 'logout', { headers: { ...session, 'content-type': 'application/json' }, body: oversizedJson() });
    expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
    expect((await rc('me', 'me', { headers: session })).status).toBe(200); // nothing happened
  });
});
