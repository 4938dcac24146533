import { describe, expect, it } from 'vitest';
import { send, uniqueName, viaPrismProxy } from '../../support/http.ts';

/**
 * The 2,000-operation document bench/openapi-doc.ts generates (400 resources of five operations,
 * `GET /status` and filler paths), served under /big: every resource, first or last, is routed,
 * validated and kept in the session like a small document's.
 */
const KEY = { 'X-Api-Key': 'k' };

describe('a generated 2,000-operation document under /big', () => {
  it.skipIf(viaPrismProxy)('classifies all 2,000 operations (admin API)', async () => {
    const report = (await send('/__admin/specs/generated/operations')).json as { operations: { kind: string }[] };
    expect(report.operations).toHaveLength(2000);
    const counts: Record<string, number> = {};
    for (const op of report.operations) counts[op.kind] = (counts[op.kind] ?? 0) + 1;
    expect(counts).toEqual({ list: 399, create: 399, read: 399, update: 399, delete: 399, none: 5 });
  });

  it.each(['pets', 'r200', 'r398'])('create, read, list and delete on /big/%s', async (resource) => {
    const s = uniqueName(`big-${resource}`);
    const headers = { ...KEY, 'X-Mock-Session': s };
    const created = await send(`/big/${resource}`, { headers, json: { name: 'one' } });
    expect([created.status, created.json]).toMatchObject([201, { id: 1, name: 'one' }]);
    expect((await send(`/big/${resource}/1`, { headers })).json).toEqual(created.json);
    expect((await send(`/big/${resource}`, { headers })).json).toEqual([created.json]);
    expect((await send(`/big/${resource}/1`, { headers, method: 'DELETE' })).status).toBe(204);
    expect((await send(`/big/${resource}/1`, { headers })).status).toBe(404);
    const invalid = await send(`/big/${resource}`, { headers, json: { name: '' } });
    expect([invalid.status, (invalid.json as { errors: unknown[] }).errors]).toEqual([400, [{ pointer: '/body/name', reason: 'must NOT have fewer than 1 characters' }]]);
  });

  it('answers the example of GET /status and 404 for a resource it does not have', async () => {
    expect((await send('/big/status')).json).toEqual({ status: 'ok', version: '1.0.0', items: 2 });
    expect((await send('/big/r399', { headers: KEY })).status).toBe(404);
  });
});
