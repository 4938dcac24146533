import { describe, expect, it } from 'vitest';
import { acceptsMedia, parseBody } from '../../../../src/apis/openapi/parse-body.ts';

const schema = { type: 'object', properties: { n: { type: 'integer' }, f: { type: 'number' }, b: { type: 'boolean' }, list: { type: 'array', items: { type: 'integer' } }, s: { type: 'string' } } };

describe('parseBody', () => {
  it('JSON by media type (any +json), or without one when it looks like JSON', () => {
    expect(parseBody('{"a":1}', 'application/json', undefined)).toEqual({ ok: true, body: { a: 1 } });
    expect(parseBody('{"a":1}', 'application/merge-patch+json; charset=utf-8', undefined)).toEqual({ ok: true, body: { a: 1 } });
    expect(parseBody('[1]', undefined, undefined)).toEqual({ ok: true, body: [1] });
    expect(parseBody('', 'application/json', undefined)).toEqual({ ok: true, body: undefined });
    expect(parseBody('plain words', 'text/plain', undefined)).toEqual({ ok: true, body: 'plain words' });
    const bad = parseBody('{"a":', 'application/json', undefined);
    expect(bad.ok ? undefined : bad.response.status).toBe(400);
  });

  it('form fields coerced to the schema: numbers, booleans, repeated keys as lists', () => {
    expect(parseBody('n=5&f=1.5&b=true&list=1&list=2&s=007&other=x', 'application/x-www-form-urlencoded', schema)).toEqual({ ok: true, body: { n: 5, f: 1.5, b: true, list: [1, 2], s: '007', other: 'x' } });
    // What is not a number stays text, for validation to refuse with its pointer.
    expect(parseBody('n=many', 'application/x-www-form-urlencoded', schema)).toEqual({ ok: true, body: { n: 'many' } });
  });

  it('multipart text fields by name', () => {
    const body = '--B\r\nContent-Disposition: form-data; name="n"\r\n\r\n7\r\n--B\r\nContent-Disposition: form-data; name="s"\r\n\r\nline one\r\nline two\r\n--B--\r\n';
    expect(parseBody(body, 'multipart/form-data; boundary=B', schema)).toEqual({ ok: true, body: { n: 7, s: 'line one\r\nline two' } });
    const broken = parseBody('no parts here', 'multipart/form-data; boundary=B', schema);
    expect(broken.ok).toBe(false);
  });

  it('acceptsMedia matches declared types, wildcards and JSON sent without a type', () => {
    expect(acceptsMedia(['application/json'], 'application/json; charset=utf-8')).toBe(true);
    expect(acceptsMedia(['application/*'], 'application/xml')).toBe(true);
    expect(acceptsMedia(['application/json'], undefined)).toBe(true);
    expect(acceptsMedia(['application/json'], 'text/plain')).toBe(false);
    expect(acceptsMedia([], 'anything/at-all')).toBe(true);
  });
});
