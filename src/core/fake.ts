import { generateSync, type JsonSchema } from 'json-schema-faker';

/**
 * The single owner of json-schema-faker (0.6: ESM, `generateSync`, per-call seed). Used for
 * `Prefer: dynamic=true`: a body made from the documented response schema, repeatable when the
 * client passes `seed=N` (the fix Prism added for its issue #1011).
 */
export function fakeFromSchema(schema: unknown, seed: number): unknown {
  if (!isSchema(schema)) return {};
  return generateSync(schema, {
    seed,
    // Fill optional properties about half the time, as Prism's dynamic mode does by default.
    optionalsProbability: 0.5,
    maxItems: 5,
    maxDepth: 6,
    failOnInvalidTypes: false,
  });
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}
