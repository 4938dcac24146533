import { describe, expect, it } from 'vitest';
import { fakeFromSchema } from '../../../src/core/fake.ts';

describe('fakeFromSchema', () => {
  const timestamps = {
    type: 'object',
    required: ['ts', 'created', 'day'],
    properties: {
      ts: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$' },
      created: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3}|\\.\\d{6})?$' },
      day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
  };

  it('fakes date and time patterns as real instants a frontend can parse', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const body = fakeFromSchema(timestamps, seed) as { ts: string; created: string; day: string };
      expect(body.ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(new Date(body.ts).toISOString()).toBe(body.ts);
      expect(body.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
      expect(new Date(`${body.created}Z`).toISOString().slice(0, 23)).toBe(body.created);
      expect(new Date(`${body.day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(body.day);
    }
  });

  it('is repeatable for a seed and honours formats', () => {
    expect(fakeFromSchema(timestamps, 7)).toEqual(fakeFromSchema(timestamps, 7));
    const formats = fakeFromSchema({ type: 'object', required: ['e', 'u'], properties: { e: { type: 'string', format: 'email' }, u: { type: 'string', format: 'uuid' } } }, 1) as { e: string; u: string };
    expect(formats.e).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(formats.u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
