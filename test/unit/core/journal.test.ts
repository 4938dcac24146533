import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/core/journal.ts';
import type { TwinRequest } from '../../../src/core/types.ts';

const request = (body: string, extra: Partial<TwinRequest> = {}): TwinRequest => ({ method: 'POST', path: '/p', query: '', headers: { 'content-type': 'application/json' }, body, ...extra });
const record = (journal: Journal, body: string, responseBody = '{}'): void => {
  journal.record({ request: request(body), session: 'default', api: 'x', operationId: 'op', method: 'POST', path: '/p', status: 200, responseBody, receivedAt: 't', respondedAt: 't', delayMs: 0, violations: [] });
};

describe('Journal', () => {
  it('keeps at most `capacity` entries, newest last', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 5; i += 1) record(journal, `{"n":${i}}`);
    expect(journal.find().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(journal.find({ limit: 1 }).map((e) => e.id)).toEqual([5]);
  });

  it('keeps at most `maxBytes`, dropping the oldest, and cuts bodies to 16 KiB', () => {
    const journal = new Journal(1000, 200_000);
    for (let i = 0; i < 50; i += 1) record(journal, 'b'.repeat(100_000), 'r'.repeat(100_000));
    expect(journal.bytes).toBeLessThanOrEqual(200_000);
    const entries = journal.find();
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.at(-1)?.id).toBe(50);
    for (const entry of entries) {
      expect(entry.body.length).toBe(16 * 1024);
      expect(entry.responseBody.length).toBe(16 * 1024);
    }
  });

  it('redacts before it cuts', () => {
    const journal = new Journal(10);
    record(journal, JSON.stringify({ pad: 'p'.repeat(20_000), password: 'late-secret' }), '{"data":{"authToken":"minted"}}');
    const [entry] = journal.find();
    expect(entry?.body).not.toContain('late-secret');
    expect(entry?.responseBody).toBe('{"data":{"authToken":"[redacted]"}}');
  });

  it('adopt keeps the newest entries that fit and the id counter', () => {
    const old = new Journal(10);
    for (let i = 0; i < 6; i += 1) record(old, '{}');
    const next = new Journal(4);
    next.adopt(old);
    expect(next.find().map((e) => e.id)).toEqual([3, 4, 5, 6]);
    record(next, '{}');
    expect(next.find().at(-1)?.id).toBe(7);
    expect(next.clear()).toBe(4);
    expect(next.bytes).toBe(0);
  });

  it('capacity 0 records nothing', () => {
    const journal = new Journal(0);
    record(journal, '{}');
    expect(journal.find()).toEqual([]);
  });
});

describe('Journal.subscribe', () => {
  it('hands every stored entry, redacted, to listeners until they unsubscribe', () => {
    const journal = new Journal(10);
    const seen: number[] = [];
    const bodies: string[] = [];
    const stop = journal.subscribe((entry) => {
      seen.push(entry.id);
      bodies.push(entry.body);
    });
    record(journal, '{"password":"p4ss"}');
    expect(journal.listenerCount).toBe(1);
    stop();
    record(journal, '{}');
    expect(seen).toEqual([1]);
    expect(bodies[0]).not.toContain('p4ss');
    expect(journal.listenerCount).toBe(0);
  });

  it('keeps its listeners across a reload (adopt)', () => {
    const old = new Journal(10);
    const seen: number[] = [];
    const stop = old.subscribe((entry) => { seen.push(entry.id); });
    const reloaded = new Journal(10);
    reloaded.adopt(old);
    record(reloaded, '{}');
    stop();
    record(reloaded, '{}');
    expect(seen).toEqual([1]);
    expect(reloaded.listenerCount).toBe(0);
  });
});
