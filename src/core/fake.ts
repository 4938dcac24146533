import { generateSync, type JsonSchema, type Random } from 'json-schema-faker';

/**
 * The single owner of json-schema-faker (0.6: ESM, `generateSync`, per-call seed). Used for
 * `Prefer: dynamic=true`: a body made from the documented response schema, repeatable when the
 * client passes `seed=N` (the fix Prism added for its issue #1011).
 *
 * Bodies must be usable by a frontend, not only schema-valid: `new Date()` on a faked timestamp
 * must work. json-schema-faker honours `format` (date-time, date, email, uri, uuid) but fills a
 * `pattern` such as `^\d{4}-\d{2}-\d{2}T…Z$` digit by digit ("3700-86-75T03:84:45Z"). So the
 * date and time patterns the specs use become formats of the twin's own, generated as real
 * instants between 2020 and 2026 in the shape the pattern asks for.
 */
export function fakeFromSchema(schema: unknown, seed: number): unknown {
  if (!isSchema(schema)) return {};
  const prepared = withTimeFormats(schema);
  const options = {
    seed,
    // Fill optional properties about half the time, as Prism's dynamic mode does by default.
    optionalsProbability: 0.5,
    maxItems: 5,
    maxDepth: 6,
    failOnInvalidTypes: false,
    formats: TIME_FORMATS,
  };
  try {
    return generateSync(prepared, options);
  } catch {
    // json-schema-faker gives up on some schemas it could fill (`minProperties` over optional
    // properties with `additionalProperties: false`): every optional property, then nothing.
    try {
      return generateSync(prepared, { ...options, optionalsProbability: 1, alwaysFakeOptionals: true });
    } catch {
      return {};
    }
  }
}

const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2026, 11, 31);

/** A real instant, from json-schema-faker's seeded random source. */
function instant(random: Random): Date {
  return new Date(FROM + Math.floor(random.next() * (TO - FROM)));
}

const TIME_FORMATS: Readonly<Record<string, (random: Random) => string>> = {
  /** ISO 8601 UTC with `Z` and milliseconds (Rocket.Chat's `ts`, `_updatedAt`). */
  'twin-date-time-z': (random) => instant(random).toISOString(),
  /** ISO 8601 without a zone, milliseconds (Roam's `created_at`). */
  'twin-date-time-local': (random) => instant(random).toISOString().slice(0, 23),
  /** `YYYY-MM-DD`. */
  'twin-date': (random) => instant(random).toISOString().slice(0, 10),
};

/** The twin format for a date or time pattern, or undefined for any other pattern. */
function timeFormatOf(pattern: string): string | undefined {
  if (!pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return undefined;
  if (!pattern.includes('T')) return 'twin-date';
  return pattern.endsWith('Z$') ? 'twin-date-time-z' : 'twin-date-time-local';
}

const prepared = new WeakMap<object, JsonSchema>();

/** How often one sub-schema may appear on a path before the recursion is cut (a tree, a thread). */
const MAX_RECURSION = 2;
/** Marks a place where a recursive schema was cut. */
const CUT: unique symbol = Symbol('cut');

/**
 * A copy of `schema` json-schema-faker can fake: date and time patterns become twin formats, and a
 * recursive schema (a dereferenced document's `Node.children: Node[]`) is cut after two levels, so
 * the copy is finite: a cut optional property is left out, a cut array item makes the array empty,
 * a cut `oneOf`/`anyOf` branch is dropped, anything else becomes `{}`. Memoized per schema object.
 */
function withTimeFormats(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object') return schema;
  const done = prepared.get(schema);
  if (done) return done;
  const depth = new Map<object, number>();
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== 'object' || value === null) return value;
    const seen = depth.get(value) ?? 0;
    if (seen >= MAX_RECURSION) return CUT;
    depth.set(value, seen + 1);
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      // Examples, defaults and enums are data, never schemas.
      out[key] = key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' ? entry : copy(entry);
    }
    depth.set(value, seen);
    return settle(out, value as Readonly<Record<string, unknown>>);
  };
  const result = copy(schema);
  const out = (result === CUT ? {} : result) as JsonSchema;
  prepared.set(schema, out);
  return out;
}

/** Applies the time formats and resolves the cuts inside one copied schema. */
function settle(out: Record<string, unknown>, original: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (typeof original.pattern === 'string') {
    const format = timeFormatOf(original.pattern);
    if (format !== undefined) {
      delete out.pattern;
      out.format = format;
    }
  }
  const properties = out.properties;
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) {
    const required = Array.isArray(original.required) ? original.required : [];
    const props = properties as Record<string, unknown>;
    for (const [name, sub] of Object.entries(props)) {
      if (sub !== CUT) continue;
      if (required.includes(name)) props[name] = {};
      else Reflect.deleteProperty(props, name);
    }
  }
  if (out.items === CUT) {
    out.items = {};
    out.maxItems = 0;
    delete out.minItems;
  }
  for (const key of ['oneOf', 'anyOf']) {
    const branches = out[key];
    if (!Array.isArray(branches)) continue;
    const kept = branches.filter((b) => b !== CUT);
    out[key] = kept.length > 0 ? kept : [{}];
  }
  for (const [key, entry] of Object.entries(out)) if (entry === CUT) out[key] = Array.isArray(original[key]) ? [] : {};
  return out;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}
