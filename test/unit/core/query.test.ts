import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/core/query.ts';

describe('parseQuery', () => {
  it('parses plain, repeated and bracketed keys', () => {
    expect(parseQuery('')).toEqual({});
    expect(parseQuery('a=1&b=x%20y')).toEqual({ a: '1', b: 'x y' });
    expect(parseQuery('a=1&a=2')).toEqual({ a: ['1', '2'] });
    expect(parseQuery('status[]=online')).toEqual({ status: ['online'] });
  });

  it('keeps __proto__ as data', () => {
    const parsed = parseQuery('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
