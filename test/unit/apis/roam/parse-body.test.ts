import { describe, expect, it } from 'vitest';
import { parseRoamBody } from '../../../../src/apis/roam/parse-body.ts';

const MALFORMED = { status: false, msg: 'Unknown Error.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured' } };

describe('parseRoamBody', () => {
  it('parses a JSON object with or without a JSON content type', () => {
    expect(parseRoamBody('createGroup', '{"description":"x"}', 'application/json; charset=utf-8')).toEqual({ ok: true, body: { description: 'x' } });
    expect(parseRoamBody('createGroup', '{"description":"x"}', undefined)).toEqual({ ok: true, body: { description: 'x' } });
    expect(parseRoamBody('createGroup', '{"a":1}', 'application/vnd.api+json')).toEqual({ ok: true, body: { a: 1 } });
  });

  it('treats an empty body as empty data (DRF)', () => {
    expect(parseRoamBody('createGroup', '', 'application/json')).toEqual({ ok: true, body: {} });
    expect(parseRoamBody('addUsersToGroup', '  \n', undefined)).toEqual({ ok: true, body: {} });
  });

  it('answers GS400 for malformed JSON', () => {
    const result = parseRoamBody('createGroup', '{"users": [', 'application/json');
    expect(result).toEqual({ ok: false, response: { status: 400, body: MALFORMED } });
  });

  it.each(['[]', '"text"', '42', 'null', 'true'])('answers GS400 for top-level JSON %s (not an object)', (raw) => {
    expect(parseRoamBody('createGroup', raw, 'application/json')).toEqual({ ok: false, response: { status: 400, body: MALFORMED } });
  });

  it('answers GS400 for media types DRF cannot parse here', () => {
    expect(parseRoamBody('createGroup', '{"a":1}', 'text/plain')).toEqual({ ok: false, response: { status: 400, body: MALFORMED } });
  });

  it('reads form bodies as DRF FormParser + fields do', () => {
    const result = parseRoamBody('createUser', 'app_type=2&device_token=t&description=a&description=b', 'application/x-www-form-urlencoded');
    expect(result).toEqual({ ok: true, body: { app_type: 2, device_token: 't', description: 'b' } });
    const group = parseRoamBody('createGroup', `users=${'a'.repeat(24)}&description=g`, 'application/x-www-form-urlencoded');
    expect(group).toEqual({ ok: true, body: { users: ['a'.repeat(24)], description: 'g' } });
  });

  it('ignores bodies of GET operations', () => {
    expect(parseRoamBody('getGroups', '{bad', 'application/json')).toEqual({ ok: true, body: undefined });
    expect(parseRoamBody('getUser', '[]', undefined)).toEqual({ ok: true, body: undefined });
  });

  it('keeps __proto__ and constructor keys as data and pollutes nothing', () => {
    const result = parseRoamBody('createGroup', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"description":"x"}', 'application/json');
    expect(result.ok).toBe(true);
    const body = result.ok ? result.body : undefined;
    expect(typeof body === 'object' && body !== null && Object.hasOwn(body, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();

    const form = parseRoamBody('createGroup', '__proto__=x&constructor=y', 'application/x-www-form-urlencoded');
    const formBody = form.ok ? form.body : undefined;
    expect(typeof formBody === 'object' && formBody !== null && Object.hasOwn(formBody, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(formBody)).toBe(Object.prototype);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
