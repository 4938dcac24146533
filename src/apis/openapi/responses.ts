import type { Operation } from 'openapi-backend';
import { isJsonMedia, isRecord } from './schema-shape.ts';

/** One documented response, reduced to what the twin answers with. */
export interface Documented {
  readonly status: number;
  /** The media type answered, or undefined for a response without a body (204). */
  readonly mediaType: string | undefined;
  /** True when the body is JSON (application/json, any `+json`). */
  readonly json: boolean;
  readonly schema: unknown;
  /** Named examples, in document order (`examples:` of the media type). */
  readonly examples: ReadonlyMap<string, unknown>;
  /** The media type's `example`, else the schema's own `example` (or first of `examples`). */
  readonly example?: { readonly value: unknown };
}

/** Why an operation cannot be served, or the response it answers by default. */
export type Success = { readonly ok: true; readonly response: Documented } | { readonly ok: false; readonly reason: string };

/**
 * The response an operation answers when nothing forces another: the lowest documented 2xx (then
 * `2XX`, then `default`, as Prism negotiates), with a JSON body, no body, or a text body that has
 * a string example. An operation with none of these cannot be served (listed once at start).
 */
export function successResponse(operation: Operation): Success {
  const key = operation.responses;
  if (key === undefined) return computeSuccess(operation);
  let found = successes.get(key);
  if (!found) {
    found = computeSuccess(operation);
    successes.set(key, found);
  }
  return found;
}

/** Per responses object (shared by the operation and its listing copies). */
const successes = new WeakMap<object, Success>();

function computeSuccess(operation: Operation): Success {
  const responses: Readonly<Record<string, unknown>> = isRecord(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const candidates: [string, number][] = [...codes.map((c): [string, number] => [c, Number(c)])];
  if (Object.hasOwn(responses, '2XX')) candidates.push(['2XX', 200]);
  if (candidates.length === 0 && Object.hasOwn(responses, 'default')) candidates.push(['default', 200]);
  if (candidates.length === 0) return { ok: false, reason: 'documents no success response' };
  const offered: string[] = [];
  for (const [code, status] of candidates) {
    const response = responses[code];
    const documented = documentedFrom(response, status);
    if (documented) return { ok: true, response: documented };
    if (isRecord(response) && isRecord(response.content)) offered.push(...Object.keys(response.content));
  }
  return { ok: false, reason: `no JSON response (only ${[...new Set(offered)].join(', ') || 'bodies without a media type'})` };
}

/**
 * The documented response for an error status (404, 409, 401…): the exact code, then its range
 * (`4XX`), then `default`; undefined when the document has none with a JSON body.
 */
export function errorResponse(operation: Operation, status: number): Documented | undefined {
  const responses: Readonly<Record<string, unknown>> = isRecord(operation.responses) ? operation.responses : {};
  for (const code of [String(status), `${String(status).charAt(0)}XX`, 'default']) {
    if (!Object.hasOwn(responses, code)) continue;
    const documented = documentedFrom(responses[code], status);
    if (documented?.json === true) return documented;
  }
  return undefined;
}

/** A response object as the twin can answer it, or undefined when its only bodies are not JSON or text with an example. */
function documentedFrom(response: unknown, status: number): Documented | undefined {
  if (!isRecord(response)) return undefined;
  const content = isRecord(response.content) ? response.content : {};
  const types = Object.keys(content);
  if (types.length === 0) return { status, mediaType: undefined, json: false, schema: undefined, examples: new Map() };
  const json = types.find((t) => t.split(';')[0]?.trim().toLowerCase() === 'application/json') ?? types.find((t) => isJsonMedia(t));
  if (json !== undefined) return fromMedia(status, json, content[json], true);
  for (const type of types) {
    const documented = fromMedia(status, type, content[type], false);
    // A text body can be served only as written: a string example.
    const first = documented.examples.size > 0 ? [...documented.examples.values()][0] : documented.example?.value;
    if (type.toLowerCase().startsWith('text/') && typeof first === 'string') return documented;
  }
  return undefined;
}

function fromMedia(status: number, mediaType: string, media: unknown, json: boolean): Documented {
  const m = isRecord(media) ? media : {};
  const examples = new Map<string, unknown>();
  if (isRecord(m.examples)) {
    for (const [name, example] of Object.entries(m.examples)) if (isRecord(example) && Object.hasOwn(example, 'value')) examples.set(name, example.value);
  }
  const schema = m.schema;
  let example: { value: unknown } | undefined;
  if (Object.hasOwn(m, 'example')) example = { value: m.example };
  else if (isRecord(schema) && Object.hasOwn(schema, 'example')) example = { value: schema.example };
  else if (isRecord(schema) && Array.isArray(schema.examples) && schema.examples.length > 0) example = { value: schema.examples[0] };
  // `*/*` and the like are answered as JSON.
  const answered = json && !mediaType.includes('/json') && !mediaType.includes('+json') ? 'application/json' : mediaType;
  return { status, mediaType: answered, json, schema, examples, ...(example === undefined ? {} : { example }) };
}

/** The documented example a response answers with: the first named example, else `example`. */
export function documentedExample(documented: Documented): { value: unknown } | undefined {
  const [first] = documented.examples.values();
  if (documented.examples.size > 0) return { value: first };
  return documented.example;
}
