import { describe, expect, it } from 'vitest';
import type { ApiSession, ParsedInput } from '../../../../../src/core/api.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import { saveSetting } from '../../../../../src/apis/rocketchat/settings/save-setting.ts';
import { checkSettingBody } from '../../../../../src/apis/rocketchat/settings/update-body.ts';
import { rocketchatHeaders } from '../../../../../src/apis/rocketchat/wire.ts';
import { ByteBudget, Meter } from '../../../../../src/core/byte-budget.ts';
import { authHeaders, call, expectDocumented, freshSession, freshStore } from '../support.ts';

const ADMIN_ID = 'rocketchat.internal.admin.test';

/** Runs a settings operation with its `_id` path parameter, as the core does after routing. */
function callSetting(session: ApiSession, operationId: 'settingsGet' | 'settingsPost', id: string, headers: Record<string, string>, body?: unknown): JsonResponse {
  const auth = session.authenticate(operationId, headers);
  if (!auth.ok) return auth.response;
  const input: ParsedInput = { body, query: {}, params: { _id: id }, headers };
  return auth.run(operationId, input);
}

function adminOf(session: ApiSession): Record<string, string> {
  const res = call(session, 'login', { body: { user: ADMIN_ID, password: ADMIN_ID }, headers: {} });
  const { data } = res.body as { data: { userId: string; authToken: string } };
  return authHeaders(data.userId, data.authToken);
}

describe('settings/:_id body: the router ajv check', () => {
  it.each<[string, unknown, string]>([
    ['an array', [{ value: 1 }], 'must be object'],
    ['execute not a boolean', { value: 1, execute: 'yes' }, 'must be boolean'],
    ['editor not a string', { value: 1, editor: {} }, 'must be string'],
    ['execute is checked before editor', { execute: [], editor: [] }, 'must be boolean'],
  ])('%s', (_case, body, error) => {
    expect(checkSettingBody(body)).toEqual({ ok: false, error: { success: false, errorType: 'invalid-params', error } });
  });

  it('accepts coercible execute/editor and any value, and says whether value was sent', () => {
    expect(checkSettingBody({ value: null, execute: 'true', editor: 5, other: 1 })).toEqual({ ok: true, value: { hasValue: true, value: null } });
    expect(checkSettingBody({})).toEqual({ ok: true, value: { hasValue: false, value: undefined } });
  });
});

describe('saving a setting', () => {
  it('unknown, hidden, or no value: the bare {success:false}', () => {
    const store = freshStore();
    const bare = { ok: false, error: { success: false } };
    expect(saveSetting(store, 'No_Such_Setting', { hasValue: true, value: 1 })).toEqual(bare);
    expect(saveSetting(store, 'Accounts_SystemBlockedUsernameList', { hasValue: true, value: '' })).toEqual(bare);
    expect(saveSetting(store, 'E2E_Enable', { hasValue: false, value: undefined })).toEqual(bare);
    expect(saveSetting(store, undefined, { hasValue: true, value: true })).toEqual(bare);
    expect(store.settings.changes()).toEqual({});
  });

  it('saves any JSON type as sent; booleans are read by truthiness, as the vendor code tests them', () => {
    const store = freshStore();
    expect(saveSetting(store, 'E2E_Enable', { hasValue: true, value: 'false' })).toEqual({ ok: true });
    expect(store.settings.get('E2E_Enable')).toBe('false');
    expect(store.settings.boolean('E2E_Enable')).toBe(true);
    expect(saveSetting(store, 'E2E_Enable', { hasValue: true, value: 0 })).toEqual({ ok: true });
    expect(store.settings.boolean('E2E_Enable')).toBe(false);
    expect(saveSetting(store, 'Site_Url', { hasValue: true, value: { odd: [1] } })).toEqual({ ok: true });
    expect(store.settings.get('Site_Url')).toEqual({ odd: [1] });
  });

  it('a value that does not fit the session is refused and nothing changes', () => {
    const store = freshStore(undefined, new Meter(new ByteBudget(1)));
    const result = saveSetting(store, 'Site_Url', { hasValue: true, value: 'x'.repeat(1000) });
    expect(result.ok || result.error.errorType).toBe('error-twin-session-full');
    expect(store.settings.get('Site_Url')).toBe('http://localhost:3000');
  });
});

describe('settings/:_id through the session', () => {
  it('GET: 403 without view-privileged-setting, the value, the bare 400 for unknown and hidden ids', async () => {
    const session = freshSession();
    const forbidden = callSetting(session, 'settingsGet', 'E2E_Enable', authHeaders());
    expect(forbidden.status).toBe(403);
    await expectDocumented('settingsGet', forbidden);
    const admin = adminOf(session);
    const found = callSetting(session, 'settingsGet', 'API_Default_Count', admin);
    expect(found.body).toEqual({ _id: 'API_Default_Count', value: 50, success: true });
    await expectDocumented('settingsGet', found);
    for (const id of ['Nope', 'Accounts_SystemBlockedUsernameList', '__proto__', 'constructor']) {
      const missing = callSetting(session, 'settingsGet', id, admin);
      expect([missing.status, missing.body]).toEqual([400, { success: false }]);
      await expectDocumented('settingsGet', missing);
    }
  });

  it('POST: 403, router 400 without cache headers, 200, and the next GET reads the new value', async () => {
    const session = freshSession();
    expect(callSetting(session, 'settingsPost', 'E2E_Enable', authHeaders(), { value: true }).status).toBe(403);
    const admin = adminOf(session);
    const bad = callSetting(session, 'settingsPost', 'E2E_Enable', admin, { value: true, execute: 'maybe' });
    expect(bad.body).toEqual({ success: false, errorType: 'invalid-params', error: 'must be boolean' });
    expect(rocketchatHeaders(bad)['cache-control']).toBeUndefined();
    await expectDocumented('settingsPost', bad);
    // The body is checked before the id: an unknown id with a bad body is still the router's 400.
    expect(callSetting(session, 'settingsPost', 'Nope', admin, { editor: [] }).body).toMatchObject({ errorType: 'invalid-params' });
    const unknown = callSetting(session, 'settingsPost', 'Nope', admin, { value: true });
    expect([unknown.status, unknown.body]).toEqual([400, { success: false }]);
    expect(rocketchatHeaders(unknown)['cache-control']).toBe('no-store');
    const saved = callSetting(session, 'settingsPost', 'E2E_Enable', admin, { value: true });
    expect([saved.status, saved.body]).toEqual([200, { success: true }]);
    await expectDocumented('settingsPost', saved);
    expect(callSetting(session, 'settingsGet', 'E2E_Enable', admin).body).toEqual({ _id: 'E2E_Enable', value: true, success: true });
  });
});
