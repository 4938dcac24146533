import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/paths.ts';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

/**
 * Every per-request step is linear in the request's size (robustness finding 1: 80,000 invalid
 * `users` items froze the twin for 17 s, 520,000 for over five minutes, because field errors were
 * merged by copying an object per item). Each operation of each API gets 1 MB bodies of many
 * shapes; all must be answered, none with a 5xx. The timeouts are liveness bounds, not timings:
 * the quadratic version needs minutes for one of these requests. bench/abuse.mjs measures CPU.
 */

interface Operation {
  readonly api: string;
  readonly method: string;
  readonly path: string;
  readonly fields: readonly string[];
}

const MB = 1024 * 1024;

/** Every operation of both vendor specs, with its JSON body's property names. */
function operations(): Operation[] {
  const out: Operation[] = [];
  for (const api of ['rocketchat', 'roam']) {
    const doc = JSON.parse(readFileSync(fromRoot(`src/generated/${api}.openapi.json`), 'utf8')) as {
      definition: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
    };
    for (const [path, item] of Object.entries(doc.definition.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        out.push({ api, method: method.toUpperCase(), path, fields: Object.keys(schema?.properties ?? {}) });
      }
    }
  }
  return out;
}

/** About `bytes` of `item, item, …` */
function repeated(item: string, bytes: number): string {
  return Array.from({ length: Math.floor(bytes / (item.length + 1)) }, () => item).join(',');
}

/** 1 MB bodies: big arrays of bad items in each field, many keys, long strings, deep-and-wide nesting. */
function shapes(fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {
    manyKeys: `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
    longString: JSON.stringify({ [fields[0] ?? 'x']: 'x'.repeat(MB - 100) }),
    topLevelArray: `[${repeated('{"a":1}', MB)}]`,
    wideAndDeep: `{"a":${'['.repeat(99)}${repeated('1', MB / 2)}${']'.repeat(99)}}`,
    text: 'y'.repeat(MB),
  };
  for (const field of fields) {
    out[`${field}: numbers`] = `{"${field}":[${repeated('1', MB - 50)}]}`;
    out[`${field}: objects`] = `{"${field}":[${repeated('{"x":[1]}', MB - 50)}]}`;
    out[`${field}: bad ids`] = `{"${field}":[${repeated('"zz"', MB - 50)}]}`;
  }
  return out;
}

describe('a 1 MB body of any shape to any operation is answered, never with a 5xx', () => {
  for (const op of operations()) {
    it(`${op.api} ${op.method} ${op.path}`, { timeout: 120_000 }, async () => {
      const twin = await testTwin({ maxSessionBytes: 64 * MB });
      const credentials = op.api === 'roam' ? ROAM_KEY : TESTER;
      for (const [shape, body] of Object.entries(shapes(op.fields))) {
        for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
          const res = call(twin, op.path, { method: op.method, headers: { ...credentials, 'content-type': contentType }, body });
          expect(res.status, `${shape} as ${contentType}`).toBeLessThan(500);
        }
      }
    });
  }
});

describe('Roam list fields with many invalid items (finding 1)', () => {
  const list = (items: number) => `[${Array.from({ length: items }, () => '1').join(',')}]`;
  const cases = [
    { method: 'POST', path: '/v1/api/group/', body: (users: string) => `{"users":${users}}` },
    { method: 'PUT', path: '/v1/api/group/', body: (users: string) => `{"group_id":"600959fdffb3fb482ec5cdc6","users":${users}}` },
    { method: 'POST', path: '/v1/api/group/user/', body: (users: string) => `{"group_id":"600959fdffb3fb482ec5cdc6","users":${users}}` },
  ];
  type Details = { error: { ErrorCode: string; details: { users: Record<string, string[]> | string[] } } };
  for (const c of cases) {
    it(`${c.method} ${c.path}: 10,000 bad items are each named by index; 520,000 (1 MB) are refused whole`, { timeout: 120_000 }, async () => {
      const twin = await testTwin();
      const send = (users: string) => call(twin, c.path, { method: c.method, headers: { ...ROAM_KEY, 'content-type': 'application/json' }, body: c.body(users) });
      const many = send(list(10_000));
      expect(many.status).toBe(400);
      const items = (many.json as Details).error;
      expect(items.ErrorCode).toBe('GS402');
      expect(Object.keys(items.details.users)).toHaveLength(10_000);
      expect((items.details.users as Record<string, string[]>)['9999']).toEqual(['"1" is not a valid ObjectId.']);
      // 1 MB of `1,`: minutes of CPU before the fix; DRF's ListField max_length now.
      const huge = send(list(520_000));
      expect(huge.status).toBe(400);
      expect((huge.json as Details).error.details).toEqual({ users: ['Ensure this field has no more than 10000 elements.'] });
    });
  }
});
