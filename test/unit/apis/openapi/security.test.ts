import { describe, expect, it } from 'vitest';
import { checkSecurity, schemesOf } from '../../../../src/apis/openapi/security.ts';

const schemes = schemesOf({
  components: {
    securitySchemes: {
      key: { type: 'apiKey', in: 'header', name: 'X-Key' },
      query: { type: 'apiKey', in: 'query', name: 'token' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
      basic: { type: 'http', scheme: 'basic' },
      bearer: { type: 'http', scheme: 'bearer' },
      oauth: { type: 'oauth2', flows: {} },
    },
  },
});
const none = new Map<string, ReadonlySet<string>>();
const check = (requirements: string[][], headers: Record<string, string>, query: Record<string, string> = {}, valid = none) => checkSecurity(requirements, schemes, { headers, query }, valid, 'realm');

describe('checkSecurity (presence, unless a fixture lists valid values)', () => {
  it('passes when every scheme of one requirement is present', () => {
    expect(check([['key']], { 'x-key': 'v' }).ok).toBe(true);
    expect(check([['query']], {}, { token: 't' }).ok).toBe(true);
    expect(check([['cookie']], { cookie: 'a=1; sid=s' }).ok).toBe(true);
    expect(check([['basic']], { authorization: `Basic ${Buffer.from('u:p').toString('base64')}` }).ok).toBe(true);
    expect(check([['oauth']], { authorization: 'Bearer t' }).ok).toBe(true);
    expect(check([['key', 'bearer']], { 'x-key': 'v', authorization: 'Bearer t' }).ok).toBe(true);
    expect(check([], {}).ok).toBe(true);
  });

  it('fails with a challenge per scheme when none is met', () => {
    const outcome = check([['key', 'bearer'], ['basic']], { 'x-key': 'v' });
    expect(outcome).toEqual({
      ok: false,
      invalid: false,
      detail: 'Missing credentials: send key (header X-Key) and bearer (Authorization: Bearer); or basic (Authorization: Basic).',
      challenge: 'ApiKey realm="realm", in="header", name="X-Key", Bearer realm="realm", Basic realm="realm"',
    });
    expect(check([['bearer']], { authorization: 'Basic x' }).ok).toBe(false);
    expect(check([['key']], { 'x-key': '   ' }).ok).toBe(false);
  });

  it('compares with the valid values a fixture lists (Basic as user:password)', () => {
    const valid = new Map([['basic', new Set(['alice:wonderland'])], ['bearer', new Set(['t1'])]]);
    expect(check([['basic']], { authorization: `Basic ${Buffer.from('alice:wonderland').toString('base64')}` }, {}, valid).ok).toBe(true);
    expect(check([['basic']], { authorization: `Basic ${Buffer.from('alice:guess').toString('base64')}` }, {}, valid).ok).toBe(false);
    expect(check([['bearer']], { authorization: 'Bearer t2' }, {}, valid)).toMatchObject({ ok: false, invalid: true, challenge: 'Bearer realm="realm", error="invalid_token"' });
  });
});
