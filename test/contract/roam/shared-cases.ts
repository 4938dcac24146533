import { expect, it } from 'vitest';
import { viaPrismProxy } from '../../support/http.ts';
import { auth, BODIES, KEY_1, oversizedBody, roam } from './roam-client.ts';

/**
 * Cases every Roam operation shares: the two documented 401s (research/roam.md §3a), checked
 * before anything about the body, and the modelled 413.
 */
export function authCases(operationId: string, method: string, path: string): void {
  const hasBody = method !== 'GET';

  it('401 "No Api key in Header provided" without the header', async () => {
    const res = await roam(operationId, path, { method, ...(hasBody ? { json: {} } : {}) });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(BODIES.missingKey);
  });

  it('401 "No Api key…" for an empty header', async () => {
    const res = await roam(operationId, path, { method, headers: { 'Api-Key': '' } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(BODIES.missingKey);
  });

  it('401 "Invalid Api key." for an unknown key, including the docs’ placeholder', async () => {
    for (const key of ['33223kjhdcscijhb5sdbsdmjsdcbj5f', KEY_1.toUpperCase()]) {
      const res = await roam(operationId, path, { method, headers: auth(key) });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(BODIES.invalidKey);
    }
  });

  if (hasBody) {
    it.skipIf(viaPrismProxy)('checks the key before the body: no key + malformed JSON → 401', async () => {
      const res = await roam(operationId, path, { method, headers: { 'content-type': 'application/json' }, body: '{not json' });
      expect(res.status).toBe(401);
      expect(res.json).toEqual(BODIES.missingKey);
      const invalid = await roam(operationId, path, { method, headers: auth('nope', { 'content-type': 'application/json' }), body: '[' });
      expect(invalid.json).toEqual(BODIES.invalidKey);
    });

    it.skipIf(viaPrismProxy)('400 GS400 for malformed JSON and for JSON that is not an object', async () => {
      for (const body of ['{not json', '[]', '"text"', 'null']) {
        const res = await roam(operationId, path, { method, headers: auth(KEY_1, { 'content-type': 'application/json' }), body });
        expect(res.status, body).toBe(400);
        expect(res.json).toEqual(BODIES.malformed);
      }
    });

    it('413 for a body over the limit (modelled)', async () => {
      const res = await roam(operationId, path, { method, headers: auth(KEY_1, { 'content-type': 'application/json' }), body: oversizedBody() });
      expect(res.status).toBe(413);
      expect(res.json).toEqual(BODIES.tooLarge);
    });
  }
}
