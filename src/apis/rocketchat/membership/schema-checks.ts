import { own } from '../parse-body.ts';

/**
 * The vendor's ajv schemas for three membership routes, checked by hand as ajv does with
 * `coerceTypes` and without `allErrors`: the first error only, `required` before
 * `additionalProperties` before the properties in schema order. Each check answers the ajv
 * message, or the (coerced) parameters when they pass.
 */

/** A check's outcome: the coerced parameters, or ajv's message for the first error. */
export type SchemaCheck = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly message: string };

const NOT_OBJECT = 'must be object';
const EXTRA = 'must NOT have additional properties';
const NOT_STRING = 'must be string';

/**
 * isGroupsOnlineProps (rest-typings, 7.x/8.x): `{_id?: string|null, query?: string|null}`, no other
 * key. Query values are strings or lists of them; a list is no string.
 */
export function checkOnlineQuery(query: object): SchemaCheck {
  return checkObject(query, [], [['_id', true], ['query', true]]);
}

/** isSubscriptionsGetOneProps (@6038d1d5): `{roomId: string}` required, no other key. */
export function checkGetOneQuery(query: object): SchemaCheck {
  return checkObject(query, ['roomId'], [['roomId', false]]);
}

const STATUSES: readonly unknown[] = ['online', 'away', 'offline', 'busy'];

/**
 * The 8.x users.setStatus body: `status` one of four, `message` and `expiresAt` string or null,
 * `userId`, `username`, `user` strings, nothing else.
 */
export function checkSetStatusBody(body: unknown): SchemaCheck {
  const checked = checkObject(body, [], [['status', false], ['message', true], ['expiresAt', true], ['userId', false], ['username', false], ['user', false]]);
  if (checked.ok && checked.value.status !== undefined && !STATUSES.includes(checked.value.status)) {
    return { ok: false, message: 'must be equal to one of the allowed values' };
  }
  return checked;
}

/** An object whose listed properties are strings (`nullable` ones may be null), with no other key. */
function checkObject(value: unknown, required: readonly string[], properties: readonly (readonly [name: string, nullable: boolean])[]): SchemaCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: NOT_OBJECT };
  for (const name of required) if (!Object.hasOwn(value, name)) return { ok: false, message: `must have required property '${name}'` };
  const known = new Set(properties.map(([name]) => name));
  for (const key of Object.keys(value)) if (!known.has(key)) return { ok: false, message: EXTRA };
  const out: Record<string, unknown> = {};
  for (const [name, nullable] of properties) {
    if (!Object.hasOwn(value, name)) continue;
    const coerced = toString(own(value, name), nullable);
    if (coerced === INVALID) return { ok: false, message: NOT_STRING };
    out[name] = coerced;
  }
  return { ok: true, value: out };
}

const INVALID = Symbol('invalid');

/** ajv's coercion to `string`: numbers and booleans are spelled out, null is "" unless nullable. */
function toString(value: unknown, nullable: boolean): string | null | typeof INVALID {
  if (typeof value === 'string') return value;
  if (value === null) return nullable ? null : '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return INVALID;
}
