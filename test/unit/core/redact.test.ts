import { describe, expect, it } from 'vitest';
import { isSecretName, redactBody, redactHeaders, redactQuery } from '../../../src/core/redact.ts';

describe('isSecretName', () => {
  it('knows credentials by name and by ending, in any case or spelling', () => {
    for (const name of ['password', 'Password', 'authToken', 'x-auth-token', 'api-key', 'X-Api-Key', 'api_key', 'apiKey', 'client_secret', 'access_token', 'cookie', 'authorization', 'digest', 'resume', 'hashedToken']) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['user', 'username', 'x-user-id', 'name', 'code', 'content-type', 'description', 'users']) expect(isSecretName(name), name).toBe(false);
  });
});

describe('redactHeaders', () => {
  it('replaces credential headers of every API and keeps the rest', () => {
    expect(redactHeaders({ 'x-auth-token': 't', 'x-user-id': 'u', 'api-key': 'k', 'x-api-key': 'k2', cookie: 'c', 'set-cookie': 's', 'proxy-authorization': 'p', host: 'h', missing: undefined })).toEqual({
      'x-auth-token': '[redacted]', 'x-user-id': 'u', 'api-key': '[redacted]', 'x-api-key': '[redacted]', cookie: '[redacted]', 'set-cookie': '[redacted]', 'proxy-authorization': '[redacted]', host: 'h',
    });
  });
});

describe('redactQuery', () => {
  it('replaces credential parameters byte for byte elsewhere', () => {
    expect(redactQuery('page=1&access_token=abc&password=p%20q&x=%41')).toBe('page=1&access_token=%5Bredacted%5D&password=%5Bredacted%5D&x=%41');
    expect(redactQuery('token[]=a&token[]=b')).toBe('token[]=%5Bredacted%5D&token[]=%5Bredacted%5D');
    expect(redactQuery('count=5')).toBe('count=5');
  });
});

describe('redactBody', () => {
  it('JSON at any depth, whatever leads it', () => {
    expect(redactBody(' \n{"user":"u","password":{"digest":"d","algorithm":"sha-256"},"a":[{"authToken":"t"}]}', 'application/json')).toBe(
      '{"user":"u","password":"[redacted]","a":[{"authToken":"[redacted]"}]}',
    );
  });

  it('form bodies field by field', () => {
    expect(redactBody('user=u&password=p', 'application/x-www-form-urlencoded; charset=utf-8')).toBe('user=u&password=%5Bredacted%5D');
  });

  it('text that is neither: JSON-like pairs and form-like pairs', () => {
    const out = redactBody('{"user":"u","password":"p1" garbage token=abc', 'text/plain');
    expect(out).not.toContain('p1');
    expect(out).not.toContain('abc');
    expect(out).toContain('"user":"u"');
  });

  it('finds a password past the first 16 KiB', () => {
    const body = JSON.stringify({ pad: 'x'.repeat(20_000), password: 'late' });
    expect(redactBody(body, 'application/json')).not.toContain('late');
  });

  it('leaves bodies without a secret name untouched (same string)', () => {
    const body = '{"name":"group"}';
    expect(redactBody(body, 'application/json')).toBe(body);
  });
});
