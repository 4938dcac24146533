import { describe, expect, it } from 'vitest';
import { checkUpdateBody } from '../../../../../src/apis/rocketchat/permissions/update-body.ts';
import { coerceBoolean, coerceString, duplicateItems } from '../../../../../src/apis/rocketchat/permissions/ajv-coerce.ts';

const invalid = (error: string) => ({ ok: false, error: { success: false, errorType: 'invalid-params', error } });

describe('permissions.update body: the router ajv check, first message only', () => {
  it.each<[string, unknown, string]>([
    ['an array body', [], 'must be object'],
    ['no permissions', {}, "must have required property 'permissions'"],
    ['required before additional properties', { other: 1 }, "must have required property 'permissions'"],
    ['another top-level key', { permissions: [], other: 1 }, 'must NOT have additional properties'],
    ['permissions not an array', { permissions: 'create-p' }, 'must be array'],
    ['an item not an object', { permissions: ['create-p'] }, 'must be object'],
    ['an item without _id', { permissions: [{ roles: [] }] }, "must have required property '_id'"],
    ['an item without roles', { permissions: [{ _id: 'create-p' }] }, "must have required property 'roles'"],
    ['an item with another key', { permissions: [{ _id: 'create-p', roles: [], x: 1 }] }, 'must NOT have additional properties'],
    ['_id an object', { permissions: [{ _id: {}, roles: [] }] }, 'must be string'],
    ['roles a string (no array coercion)', { permissions: [{ _id: 'create-p', roles: 'admin' }] }, 'must be array'],
    ['duplicate roles', { permissions: [{ _id: 'create-p', roles: ['admin', 'user', 'admin'] }] }, 'must NOT have duplicate items (items ## 2 and 0 are identical)'],
    ['uniqueItems before item types', { permissions: [{ _id: 'x', roles: [{}, 'a', 'a'] }] }, 'must NOT have duplicate items (items ## 2 and 1 are identical)'],
    ['a role not a string', { permissions: [{ _id: 'create-p', roles: ['admin', []] }] }, 'must be string'],
    ['the first bad item wins', { permissions: [{ _id: 'a', roles: [] }, 5, { roles: [] }] }, 'must be object'],
  ])('%s', (_case, body, message) => {
    expect(checkUpdateBody(body)).toEqual(invalid(message));
  });

  it('coerces scalars as ajv does (coerceTypes: true)', () => {
    expect(checkUpdateBody({ permissions: [{ _id: 12, roles: [true, null, 'admin'] }] })).toEqual({
      ok: true,
      value: [{ _id: '12', roles: ['true', '', 'admin'] }],
    });
    expect(checkUpdateBody({ permissions: [] })).toEqual({ ok: true, value: [] });
  });

  it('ajv coercion helpers', () => {
    expect([coerceString('a'), coerceString(1.5), coerceString(false), coerceString(null), coerceString([])]).toEqual([
      { ok: true, value: 'a' },
      { ok: true, value: '1.5' },
      { ok: true, value: 'false' },
      { ok: true, value: '' },
      { ok: false, message: 'must be string' },
    ]);
    expect([coerceBoolean('true'), coerceBoolean(0), coerceBoolean(null), coerceBoolean('yes'), coerceBoolean(2)]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: false },
      { ok: false, message: 'must be boolean' },
      { ok: false, message: 'must be boolean' },
    ]);
    expect(duplicateItems(['a', 'b'])).toBeUndefined();
    expect(duplicateItems(['a', 'a'])).toBe('must NOT have duplicate items (items ## 1 and 0 are identical)');
  });
});
