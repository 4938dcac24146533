import type { ParseResult } from '../../core/api.ts';
import { malformedBody } from './errors.ts';

/**
 * Roam's body parsing, modelled on Django REST Framework's default parsers (research/roam.md §3a
 * points at a DRF backend; §1: clients send JSON). DRF would answer 415 for other media types;
 * Roam wraps every request failure in its envelope, so the twin answers the catch-all GS400.
 */

/** Operations whose view never reads a body (DRF parses lazily, on `request.data`). */
const BODYLESS = new Set(['getGroups', 'getUser']);

/** Form fields DRF's ListField reads with `getlist` (every value of the key). */
const FORM_LIST_FIELDS = new Set(['users']);
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
  if (mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJsonObject(raw);
  if (mediaType === 'application/x-www-form-urlencoded') return { ok: true, body: parseForm(raw) };
  return { ok: false, response: malformedBody() };
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
