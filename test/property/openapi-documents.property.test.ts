import fc from 'fast-check';
import type { Operation } from 'openapi-backend';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/apis/openapi/index.ts';
import { createTwin } from '../../src/create-twin.ts';
import { fakeFromSchema } from '../../src/core/fake.ts';
import { SpecRouter } from '../../src/core/spec-router.ts';
import { fromRoot } from '../../src/paths.ts';
import { expectDocumented } from '../support/conform-document.ts';
import { call, pinnedDeps } from '../support/in-process.ts';

/**
 * Property tests over every servable operation of the test documents: schema-valid requests
 * (bodies, path and query parameters faked by json-schema-faker, seeded by fast-check) and
 * schema-invalid bodies. Whatever comes in, the answer is a status the document lists, in one of
 * its media types, with a body valid against its schema (checked by an independent validator), and
 * an invalid body is a 400 whose every pointer is under /body.
 */
const SEED = 20261201;
const RUNS = { valid: 25, invalid: 25 } as const;
let cases = 0;

const DOCUMENTS = [
  { file: 'test/openapi/petstore-30.yaml', prefix: '', headers: { 'x-api-key': 'k' } },
  { file: 'test/openapi/bookshop/bookshop.yaml', prefix: '/shop', headers: { authorization: 'Bearer t' } },
] as const;

interface Target {
  readonly file: string;
  readonly prefix: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly operation: Operation;
}

const twin = await createTwin({ deps: pinnedDeps(), maxSessions: 5000, specs: DOCUMENTS.map((d) => ({ file: fromRoot(d.file), ...(d.prefix === '' ? {} : { prefix: d.prefix }) })) });
const targets: Target[] = [];
for (const doc of DOCUMENTS) {
  const loaded = await loadDocument({ file: fromRoot(doc.file) });
  for (const operation of SpecRouter.fromDefinition(loaded.definition).operations()) {
    const servable = Object.keys(operation.responses ?? {}).some((code) => {
      const response = (operation.responses as Record<string, { content?: Record<string, unknown> }>)[code];
      return code.startsWith('2') && (response?.content === undefined || Object.keys(response.content).some((t) => t.includes('json')));
    });
    if (servable) targets.push({ ...doc, operation });
  }
}

function bodyOf(operation: Operation): { type: string; schema: unknown } | undefined {
  const body: unknown = operation.requestBody;
  if (typeof body !== 'object' || body === null || !('content' in body)) return undefined;
  const [type, media] = Object.entries(body.content as Record<string, { schema?: unknown }>)[0] ?? [];
  return type === undefined ? undefined : { type, schema: media?.schema };
}

/** A request to `target` with every parameter faked from its schema and `body` in its media type. */
function request(target: Target, seed: number, body: unknown) {
  const params = (target.operation.parameters ?? []).flatMap((p) => ('in' in p ? [p] : []));
  let path = target.operation.path;
  const query = new URLSearchParams();
  for (const param of params) {
    const value = fakeFromSchema('schema' in param ? param.schema : { type: 'string' }, seed);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (param.in === 'path') path = path.replace(`{${param.name}}`, encodeURIComponent(text === '' ? 'x' : text));
    if (param.in === 'query' && param.required === true) query.set(param.name, text);
  }
  const media = bodyOf(target.operation);
  const headers: Record<string, string> = { ...target.headers, 'x-mock-session': `property-${cases}` };
  let raw = '';
  if (media && body !== undefined) {
    headers['content-type'] = media.type;
    raw = media.type === 'application/x-www-form-urlencoded' && typeof body === 'object' && body !== null ? new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString() : JSON.stringify(body);
  }
  return call(twin, `${target.prefix}${path}`, { method: target.operation.method.toUpperCase(), headers, body: raw, query: query.toString() });
}

async function expectDocumentedAnswer(target: Target, res: ReturnType<typeof call>): Promise<void> {
  cases += 1;
  expect(res.status, `${target.operation.operationId ?? ''} ${res.status} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  await expectDocumented(target.file, target.operation.operationId ?? '', { status: res.status, headers: new Headers(res.headers), text: res.body, json: res.json });
}

describe.each(targets.map((t) => [`${t.file.split('/').pop() ?? ''} ${t.operation.operationId ?? ''}`, t] as const))('%s', (_name, target) => {
  const media = bodyOf(target.operation);

  it('schema-valid requests get a documented answer, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 30 }), async (seed) => {
        const body = media === undefined ? undefined : fakeFromSchema(media.schema, seed);
        await expectDocumentedAnswer(target, request(target, seed, body));
      }),
      { seed: SEED, numRuns: RUNS.valid },
    );
  });

  // Forms are text: only JSON bodies can carry a wrong type.
  if (media?.type.includes('json') === true) it('schema-invalid bodies get a documented 400 whose pointers are all under /body', async () => {
    const valid = fakeFromSchema(media.schema, SEED);
    const keys = typeof valid === 'object' && valid !== null ? Object.keys(valid) : [];
    const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ minLength: 1 }), fc.integer(), { minKeys: 1, maxKeys: 2 }));
    const invalid = keys.length === 0 ? fc.oneof(fc.integer(), fc.string()) : fc.tuple(fc.constantFrom(...keys), wrong).map(([key, value]) => ({ ...(valid as object), [key]: value }));
    await fc.assert(
      fc.asyncProperty(invalid, async (body) => {
        const res = request(target, SEED, body);
        await expectDocumentedAnswer(target, res);
        if (res.status === 400) {
          for (const error of (res.json as { errors: { pointer: string }[] }).errors) expect(error.pointer).toMatch(/^\/body(\/|$)/);
        }
      }),
      { seed: SEED, numRuns: RUNS.invalid },
    );
  });
});

afterAll(() => {
  console.log(`property cases run: ${cases} over ${targets.length} document operations (seed ${SEED})`);
});
