import { describe, expect, it } from 'vitest';
import { own, parseRocketChatBody } from '../../../../src/apis/rocketchat/parse-body.ts';

describe('parseRocketChatBody (research §5.3)', () => {
  it('parses JSON when the content type contains application/json', () => {
    expect(parseRocketChatBody('{"name":"a"}', 'application/json')).toEqual({ name: 'a' });
    expect(parseRocketChatBody('{"name":"a"}', 'application/json; charset=utf-8')).toEqual({ name: 'a' });
    expect(parseRocketChatBody('{"name":"a"}', 'Application/JSON')).toEqual({ name: 'a' });
  });

  it('swallows malformed JSON into {}', () => {
    expect(parseRocketChatBody('{"name":', 'application/json')).toEqual({});
    expect(parseRocketChatBody('', 'application/json')).toEqual({});
  });

  it('reads a JSON null or primitive like {}, and keeps arrays', () => {
    for (const raw of ['null', '42', '"name"', 'true']) expect(parseRocketChatBody(raw, 'application/json')).toEqual({});
    expect(parseRocketChatBody('[1,2]', 'application/json')).toEqual([1, 2]);
  });

  it('turns form bodies into a flat object of strings (last repeated key wins)', () => {
    expect(parseRocketChatBody('name=foo&readOnly=true&members=a&members=b', 'application/x-www-form-urlencoded')).toEqual({
      name: 'foo',
      readOnly: 'true',
      members: 'b',
    });
  });

  it('gives {} for multipart bodies', () => {
    expect(parseRocketChatBody('--x\r\n', 'multipart/form-data; boundary=x')).toEqual({});
  });

  it('spreads any other text into keys "0", "1", … and gives {} for an empty body', () => {
    expect(parseRocketChatBody('{"a"', 'text/plain')).toEqual({ 0: '{', 1: '"', 2: 'a', 3: '"' });
    expect(parseRocketChatBody('ab', undefined)).toEqual({ 0: 'a', 1: 'b' });
    expect(parseRocketChatBody('', undefined)).toEqual({});
    expect(parseRocketChatBody('', 'text/plain')).toEqual({});
  });

  it('never lets a __proto__ key reach a prototype', () => {
    const json = parseRocketChatBody('{"__proto__":{"polluted":true},"name":"x"}', 'application/json');
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(own(json, '__proto__')).toEqual({ polluted: true });
    const form = parseRocketChatBody('__proto__=x&constructor=y', 'application/x-www-form-urlencoded');
    expect(own(form, '__proto__')).toBe('x');
    expect(own(form, 'constructor')).toBe('y');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('own', () => {
  it('reads own data properties only', () => {
    expect(own({ name: 'a' }, 'name')).toBe('a');
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
    expect(own(null, 'name')).toBeUndefined();
    expect(own('text', 'length')).toBeUndefined();
    expect(own(['a'], '0')).toBe('a');
  });

  it('never runs a getter', () => {
    let ran = false;
    const source = Object.defineProperty({}, 'name', {
      enumerable: true,
      get: () => {
        ran = true;
        return 'x';
      },
    });
    expect(own(source, 'name')).toBeUndefined();
    expect(ran).toBe(false);
  });
});
