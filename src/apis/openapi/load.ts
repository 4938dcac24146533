import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { checkDocument, METHODS, type Notice } from './check-document.ts';
import { dereference } from './dereference.ts';
import { cachedParse } from './parse-cache.ts';
import { SpecError } from './spec-error.ts';

/** One document to serve: `--spec FILE[@/prefix]` or an entry of `createTwin({specs})`. */
export interface SpecSource {
  /** The OpenAPI 3.0/3.1 document, YAML or JSON; relative `$ref`s are read from its folder. */
  readonly file: string;
  /** Serve its paths under this prefix (`/v2`); default: at the paths the document names. */
  readonly prefix?: string;
  /** The API's name in URLs, fixtures and the admin API; default: the file name without extension. */
  readonly name?: string;
}

/** A document read, dereferenced and checked, ready to be served. */
export interface LoadedDocument {
  readonly name: string;
  /** Absolute path of the entry file. */
  readonly file: string;
  /** The entry file's text, as `GET /__admin/specs/<name>` serves it. */
  readonly text: string;
  readonly mediaType: 'application/yaml' | 'application/json';
  /** Every `$ref` replaced by its target, and an operationId on every operation. */
  readonly definition: Document;
  /** `''`, or the prefix its paths are served under (`/v2`, no trailing slash). */
  readonly mountPath: string;
  /** What the twin serves differently from what the document says (listed once at start). */
  readonly notices: readonly Notice[];
}

/** The API name a file gets by default: its base name, lower case, `[a-z0-9-]` only. */
export function nameOf(file: string): string {
  const stem = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'spec' : stem.slice(0, 60);
}

/**
 * Reads an OpenAPI 3.0/3.1 document and the files its `$ref`s name, dereferences it and checks
 * what the twin relies on. Operations without an operationId get `METHOD /path`. Throws SpecError
 * (file, JSON pointer, reason) for anything that would stop it from being served.
 */
export async function loadDocument(source: SpecSource): Promise<LoadedDocument> {
  const file = resolve(source.file);
  const text = await readText(file);
  const json = isJson(file, text);
  const root = json ? parseJson(file, text) : await parseYaml(file, text);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) throw new SpecError(file, '', 'not an OpenAPI document (the file holds no object)');
  const doc = root as Record<string, unknown>;
  // Version first: a Swagger 2.0 file is better told so than told about its $refs.
  if (typeof doc.openapi !== 'string' || !/^3\.[01]\./.test(doc.openapi)) checkDocument(doc, new WeakMap([[doc, { file, pointer: '' }]]));
  const origins = await dereference(doc, file, async (other) => {
    const otherText = await readText(other);
    return isJson(other, otherText) ? parseJson(other, otherText) : parseYaml(other, otherText);
  });
  const notices = checkDocument(doc, origins);
  nameOperations(doc);
  normalizeNullable(doc);
  return {
    name: source.name ?? nameOf(file),
    file,
    text,
    mediaType: json ? 'application/json' : 'application/yaml',
    // Checked above for everything the twin reads; openapi-backend's own types describe the rest.
    definition: doc as unknown as Document,
    mountPath: normalizePrefix(source.prefix ?? ''),
    notices,
  };
}

/** `v2/`, `/v2/` → `/v2`; `/` and `` → ``. Throws for characters a path prefix cannot hold. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/*/, '/').replace(/\/+$/, '');
  if (trimmed === '/' || trimmed === '') return '';
  if (!/^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/.test(trimmed)) throw new SpecError(prefix, '', `"${prefix}" is not a path prefix such as /v2`);
  return trimmed;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecError(file, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function isJson(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && text.trimStart().startsWith('{'));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` (line ${lineOf(text, Number(at[1]))})` : '';
    throw new SpecError(file, '', `not valid JSON: ${message}${where}`);
  }
}

/**
 * YAML through openapi-backend's document loader (json-schema-ref-parser with js-yaml): four
 * times faster than the `yaml` package on a 5 MB document (~0.35 s against ~1.2 s), which the
 * start-up goal needs; a large file's parse is kept as JSON for the next start (parse-cache.ts).
 * It parses only; references are resolved by dereference.ts.
 */
async function parseYaml(file: string, text: string): Promise<unknown> {
  try {
    return await cachedParse(text, () => new OpenAPIBackend({ definition: file }).loadDocument());
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^Error parsing [^:]*: /, '').split('\n')[0];
    throw new SpecError(file, '', `not valid YAML: ${message}`);
  }
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Keys whose values are data, not schemas. */
const DATA_KEYS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * OpenAPI 3.0's `nullable: true` next to `allOf` or `$ref` but without `type` (a common way to
 * write "a Pet or null") is something ajv refuses to compile; it becomes `anyOf: [schema, null]`,
 * which means the same. `nullable: false` without `type` is dropped.
 */
function normalizeNullable(doc: Record<string, unknown>): void {
  const seen = new WeakSet<object>();
  const stack: object[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    if (seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node) && typeof node.nullable === 'boolean' && node.type === undefined) {
      if (node.nullable) {
        const inner: Record<string, unknown> = {};
        for (const key of Object.keys(node)) {
          if (key !== 'nullable') inner[key] = node[key];
          Reflect.deleteProperty(node, key);
        }
        node.anyOf = [inner, { type: 'null' }];
      } else {
        Reflect.deleteProperty(node, 'nullable');
      }
    }
    for (const [key, value] of Object.entries(node)) if (typeof value === 'object' && value !== null && !DATA_KEYS.has(key)) stack.push(value);
  }
}

/** Gives every operation without one an operationId, `GET /pets/{petId}`, unique in the document. */
function nameOperations(doc: Record<string, unknown>): void {
  const paths = doc.paths as Record<string, Record<string, unknown>>;
  const taken = new Set<string>();
  const unnamed: { op: Record<string, unknown>; id: string }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (typeof op !== 'object' || op === null) continue;
      const record = op as Record<string, unknown>;
      if (typeof record.operationId === 'string') taken.add(record.operationId);
      else unnamed.push({ op: record, id: `${method.toUpperCase()} ${path}` });
    }
  }
  for (const { op, id } of unnamed) {
    if (typeof op.operationId === 'string') continue;
    let unique = id;
    for (let n = 2; taken.has(unique); n += 1) unique = `${id} (${n})`;
    op.operationId = unique;
    taken.add(unique);
  }
}
