import { describe, expect, it } from 'vitest';
import type { WireResponse } from '../../support/http.ts';
import { auth, createGroup, rc, roomName } from './rocketchat-client.ts';

/**
 * The headers of a 7.x/8.x server's REST answers (http-router's response block, WebApp's security
 * handler): the vendor's own tests compare `Content-Type` exactly, so a charset is a failure.
 * Route answers, success or failure, add `Cache-Control: no-store` and `Pragma: no-cache`; the
 * authentication middleware's 401 does not.
 */

const SECURITY = {
  'x-xss-protection': '1',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'sameorigin',
};

function expectRouteHeaders(res: WireResponse): void {
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('pragma')).toBe('no-cache');
  for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self' /);
}

function expectMiddlewareHeaders(res: WireResponse): void {
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBeNull();
  expect(res.headers.get('pragma')).toBeNull();
  for (const [name, value] of Object.entries(SECURITY)) expect(res.headers.get(name), name).toBe(value);
}

describe('Rocket.Chat answer headers', () => {
  it('login: 200 and 401 are route answers', async () => {
    const ok = await rc('login', 'login', { json: { user: 'tester', password: 'tester' } });
    expect(ok.status).toBe(200);
    expectRouteHeaders(ok);
    const failed = await rc('login', 'login', { json: { user: 'tester', password: 'nope' } });
    expect(failed.status).toBe(401);
    expectRouteHeaders(failed);
  });

  it('me, groups.create, groups.info, groups.list, groups.members, groups.invite, groups.delete: 200 and 400', async () => {
    expectRouteHeaders(await rc('me', 'me', { headers: auth() }));
    const group = await createGroup({ name: roomName('wire') });
    const answers = [
      await rc('groupsCreate', 'groups.create', { headers: auth(), json: {} }),
      await rc('groupsInfo', 'groups.info', { headers: auth(), query: { roomId: group._id } }),
      await rc('groupsInfo', 'groups.info', { headers: auth(), query: {} }),
      await rc('groupsList', 'groups.list', { headers: auth() }),
      await rc('groupsMembers', 'groups.members', { headers: auth(), query: { roomId: group._id } }),
      await rc('groupsInvite', 'groups.invite', { headers: auth(), json: { roomId: group._id, username: 'rocket.cat' } }),
      await rc('groupsInvite', 'groups.invite', { headers: auth(), json: { roomId: group._id } }),
      await rc('groupsDelete', 'groups.delete', { headers: auth(), json: { roomId: group._id } }),
    ];
    expect(answers.map((res) => res.status)).toEqual([400, 200, 400, 200, 200, 200, 400, 200]);
    for (const res of answers) expectRouteHeaders(res);
  });

  it('the authentication middleware\'s 401 has no Cache-Control or Pragma', async () => {
    for (const [operationId, path] of [['me', 'me'], ['logout', 'logout'], ['groupsList', 'groups.list']] as const) {
      const res = await rc(operationId, path, { method: operationId === 'logout' ? 'POST' : 'GET' });
      expect(res.status).toBe(401);
      expectMiddlewareHeaders(res);
    }
  });

  it('logout: 200 is a route answer', async () => {
    const login = await rc('login', 'login', { json: { user: 'tester', password: 'tester' } });
    const { userId, authToken } = (login.json as { data: { userId: string; authToken: string } }).data;
    const out = await rc('logout', 'logout', { method: 'POST', headers: auth(userId, authToken) });
    expect(out.status).toBe(200);
    expectRouteHeaders(out);
  });
});
