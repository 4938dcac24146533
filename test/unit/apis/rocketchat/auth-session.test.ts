import { describe, expect, it } from 'vitest';
import { seedStore } from '../../../../src/apis/rocketchat/seed-store.ts';
import { RocketChatStore } from '../../../../src/apis/rocketchat/store/store.ts';
import { MAX_MINTED_TOKENS } from '../../../../src/apis/rocketchat/store/tokens.ts';
import {
  authHeaders,
  call,
  defaultFixture,
  expectDocumented,
  freshSession,
  LIMITED_ID,
  LIMITED_TOKEN,
  pinnedDeps,
  TESTER_ID,
  TESTER_TOKEN,
} from './support.ts';

const MERGED_401 = { success: false, error: 'You must be logged in to do this.', status: 'error', message: 'You must be logged in to do this.' };
const LOGIN_FAILED = { success: false, error: 'Unauthorized', status: 'error', message: 'Unauthorized' };

describe('header authentication (research §5.1)', () => {
  it('accepts the fixture token of the fixture user', async () => {
    const response = call(freshSession(), 'me');
    expect(response.status).toBe(200);
    await expectDocumented('me', response);
  });

  it.each([
    ['no headers', {}],
    ['no token', { 'x-user-id': TESTER_ID }],
    ['no user id', { 'x-auth-token': TESTER_TOKEN }],
    ['wrong token', authHeaders(TESTER_ID, 'wrong')],
    ['unknown user', authHeaders('nobody', TESTER_TOKEN)],
    ["another user's token", authHeaders(LIMITED_ID, TESTER_TOKEN)],
    ['empty values', { 'x-user-id': '', 'x-auth-token': '' }],
  ])('401 with the 7.x/8.x body: %s', async (_case, headers) => {
    const response = call(freshSession(), 'groupsCreate', { headers, body: { name: 5 } });
    expect(response).toEqual({ status: 401, body: MERGED_401 });
    await expectDocumented('groupsCreate', response);
  });

  it('can send the documented ≤6.x body instead', async () => {
    const response = call(freshSession(pinnedDeps(), { unauthorizedBody: 'documented' }), 'me', { headers: {} });
    expect(response).toEqual({ status: 401, body: { status: 'error', message: 'You must be logged in to do this.' } });
    await expectDocumented('me', response);
  });

  it('inactive users cannot authenticate or log in', () => {
    const fixture = structuredClone(defaultFixture);
    const limited = fixture.users.find((u) => u._id === LIMITED_ID);
    if (limited) limited.active = false;
    const session = freshSession(pinnedDeps(), undefined, seedStore(fixture));
    expect(call(session, 'me', { headers: authHeaders(LIMITED_ID, LIMITED_TOKEN) }).status).toBe(401);
    expect(call(session, 'login', { headers: {}, body: { user: 'limited.user', password: 'limited' } })).toEqual({
      status: 401,
      body: { success: false, error: 'error-user-is-not-activated', status: 'error', details: { function: 'Accounts.validateLoginAttempt' }, message: 'User is not activated' },
    });
  });
});

describe('login, me, logout', () => {
  it('login answers a fresh 43-character token each time, usable at once', async () => {
    const session = freshSession();
    const first = call(session, 'login', { headers: {}, body: { user: 'tester', password: 'tester' } });
    const second = call(session, 'login', { headers: {}, body: { username: 'tester', password: 'tester' } });
    await expectDocumented('login', first);
    expect(first).toMatchObject({ status: 200, body: { status: 'success', data: { userId: TESTER_ID } } });
    const tokenOf = (r: typeof first) => (r.body as { data: { authToken: string } }).data.authToken;
    expect(tokenOf(first)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenOf(first)).not.toBe(tokenOf(second));
    expect(call(session, 'me', { headers: authHeaders(TESTER_ID, tokenOf(first)) }).status).toBe(200);
  });

  it('login shows the user as me does', () => {
    const session = freshSession();
    const login = call(session, 'login', { headers: {}, body: { user: 'tester', password: 'tester' } });
    const me = call(session, 'me');
    const { success, ...user } = me.body as Record<string, unknown>;
    expect(success).toBe(true);
    expect((login.body as { data: { me: unknown } }).data.me).toEqual(user);
    expect(user).toMatchObject({
      _id: TESTER_ID,
      username: 'tester',
      name: 'Tester',
      emails: [{ address: 'tester@example.com', verified: true }],
      status: 'online',
      utcOffset: 0,
      active: true,
      roles: ['user'],
      email: 'tester@example.com',
      settings: { profile: {}, calendar: {} },
      avatarUrl: 'http://localhost:3000/avatar/tester',
      isOAuthUser: false,
      services: { password: { exists: true } },
    });
  });

  it.each([
    ['wrong password', { user: 'tester', password: 'nope' }],
    ['unknown user', { user: 'nobody', password: 'tester' }],
    ['no password', { user: 'tester' }],
    ['empty body', {}],
    ['password of another type', { user: 'tester', password: 1 }],
    ['user as an object naming nobody', { user: { username: 'nobody' }, password: 'tester' }],
    ['a digest of another algorithm', { user: 'tester', password: { digest: 'x', algorithm: 'md5' } }],
    ['a resume token nobody has', { resume: 'nope' }],
    ['a bot without password', { user: 'rocket.cat', password: '' }],
  ])('login 401: %s', async (_case, body) => {
    const response = call(freshSession(), 'login', { headers: {}, body });
    expect(response).toEqual({ status: 401, body: LOGIN_FAILED });
    await expectDocumented('login', response);
  });

  it('logout invalidates exactly the token used', async () => {
    const session = freshSession();
    const login = call(session, 'login', { headers: {}, body: { user: 'tester', password: 'tester' } });
    const token = (login.body as { data: { authToken: string } }).data.authToken;
    const out = call(session, 'logout', { headers: authHeaders(TESTER_ID, token) });
    expect(out).toEqual({ status: 200, body: { status: 'success', data: { message: "You've been logged out!" } } });
    await expectDocumented('logout', out);
    expect(call(session, 'me', { headers: authHeaders(TESTER_ID, token) })).toEqual({ status: 401, body: MERGED_401 });
    expect(call(session, 'me').status).toBe(200); // the fixture token still works
  });

  it('sessions are isolated: a token minted in one is unknown in another', () => {
    const one = freshSession();
    const login = call(one, 'login', { headers: {}, body: { user: 'tester', password: 'tester' } });
    const token = (login.body as { data: { authToken: string } }).data.authToken;
    expect(call(freshSession(), 'me', { headers: authHeaders(TESTER_ID, token) }).status).toBe(401);
  });
});

describe('minted login tokens are bounded', () => {
  it('keeps the newest MAX_MINTED_TOKENS and never drops fixture tokens', () => {
    const store = new RocketChatStore();
    store.tokens.add('fixture-token', 'u1');
    for (let i = 0; i <= MAX_MINTED_TOKENS; i += 1) store.tokens.mint(`t${i}`, 'u1');
    expect(store.tokens.ownerOf('t0')).toBeUndefined();
    expect(store.tokens.ownerOf('t1')).toBe('u1');
    expect(store.tokens.ownerOf(`t${MAX_MINTED_TOKENS}`)).toBe('u1');
    expect(store.tokens.ownerOf('fixture-token')).toBe('u1');
  });
});
