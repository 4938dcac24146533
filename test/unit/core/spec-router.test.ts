import { describe, expect, it } from 'vitest';
import { rocketchatApi } from '../../../src/apis/rocketchat/index.ts';
import { SpecRouter } from '../../../src/core/spec-router.ts';
import { call, testTwin } from '../../support/in-process.ts';

const router = await SpecRouter.load(rocketchatApi.specPath);

describe('SpecRouter and templated paths (/api/v1/settings/{_id})', () => {
  it('matches them and hands over the percent-decoded parameters', () => {
    expect(router.match('GET', '/api/v1/settings/E2E_Enable')).toMatchObject({ operationId: 'settingsGet', params: { _id: 'E2E_Enable' } });
    expect(router.match('POST', '/api/v1/settings/E2E%5FEnable/')).toMatchObject({ operationId: 'settingsPost', params: { _id: 'E2E_Enable' } });
    // A malformed escape stays as sent, as Hono's tryDecodeURIComponent leaves it.
    expect(router.match('GET', '/api/v1/settings/a%E0%A4%A')?.params).toEqual({ _id: 'a%E0%A4%A' });
    expect(router.match('GET', '/api/v1/groups.list')?.params).toEqual({});
    expect(router.match('GET', '/api/v1/settings/a/b')).toBeUndefined();
  });

  it('knows a templated path for another method (405, not 404)', () => {
    expect(router.match('DELETE', '/api/v1/settings/E2E_Enable')).toBeUndefined();
    expect(router.hasPath('/api/v1/settings/E2E_Enable')).toBe(true);
    expect(router.hasPath('/api/v1/settings/a/b')).toBe(false);
  });

  it('the handler gets the decoded parameter, also for bodies the spec refuses', async () => {
    const twin = await testTwin();
    const login = call(twin, '/api/v1/login', { json: { user: 'rocketchat.internal.admin.test', password: 'rocketchat.internal.admin.test' } });
    const { data } = login.json as { data: { userId: string; authToken: string } };
    const headers = { 'x-user-id': data.userId, 'x-auth-token': data.authToken };
    // An encoded id reaches the handler decoded (the router decodes, openapi-backend does not).
    const coerced = call(twin, '/api/v1/settings/E2E%5FEnable', { headers, json: { value: true, execute: 'true' } });
    expect([coerced.status, coerced.json]).toEqual([200, { success: true }]);
    const read = call(twin, '/api/v1/settings/E2E_Enable', { headers });
    expect(read.json).toEqual({ _id: 'E2E_Enable', value: true, success: true });
    expect(call(twin, '/api/v1/settings/E2E_Enable', { method: 'DELETE', headers }).status).toBe(405);
    const match = router.match('POST', '/api/v1/settings/X');
    if (!match) throw new Error('no match');
    const invalid = router.validate(match, 'POST', '/api/v1/settings/X', { body: { execute: 'x' }, query: {}, params: match.params, headers: {} }, 'first');
    expect([invalid.issues.length > 0, invalid.input.params]).toEqual([true, { _id: 'X' }]);
  });
});
