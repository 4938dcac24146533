import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { VENDOR_APIS } from '../../src/create-twin.ts';
import { fakeFromSchema } from '../../src/core/fake.ts';
import { SpecRouter } from '../../src/core/spec-router.ts';

/**
 * A form-encoded media type in a spec promises that a form carries every field its schema names.
 * For every such operation, bodies faked from the form schema are encoded the way a browser or
 * curl `--data-urlencode` does (an array as a repeated key), read back by the API's own body parser,
 * and must come out unchanged and valid against the form schema, with no type coercion. A field a
 * form cannot carry (an object, a boolean read as text, a list the parser keeps as its last value)
 * makes this fail, so the spec must leave it to JSON.
 */

const SEEDS = 40;
const FORM = 'application/x-www-form-urlencoded';
const ajv = new Ajv({ strict: false, allErrors: true });

/** The urlencoded text of `body`, or the pointer of a value no form can hold. */
function encode(body: unknown): { ok: true; raw: string } | { ok: false; reason: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: `top level ${JSON.stringify(body)}` };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') form.append(key, String(item));
      else return { ok: false, reason: `/${key} is ${JSON.stringify(item)}` };
    }
  }
  return { ok: true, raw: form.toString() };
}

for (const api of VENDOR_APIS) {
  const router = await SpecRouter.load(api.specPath);
  const formOperations = router.operations().filter((operation) => {
    const content = (operation.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
    return content?.[FORM] !== undefined;
  });
  describe(`${api.name}: form-encoded request bodies`, () => {
    it('declares some', () => {
      expect(formOperations.length).toBeGreaterThan(0);
    });
    for (const operation of formOperations) {
      const operationId = operation.operationId ?? operation.path;
      it(operationId, () => {
        const schema = (operation.requestBody as { content: Record<string, { schema?: unknown }> }).content[FORM]?.schema;
        expect(schema, 'a form media type has a schema').toBeTypeOf('object');
        const validate = ajv.compile(schema as object);
        for (let seed = 0; seed < SEEDS; seed += 1) {
          const body = fakeFromSchema(schema, seed);
          const encoded = encode(body);
          if (!encoded.ok) expect.fail(`${operationId} seed ${seed}: a form cannot carry ${encoded.reason}`);
          const parsed = api.parseBody(operationId, encoded.raw, FORM);
          expect(parsed.ok, `${operationId} seed ${seed}: the parser refused ${encoded.raw}`).toBe(true);
          if (!parsed.ok) continue;
          expect(parsed.body, `${operationId} seed ${seed}: ${encoded.raw}`).toEqual(body);
          expect(validate(parsed.body), `${operationId} seed ${seed}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      });
    }
  });
}
