import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from '../../core/formats.ts';
import { isRecord } from './schema-shape.ts';

/**
 * "What the twin returns always fits the schema": every answer body built from stored state is
 * checked against its documented schema, and repaired where it does not fit, guided by ajv's errors
 * (a property the schema forbids is dropped, a missing or wrong one is taken from a faked body).
 */
export class Conformer {
  private readonly ajv: Ajv | Ajv2020;
  private readonly compiled = new WeakMap<object, ValidateFunction>();

  /** `draft2020`: the document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12. */
  constructor(draft2020: boolean) {
    const options = { allErrors: true, verbose: true, strict: false, logger: false, validateSchema: false } as const;
    this.ajv = addFormats(draft2020 ? new Ajv2020(options) : new Ajv(options));
  }

  /** Errors of `value` against `schema` (an empty list when it fits). Validators compile on first use. */
  errors(schema: unknown, value: unknown): readonly ErrorObject[] {
    if (!isRecord(schema)) return [];
    let validate = this.compiled.get(schema);
    if (!validate) {
      try {
        validate = this.ajv.compile(decycle(schema));
      } catch {
        // A schema ajv cannot compile (checked at start for the common mistakes) constrains nothing here.
        validate = Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
      }
      this.compiled.set(schema, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []);
  }

  /**
   * `value` changed until it fits `schema`, or the closest it got in a few rounds. `fake(schema)`
   * makes a fitting value for a sub-schema. `value` is never changed in place.
   */
  conform(schema: unknown, value: unknown, fake: (schema: unknown) => unknown): { value: unknown; fits: boolean } {
    let errors = this.errors(schema, value);
    if (errors.length === 0) return { value, fits: true };
    let current: unknown = structuredClone(value);
    for (let round = 0; round < 4 && errors.length > 0; round += 1) {
      // Leaf errors first: a oneOf/anyOf failure often goes away once its branch's leaves are fixed.
      const leaves = errors.filter((e) => !COMPOSITE.has(e.keyword));
      const chosen = leaves.length > 0 ? leaves : errors;
      const done = new Set<string>();
      for (const error of chosen) {
        const key = `${error.instancePath} ${error.keyword}`;
        if (done.has(key)) continue;
        done.add(key);
        current = repair(current, error, fake);
      }
      errors = this.errors(schema, current);
    }
    return { value: current, fits: errors.length === 0 };
  }
}

const COMPOSITE: ReadonlySet<string> = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'discriminator']);

/** One repair for one ajv error (`verbose` gives the failing sub-schema). */
function repair(root: unknown, error: ErrorObject, fake: (schema: unknown) => unknown): unknown {
  const path = error.instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params: Readonly<Record<string, unknown>> = error.params;
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const extra = params.additionalProperty ?? params.unevaluatedProperty;
    if (typeof extra !== 'string') return root;
    return edit(root, path, (holder) => {
      if (isRecord(holder)) Reflect.deleteProperty(holder, extra);
      return holder;
    });
  }
  if (error.keyword === 'required') {
    const missing = params.missingProperty;
    const parent: unknown = error.parentSchema;
    const sub = isRecord(parent) && isRecord(parent.properties) ? parent.properties[String(missing)] : undefined;
    return edit(root, path, (holder) => {
      if (isRecord(holder) && typeof missing === 'string') (holder as Record<string, unknown>)[missing] = fake(sub ?? {});
      return holder;
    });
  }
  if (error.keyword === 'maxItems' && typeof params.limit === 'number') {
    const limit = params.limit;
    return edit(root, path, (holder) => (Array.isArray(holder) ? holder.slice(0, limit) : holder));
  }
  // Anything else (type, format, enum, pattern, bounds, a oneOf nothing fixed): a faked value in its place.
  return edit(root, path, () => fake(error.parentSchema));
}

/** Replaces the value at `path` with what `change` makes of it (the root when `path` is empty). */
function edit(root: unknown, path: readonly string[], change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  let holder = root;
  for (const token of path.slice(0, -1)) {
    holder = Array.isArray(holder) ? holder[Number(token)] : isRecord(holder) ? holder[token] : undefined;
    if (typeof holder !== 'object' || holder === null) return root;
  }
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(holder)) holder[Number(last)] = change(holder[Number(last)]);
  else if (isRecord(holder)) (holder as Record<string, unknown>)[last] = change(holder[last]);
  return root;
}

/**
 * A copy of a dereferenced schema ajv can compile: a sub-schema met again on its own path (a
 * recursive schema) becomes a `$ref` to where it was first met; `$id`s go, so references stay
 * relative to this one root.
 */
export function decycle(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const onPath = new Map<object, string>();
  const copy = (value: unknown, pointer: string): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const seen = onPath.get(value);
    if (seen !== undefined) return { $ref: `#${seen}` };
    onPath.set(value, pointer);
    let out: unknown;
    if (Array.isArray(value)) {
      out = value.map((v, i) => copy(v, `${pointer}/${i}`));
    } else {
      const record: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (key === '$id' || key === '$schema' || key === '$anchor' || key === '$dynamicAnchor') continue;
        // Examples are data: copied as they are, never walked for schemas.
        record[key] = key === 'example' || key === 'examples' ? v : copy(v, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
      out = record;
    }
    onPath.delete(value);
    return out;
  };
  return copy(schema, '') as Record<string, unknown>;
}
