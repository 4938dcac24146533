import type { ParseResult } from '../../core/api.ts';
import { malformedBody } from './problems.ts';
import { isFormMedia, isJsonMedia, isRecord, shapeOf, typesOf, arrayItems } from './schema-shape.ts';

/**
 * Turns a request body into a value for validation and handlers, by its media type: JSON (any
 * `+json`, or no Content-Type with a body that looks like JSON), HTML forms
 * (`application/x-www-form-urlencoded`, `multipart/form-data` text fields) with their values
 * coerced to the schema's types (`age=5` → 5), and anything else as text. A JSON body that does
 * not parse is a 400 naming `/body`.
 */
export function parseBody(raw: string, contentType: string | undefined, formSchema: unknown): ParseResult {
  if (raw === '') return { ok: true, body: undefined };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') return { ok: true, body: coerce(fromPairs(new URLSearchParams(raw)), formSchema) };
  if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
    const fields = boundary ? multipart(raw, (boundary[1] ?? boundary[2] ?? '').trim()) : undefined;
    if (!fields) return { ok: false, response: malformedBody('is not a multipart/form-data body with the boundary its Content-Type names') };
    return { ok: true, body: coerce(fromPairs(fields), formSchema) };
  }
  if (isJsonMedia(type) || (type === '' && /^\s*[[{"]/.test(raw))) {
    // The core hands over a NUL when the body nests deeper than it stores (nesting.ts).
    if (raw === '\u0000') return { ok: false, response: malformedBody('nests deeper than 100 levels') };
    try {
      return { ok: true, body: JSON.parse(raw) as unknown };
    } catch (error) {
      return { ok: false, response: malformedBody(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`) };
    }
  }
  return { ok: true, body: raw };
}

/** The media types a body may be sent in, matched with wildcards (`application/*`, `*\/*`). */
export function acceptsMedia(declared: readonly string[], contentType: string | undefined): boolean {
  if (declared.length === 0) return true;
  // The common case first: exactly a declared type, no parameters.
  if (contentType !== undefined && declared.includes(contentType)) return true;
  const sent = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return declared.some((d) => {
    const type = d.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === '*/*' || type === sent) return true;
    if (type.endsWith('/*')) return sent.startsWith(type.slice(0, -1));
    // JSON without a Content-Type is still JSON (curl -d sends form, most clients send JSON).
    return sent === '' && isJsonMedia(type);
  });
}

/** The schema of a form body of `content` (urlencoded first, then multipart). */
export function formSchemaOf(content: Readonly<Record<string, unknown>>): unknown {
  for (const [type, media] of Object.entries(content)) if (isFormMedia(type) && isRecord(media)) return media.schema;
  return undefined;
}

function fromPairs(pairs: Iterable<[string, string]>): Record<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of pairs) {
    const current = out.get(key);
    if (current === undefined) out.set(key, value);
    else if (Array.isArray(current)) current.push(value);
    else out.set(key, [current, value]);
  }
  return Object.fromEntries(out);
}

/** Form values are text: numbers, booleans and lists become what the schema says they are. */
function coerce(fields: Record<string, string | string[]>, schema: unknown): Record<string, unknown> {
  const shape = shapeOf(schema);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const sub = shape.properties.get(name);
    const items = arrayItems(sub);
    if (items !== undefined) out[name] = (Array.isArray(value) ? value : [value]).map((v) => scalar(v, items));
    else out[name] = Array.isArray(value) ? value.map((v) => scalar(v, sub)) : scalar(value, sub);
  }
  return out;
}

function scalar(value: string, schema: unknown): unknown {
  const types = typesOf(schema);
  if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.includes('null') && value === '') return null;
  return value;
}

/** The text fields (and file contents, as text) of a multipart body; undefined when it is not one. */
function multipart(raw: string, boundary: string): [string, string][] | undefined {
  if (boundary === '') return undefined;
  const delimiter = `--${boundary}`;
  const parts = raw.split(delimiter);
  if (parts.length < 3) return undefined;
  const out: [string, string][] = [];
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    const at = split === -1 ? part.indexOf('\n\n') : split;
    if (at === -1) return undefined;
    const head = part.slice(0, at);
    const body = part.slice(at + (split === -1 ? 2 : 4)).replace(/\r?\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return undefined;
    out.push([name, body]);
  }
  return out;
}
