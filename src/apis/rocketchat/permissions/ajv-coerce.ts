/**
 * The part of ajv the vendor's typed routes lean on when they validate a body (`ajv` of
 * `packages/rest-typings/src/v1/Ajv.ts`: `coerceTypes: true`, not `allErrors`, so the router
 * reports the first failing keyword only; research notes issue 10 §1.1 step 5). Coercion
 * follows ajv 8's rules for scalar targets: it never wraps a value in an array.
 */

/** A coerced value, or ajv's message for the keyword that failed. */
export type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** `type: 'string'`: numbers and booleans become their text, null becomes `""`; objects fail. */
export function coerceString(value: unknown): Coerced<string> {
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
  if (value === null) return { ok: true, value: '' };
  return { ok: false, message: 'must be string' };
}

/** `type: 'boolean'`: `"true"`/`"false"`, 1/0 and null (→ false) are coerced; anything else fails. */
export function coerceBoolean(value: unknown): Coerced<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (value === 'true' || value === 1) return { ok: true, value: true };
  if (value === 'false' || value === 0 || value === null) return { ok: true, value: false };
  return { ok: false, message: 'must be boolean' };
}

/** True for a JSON object (ajv's `type: 'object'`). */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `uniqueItems` over strings, as ajv's generated loop runs it (from the last item down, remembering
 * each item's latest index): the message names the later index first.
 */
export function duplicateItems(items: readonly unknown[]): string | undefined {
  const seen = new Map<string, number>();
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i];
    if (typeof item !== 'string') continue;
    const later = seen.get(item);
    if (later !== undefined) return `must NOT have duplicate items (items ## ${later} and ${i} are identical)`;
    seen.set(item, i);
  }
  return undefined;
}
