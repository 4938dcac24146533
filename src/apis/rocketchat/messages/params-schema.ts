import { own } from '../parse-body.ts';

/**
 * The part of ajv the vendor's request checks use (rest-typings `Ajv.ts`: `coerceTypes: true`, no
 * `allErrors`), written out so a handler can answer exactly what the vendor answers: the same
 * coercions (`"true"` → true, `5` → `"5"`, `null` → `""` where null is not allowed), the first
 * error of an object in ajv's keyword order (type → required → additionalProperties →
 * properties in schema order), and for `oneOf` the first error of every branch followed by
 * `must match exactly one schema in oneOf`. The spec keeps the same schemas for documentation.
 */

export type ParamSchema =
  | { readonly type: 'string'; readonly nullable?: boolean; readonly minLength?: number; readonly pattern?: string }
  | { readonly type: 'boolean'; readonly nullable?: boolean }
  | { readonly type: 'number'; readonly nullable?: boolean }
  | { readonly type: 'array'; readonly nullable?: boolean; readonly items?: ParamSchema }
  | {
      readonly type: 'object';
      readonly nullable?: boolean;
      readonly properties?: Readonly<Record<string, ParamSchema>>;
      readonly required?: readonly string[];
      readonly additionalProperties?: boolean;
    }
  | { readonly oneOf: readonly ParamSchema[] };

/** The checked value (coerced, a fresh copy) or ajv's error messages in order. */
export type ParamCheck = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly messages: readonly string[] };

/** Checks `value` against `schema` as ajv would. */
export function checkParams(schema: ParamSchema, value: unknown): ParamCheck {
  if ('oneOf' in schema) return checkOneOf(schema.oneOf, value);
  if (value === null && schema.nullable === true) return { ok: true, value: null };
  const coerced = coerce(schema.type, value);
  if (!coerced.ok) return fail(`must be ${schema.type}`);
  const data = coerced.value;
  switch (schema.type) {
    case 'string': {
      const text = String(data);
      if (schema.minLength !== undefined && codePoints(text) < schema.minLength) return fail(`must NOT have fewer than ${schema.minLength} characters`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text)) return fail(`must match pattern "${schema.pattern}"`);
      return { ok: true, value: text };
    }
    case 'array':
      return checkArray(schema.items, data as unknown[]);
    case 'object':
      return checkObject(schema, data as object);
    default:
      return { ok: true, value: data };
  }
}

/** ajv's `ucs2length`: a surrogate pair counts once. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    count += 1;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i += 1;
  }
  return count;
}

function fail(message: string): ParamCheck {
  return { ok: false, messages: [message] };
}

function checkOneOf(branches: readonly ParamSchema[], value: unknown): ParamCheck {
  const messages: string[] = [];
  let passed: unknown[] = [];
  for (const branch of branches) {
    const result = checkParams(branch, value);
    if (result.ok) passed = [...passed, result.value];
    else messages.push(...result.messages);
  }
  if (passed.length === 1) return { ok: true, value: passed[0] };
  return { ok: false, messages: [...messages, 'must match exactly one schema in oneOf'] };
}

function checkArray(items: ParamSchema | undefined, data: readonly unknown[]): ParamCheck {
  if (!items) return { ok: true, value: [...data] };
  const out: unknown[] = [];
  for (const item of data) {
    const result = checkParams(items, item);
    if (!result.ok) return result;
    out.push(result.value);
  }
  return { ok: true, value: out };
}

function checkObject(schema: Extract<ParamSchema, { type: 'object' }>, data: object): ParamCheck {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(data, key)) return fail(`must have required property '${key}'`);
  }
  if (schema.additionalProperties === false && Object.keys(data).some((key) => !Object.hasOwn(properties, key))) {
    return fail('must NOT have additional properties');
  }
  const checked = new Map<string, unknown>();
  for (const [key, propertySchema] of Object.entries(properties)) {
    if (!Object.hasOwn(data, key)) continue;
    const result = checkParams(propertySchema, own(data, key));
    if (!result.ok) return result;
    checked.set(key, result.value);
  }
  // Object.fromEntries defines own data properties: a "__proto__" key stays plain data.
  return { ok: true, value: Object.fromEntries(Object.keys(data).map((key) => [key, checked.has(key) ? checked.get(key) : own(data, key)])) };
}

/** ajv's `coerceTypes: true` for one target type (no array wrapping). */
function coerce(type: 'string' | 'boolean' | 'number' | 'array' | 'object', value: unknown): { ok: true; value: unknown } | { ok: false } {
  switch (type) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      return value === null ? { ok: true, value: '' } : { ok: false };
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false };
      if (typeof value === 'boolean') return { ok: true, value: Number(value) };
      if (value === null) return { ok: true, value: 0 };
      // ajv: `typeof x == "string" && x && x == +x`.
      return typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)) ? { ok: true, value: Number(value) } : { ok: false };
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 1) return { ok: true, value: true };
      if (value === 'false' || value === 0 || value === null) return { ok: true, value: false };
      return { ok: false };
    case 'array':
      return Array.isArray(value) ? { ok: true, value } : { ok: false };
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ok: true, value } : { ok: false };
  }
}

/** The router's (typed routes') join: one message per line. */
export function joinTyped(messages: readonly string[]): string {
  return messages.join('\n');
}

/** Legacy `validateParams`' join: newline and a space. */
export function joinLegacy(messages: readonly string[]): string {
  return messages.join('\n ');
}

/** An object's own entries as a record (a copy; `{}` for anything that is not an object). */
export function recordOf(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}
