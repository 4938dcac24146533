import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { VENDOR_APIS } from '../../src/create-twin.ts';
import { fakeFromSchema } from '../../src/core/fake.ts';
import { SpecRouter } from '../../src/core/spec-router.ts';

/**
 * `Prefer: dynamic=true` bodies a frontend can use: every faked body of every documented JSON
 * response of every operation validates against its schema *with* formats checked (ajv-formats),
 * and every string that looks like a timestamp is a real instant (`new Date()` works on it).
 */

const SEEDS = 25;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
// ajv-formats is CommonJS (`module.exports = plugin; exports.default = plugin`): under NodeNext
// the default import is `module.exports`, whose typed callable is its `default`.
ajvFormats.default(ajv);

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Every string in a body, with its JSON pointer. */
function strings(value: unknown, pointer = ''): [string, string][] {
  if (typeof value === 'string') return [[pointer, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${pointer}/${i}`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => strings(item, `${pointer}/${key}`));
  return [];
}

for (const api of VENDOR_APIS) {
  const router = await SpecRouter.load(api.specPath);
  describe(`${api.name}: faked response bodies`, () => {
    for (const operation of router.operations()) {
      it(operation.operationId ?? operation.path, () => {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
          const schema = content['application/json']?.schema;
          if (schema === undefined) continue;
          const validate = ajv.compile(schema as object);
          for (let seed = 0; seed < SEEDS; seed += 1) {
            const body = fakeFromSchema(schema, seed);
            expect(validate(body), `${operation.operationId} ${status} seed ${seed}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
            for (const [pointer, text] of strings(body)) {
              if (ISO_LIKE.test(text)) expect(Number.isNaN(new Date(text.endsWith('Z') ? text : `${text}Z`).getTime()), `${operation.operationId} ${status} ${pointer} = ${text}`).toBe(false);
            }
          }
        }
      });
    }
  });
}
