import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/http.ts';
import { adminAuth, expectMiddlewareHeaders, expectRouteHeaders } from './messages-client.ts';
import { auth, LIMITED, LIMITED_ID, NOT_LOGGED_IN, rc, TESTER_ID } from './rocketchat-client.ts';

/**
 * users.logout removes every token of a user, the fixture tokens other tests use included, so each
 * case runs in its own twin session (`X-Mock-Session`; a real server ignores the header).
 */
function isolated(): Record<string, string> {
  return { 'X-Mock-Session': uniqueName('users-logout') };
}

describe('POST /api/v1/users.logout (research notes issue 11 §7.3)', () => {
  it('200: the caller everywhere; afterwards its token answers 401', async () => {
    const session = isolated();
    const headers = { ...auth(), ...session };
    const res = await rc('usersLogout', 'users.logout', { headers, json: {} });
    expect([res.status, res.json]).toEqual([200, { message: `User ${TESTER_ID} has been logged out!`, success: true }]);
    expectRouteHeaders(res);
    const after = await rc('me', 'me', { headers });
    expect([after.status, after.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('200 for another user with logout-other-user, even one without tokens or unknown; 403 without it', async () => {
    const session = isolated();
    const admin = await adminAuth(session);
    const forbidden = await rc('usersLogout', 'users.logout', { headers: { ...LIMITED, ...session }, json: { userId: TESTER_ID } });
    expect([forbidden.status, forbidden.json]).toEqual([403, { success: false, error: 'unauthorized' }]);
    expectRouteHeaders(forbidden);
    const unknown = await rc('usersLogout', 'users.logout', { headers: admin, json: { userId: 'no-such-user' } });
    expect([unknown.status, unknown.json]).toEqual([200, { message: 'User no-such-user has been logged out!', success: true }]);
    const res = await rc('usersLogout', 'users.logout', { headers: admin, json: { userId: LIMITED_ID } });
    expect([res.status, res.json]).toEqual([200, { message: `User ${LIMITED_ID} has been logged out!`, success: true }]);
    expect((await rc('me', 'me', { headers: { ...LIMITED, ...session } })).status).toBe(401);
    expect((await rc('me', 'me', { headers: admin })).status).toBe(200);
  });

  it('400 for a userId that is not a string; 401 without credentials', async () => {
    const session = isolated();
    const invalid = await rc('usersLogout', 'users.logout', { headers: { ...auth(), ...session }, json: { userId: { $ne: null } } });
    expect([invalid.status, invalid.json]).toEqual([400, { success: false, errorType: 'invalid-params', error: 'must be string' }]);
    const res = await rc('usersLogout', 'users.logout', { headers: auth(TESTER_ID, 'bad'), json: {} });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
    expectMiddlewareHeaders(res);
  });
});
