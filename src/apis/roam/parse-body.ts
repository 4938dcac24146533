import type { ParseResult } from '../../core/api.ts';
import { fieldErrors, malformedBody } from './errors.ts';

/**
 * Roam's body parsing, modelled on Django REST Framework's default parsers (research/roam.md §3a
 * points at a DRF backend; §1: clients send JSON). DRF would answer 415 for other media types;
 * Roam wraps every request failure in its envelope, so the twin answers the catch-all GS400.
 */

/** Operations whose view never reads a body (DRF parses lazily, on `request.data`). */
const BODYLESS = new Set(['getGroups', 'getUser']);

/** Form fields DRF's ListField reads with `getlist` (every value of the key). */
const FORM_LIST_FIELDS = new Set(['users']);
/**
 * Most items a list field takes: DRF's ListField `max_length` (modelled: Roam's serializers are not
 * published; a twin limit that keeps validating a 1 MB list under a few milliseconds, since every
 * bad item gets its own message).
 */
export const MAX_LIST_ITEMS = 10_000;

/** Form fields DRF's Integer/ChoiceField turn from digits into numbers. */
const FORM_INTEGER_FIELDS = new Set(['app_type']);

/**
 * Parses `raw` for `operationId`. JSON when the content type is JSON or absent; form-encoded bodies
 * become a flat object; anything unparsable, or JSON that is not an object, is a GS400.
 * Never copies keys by assignment: JSON.parse and Object.fromEntries create own properties, so a
 * `__proto__` key stays data and no prototype is touched.
 */
export function parseRoamBody(operationId: string, raw: string, contentType: string | undefined): ParseResult {
  if (BODYLESS.has(operationId)) return { ok: true, body: undefined };
  // DRF: an empty body is empty data, whatever the content type.
  if (raw.trim() === '') return { ok: true, body: {} };
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let parsed: ParseResult;
  if (mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json')) parsed = parseJsonObject(raw);
  else if (mediaType === 'application/x-www-form-urlencoded') parsed = { ok: true, body: parseForm(raw) };
  else return { ok: false, response: malformedBody() };
  return parsed.ok ? checkListLengths(parsed.body) : parsed;
}

/** DRF's ListField `max_length` message for every list field over MAX_LIST_ITEMS. */
function checkListLengths(body: unknown): ParseResult {
  const details: Record<string, string[]> = {};
  for (const field of FORM_LIST_FIELDS) {
    const value: unknown = typeof body === 'object' && body !== null && Object.hasOwn(body, field) ? Reflect.get(body, field) : undefined;
    if (Array.isArray(value) && value.length > MAX_LIST_ITEMS) details[field] = [`Ensure this field has no more than ${MAX_LIST_ITEMS} elements.`];
  }
  return Object.keys(details).length > 0 ? { ok: false, response: fieldErrors(details) } : { ok: true, body };
}

function parseJsonObject(raw: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, response: malformedBody() };
  }
  // DRF serializers need a mapping; a list, string, number or null top level fails (modelled as GS400).
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, response: malformedBody() };
  return { ok: true, body: value };
}

function parseForm(raw: string): Record<string, string | number | string[]> {
  const fields = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(raw)) {
    const values = fields.get(key);
    if (values) values.push(value);
    else fields.set(key, [value]);
  }
  const entries = [...fields].map(([key, values]): [string, string | number | string[]] => {
    if (FORM_LIST_FIELDS.has(key)) return [key, values];
    // QueryDict.__getitem__ returns the last value of a repeated key.
    const last = values[values.length - 1] ?? '';
    if (FORM_INTEGER_FIELDS.has(key) && /^-?\d+$/.test(last)) return [key, Number(last)];
    return [key, last];
  });
  return Object.fromEntries(entries);
}
