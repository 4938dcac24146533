import { describe, expect, it } from 'vitest';
import { auth, LIMITED, LIMITED_ID, LIMITED_TOKEN, NOT_LOGGED_IN, rc, TESTER_ID } from './rocketchat-client.ts';

describe('GET /api/v1/me', () => {
  it('200: the caller, with success:true', async () => {
    const res = await rc('me', 'me', { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ _id: TESTER_ID, username: 'tester', name: 'Tester', active: true, success: true });
    const limited = await rc('me', 'me', { headers: LIMITED });
    expect(limited.json).toMatchObject({ _id: LIMITED_ID, username: 'limited.user', success: true });
  });

  it.each<[string, Record<string, string>]>([
    ['no headers', {}],
    ['only the user id', { 'X-User-Id': TESTER_ID }],
    ['only the token', { 'X-Auth-Token': LIMITED_TOKEN }],
    ['wrong token', auth(TESTER_ID, 'nope')],
    ["another user's token", auth(LIMITED_ID, 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f')],
  ])('401: %s', async (_case, headers) => {
    const res = await rc('me', 'me', { headers });
    expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  });

  it('header names are case-insensitive', async () => {
    const res = await rc('me', 'me', { headers: { 'x-user-id': TESTER_ID, 'X-AUTH-TOKEN': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f' } });
    expect(res.status).toBe(200);
  });
});
