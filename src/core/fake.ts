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
  return generateSync(withTimeFormats(schema), {
    seed,
    // Fill optional properties about half the time, as Prism's dynamic mode does by default.
    optionalsProbability: 0.5,
    maxItems: 5,
    maxDepth: 6,
    failOnInvalidTypes: false,
    formats: TIME_FORMATS,
  });
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

const converted = new WeakMap<object, JsonSchema>();

/** A copy of `schema` whose date and time patterns are twin formats (memoized per schema object). */
function withTimeFormats(schema: JsonSchema): JsonSchema {
  if (typeof schema !== 'object') return schema;
  const done = converted.get(schema);
  if (done) return done;
  const copy: Record<string, unknown> = {};
  converted.set(schema, copy);
  for (const [key, value] of Object.entries(schema)) copy[key] = convert(value);
  if (typeof schema.pattern === 'string') {
    const format = timeFormatOf(schema.pattern);
    if (format !== undefined) {
      delete copy.pattern;
      copy.format = format;
    }
  }
  return copy;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  return isSchema(value) && typeof value === 'object' ? withTimeFormats(value) : value;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}
