import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { OpenAPIBackend, OpenAPIRouter, OpenAPIValidator, type AjvCustomizer, type Document, type Operation } from 'openapi-backend';
import type { ParsedInput, ValidationIssue } from './api.ts';
import { PathIndex } from './path-index.ts';

/** A routed operation: which spec it belongs to and its operationId. */
export interface RouteMatch {
  readonly operationId: string;
  /** Statuses the spec documents for this operation (used by scenario selection). */
  readonly operation: Operation;
  /**
   * The path parameters of a templated path (`{_id}` in `/api/v1/settings/{_id}`), percent-decoded
   * as routers decode them; empty for exact paths. Handlers get them whether or not the request
   * passes validation.
   */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Routing and request validation for one spec, on openapi-backend's router and ajv validators.
 *
 * openapi-backend rebuilds its whole operation list on every `matchOperation` call (router.js
 * getOperations, measured at ~25% of CPU with 500 operations; research/baseline.md §4) and then
 * tries every templated path's regular expression in turn, so both grow with the document. Here
 * the list is built once, exact paths are answered from a Map and templated paths from a segment
 * index (path-index.ts): a request costs the same with 10 operations or 2,000. openapi-backend
 * keeps what it is good at: the compiled ajv validators.
 */
export class SpecRouter {
  private readonly exact = new Map<string, Operation>();
  /** Every path of the spec, trailing slashes removed (a wrong method on one is a 405). */
  private readonly literalPaths = new Set<string>();
  /** Templated paths, each with its operations by lower-case method. */
  private readonly templated = new PathIndex<Map<string, Operation>>();
  private readonly byId = new Map<string, Operation>();
  private readonly list: readonly Operation[];
  /**
   * The same request validators compiled to stop at the first error. ajv with `allErrors` makes
   * one error object per bad item: 520,000 bad list items cost ~140 ms before anything else runs.
   * Every request is checked with these first; only an invalid one whose API lists every error
   * (Roam's DRF-style details) is checked again with all errors, and Roam refuses lists of more
   * than 10,000 items before validation (parse-body.ts), so that second pass stays bounded too.
   */
  private readonly firstError: OpenAPIValidator;

  private constructor(
    /** The dereferenced document. */
    readonly definition: Document,
    router: OpenAPIRouter,
    private readonly validator: OpenAPIValidator,
    customizeAjv?: AjvCustomizer,
    ajvOpts: Readonly<Record<string, unknown>> = {},
  ) {
    const operations = router.getOperations();
    router.getOperations = () => operations;
    this.list = operations;
    const byTemplate = new Map<string, Map<string, Operation>>();
    for (const operation of operations) {
      if (operation.operationId !== undefined && !this.byId.has(operation.operationId)) this.byId.set(operation.operationId, operation);
      this.literalPaths.add(trimSlashes(operation.path));
      if (!operation.path.includes('{')) {
        this.exact.set(`${operation.method} ${operation.path}`, operation);
        continue;
      }
      const template = trimSlashes(operation.path);
      let byMethod = byTemplate.get(template);
      if (!byMethod) {
        byMethod = new Map();
        byTemplate.set(template, byMethod);
        this.templated.add(template, byMethod);
      }
      if (!byMethod.has(operation.method)) byMethod.set(operation.method, operation);
    }
    this.firstError = lazyValidator(definition, router, false, ajvOpts, customizeAjv);
  }

  /**
   * Loads and dereferences the spec at `specPath`. `quick` skips openapi-backend's full document
   * validation and compiles validators on first use: start-up stays well under a second, and the
   * specs themselves are validated by the test suite and the spec linter instead.
   */
  static async load(specPath: string, cacheDir?: string): Promise<SpecRouter> {
    const cached = cacheDir === undefined ? undefined : readSpecCache(specPath, cacheDir);
    // Already openapi-backend's dereferenced output: a second pass of its dereferencer (a deep
    // clone and a walk of every schema, ~40 ms of start-up) would change nothing.
    if (cached !== undefined) return SpecRouter.overDereferenced(cached, VENDOR_AJV);
    const definition = specPath;
    // allErrors: a DRF-style 400 names every bad field, not just the first (research/roam.md §3a).
    const backend = new OpenAPIBackend({ definition, quick: true, validate: true, coerceTypes: true, ajvOpts: { allErrors: true, ...VENDOR_AJV } });
    await backend.init();
    return new SpecRouter(backend.definition, backend.router, backend.validator, undefined, VENDOR_AJV);
  }

  /**
   * A router over a document already read and dereferenced (documents given with `--spec`,
   * which src/apis/openapi loads and checks itself). Validators compile on first use.
   */
  static fromDefinition(definition: Document, customizeAjv?: AjvCustomizer): SpecRouter {
    return SpecRouter.overDereferenced(definition, DOCUMENT_AJV, customizeAjv);
  }

  /** A router and lazily compiled validators over a dereferenced document, without openapi-backend's init. */
  private static overDereferenced(definition: Document, ajvOpts: Readonly<Record<string, unknown>>, customizeAjv?: AjvCustomizer): SpecRouter {
    const router = new OpenAPIRouter({ definition });
    // The list openapi-backend's lodash chain would build (~40 ms for 2,000 operations), in a loop.
    const operations = listOperations(definition);
    router.getOperations = () => operations;
    return new SpecRouter(definition, router, lazyValidator(definition, router, true, ajvOpts, customizeAjv), customizeAjv, ajvOpts);
  }

  /** The operation for `method path`, ignoring one trailing slash as openapi-backend does. */
  match(method: string, path: string): RouteMatch | undefined {
    const lower = method.toLowerCase();
    const trimmed = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
    const exact = this.exact.get(`${lower} ${path}`) ?? this.exact.get(`${lower} ${trimmed}`) ?? this.exact.get(`${lower} ${trimmed}/`);
    if (exact) return exact.operationId === undefined ? undefined : { operationId: exact.operationId, operation: exact, params: {} };
    const found = this.templated.match(trimmed, (byMethod) => byMethod.has(lower));
    const operation = found?.value.get(lower);
    if (!found || operation?.operationId === undefined) return undefined;
    // Percent-decoded as routers decode them (a malformed escape stays as sent, as Hono's
    // `tryDecodeURIComponent` leaves it); openapi-backend's own parser does not decode them.
    const params: Record<string, string> = {};
    for (const [name, raw] of Object.entries(found.params)) params[name] = decodeSegment(raw);
    return { operationId: operation.operationId, operation, params };
  }

  /** Every operation of the spec, in spec order. */
  operations(): readonly Operation[] {
    return this.list;
  }

  /** The operation with this operationId. */
  operation(operationId: string): Operation | undefined {
    return this.byId.get(operationId);
  }

  /** True when some operation has this path, templated paths included (so a wrong method is a 405, not a 404). */
  hasPath(path: string): boolean {
    const trimmed = trimSlashes(path);
    return this.literalPaths.has(trimmed) || this.templated.match(trimmed) !== undefined;
  }

  /**
   * Validates parameters and body against the operation's schemas with openapi-backend's compiled
   * ajv validators, on a parameters object built here (openapi-backend's `validateRequest` would
   * re-parse headers, cookies and the query, and look the operation up again). On success, `input`
   * comes back with query and path parameters coerced to their schema types (`count=5` → 5), as
   * handlers expect.
   */
  validate(match: RouteMatch, _method: string, _path: string, input: ParsedInput, errors: 'first' | 'all' = 'all'): ValidationOutcome {
    const { operation } = match;
    const query: Record<string, unknown> = { ...stringQuery(input.query) };
    for (const { name, explode } of this.arrayQueryParams(operation)) {
      const value = query[name];
      // `style: form, explode: false` sends a list as `a,b,c` (OpenAPI 3.1 §4.8.12.4).
      if (typeof value === 'string') query[name] = explode ? [value] : value.split(',');
    }
    const path: Record<string, unknown> = { ...input.params };
    const cookie = input.headers.cookie;
    const parameters: Record<string, unknown> = { path, query, header: stripUndefined(input.headers), cookie: cookie === undefined ? {} : parseCookies(cookie) };
    // As openapi-backend does: the body takes part when it is an object or declared JSON.
    if (typeof input.body === 'object' || (input.headers['content-type'] ?? '').includes('application/json')) parameters.requestBody = input.body;
    let issues = runValidators(this.firstError.getRequestValidatorsForOperation(match.operationId), parameters);
    if (issues.length > 0 && errors === 'all') issues = runValidators(this.validator.getRequestValidatorsForOperation(match.operationId), parameters);
    if (issues.length > 0) return { issues, input };
    // ajv coerced `query` and `path` in place (coerceTypes), so handlers get numbers where the spec says so.
    return { issues, input: { ...input, query, params: Object.keys(path).length > 0 ? path : input.params } };
  }

  private readonly arrayParams = new Map<string, readonly { readonly name: string; readonly explode: boolean }[]>();

  /** The operation's query parameters whose schema is an array (a single value is wrapped or split). */
  private arrayQueryParams(operation: Operation): readonly { readonly name: string; readonly explode: boolean }[] {
    const key = operation.operationId ?? `${operation.method} ${operation.path}`;
    let params = this.arrayParams.get(key);
    if (!params) {
      params = (operation.parameters ?? []).flatMap((p) =>
        'in' in p && p.in === 'query' && 'schema' in p && isRecord(p.schema) && p.schema.type === 'array'
          ? [{ name: p.name, explode: !('explode' in p) || p.explode !== false || ('style' in p && p.style !== undefined && p.style !== 'form') }]
          : [],
      );
      this.arrayParams.set(key, params);
    }
    return params;
  }

  /** Validates a response body against the schema documented for `status` (used by tests and the journal). */
  validateResponse(operationId: string, status: number, body: unknown): readonly string[] {
    const operation = this.byId.get(operationId);
    if (!operation) return [`unknown operation ${operationId}`];
    const result = this.validator.validateResponse(body, operation, status);
    return (result.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  }
}

/** openapi-backend's validator over `definition`, compiling each operation's validators on first use. */
function lazyValidator(
  definition: Document,
  router: OpenAPIRouter,
  allErrors: boolean,
  ajvOpts: Readonly<Record<string, unknown>>,
  customizeAjv?: AjvCustomizer,
): OpenAPIValidator {
  return new OpenAPIValidator({
    definition,
    router,
    lazyCompileValidators: true,
    coerceTypes: true,
    ajvOpts: { allErrors, ...ajvOpts },
    ...(customizeAjv === undefined ? {} : { customizeAjv }),
  });
}

/**
 * ajv options for documents given with `--spec`, which nobody linted for this twin: a schema that
 * breaks JSON Schema's meta-schema is compiled as far as it goes instead of failing the request,
 * and formats ajv does not know are ignored without a warning per compile.
 */
const DOCUMENT_AJV = { validateSchema: false, logger: false } as const;

/**
 * ajv options for the twin's own specs: their schemas are checked against the meta-schema by the
 * spec linter and the test suite, so ajv does not check them again on the first request of each
 * operation (compiling the meta-schema was ~35 ms of the first answer).
 */
const VENDOR_AJV = { validateSchema: false } as const;

/**
 * The dereferenced spec `npm run generate` wrote to `<cacheDir>/<name>.openapi.json`, when its
 * stamp matches the YAML's SHA-256 (so an edited YAML is never served stale); else undefined and
 * the YAML is parsed. JSON.parse of the cache takes ~15 ms against ~125 ms for YAML + $refs.
 */
function readSpecCache(specPath: string, cacheDir: string): Document | undefined {
  try {
    const yamlText = readFileSync(specPath, 'utf8');
    const cached: unknown = JSON.parse(readFileSync(join(cacheDir, `${basename(specPath, extname(specPath))}.openapi.json`), 'utf8'));
    if (!isRecord(cached) || cached.sha256 !== createHash('sha256').update(yamlText).digest('hex') || !isRecord(cached.definition)) return undefined;
    // The cache holds openapi-backend's own dereferenced output for this very YAML (stamp checked).
    return cached.definition as unknown as Document;
  } catch {
    return undefined;
  }
}

/** `decodeURIComponent`, or the segment as sent when its escapes are malformed. */
function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Result of `SpecRouter.validate`. */
export interface ValidationOutcome {
  readonly issues: readonly ValidationIssue[];
  readonly input: ParsedInput;
}

/** The raw query as openapi-backend wants it: only string and string-list values. */
function stringQuery(query: ParsedInput['query']): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.map(String);
  }
  return out;
}

/** Runs compiled validators over a request's parameters; every error they report, as issues. */
function runValidators(validators: readonly ReturnType<OpenAPIValidator['getRequestValidatorsForOperation']>[number][], parameters: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const validate of validators) {
    if (validate(parameters)) continue;
    for (const error of validate.errors ?? []) issues.push(toIssue(error));
  }
  return issues;
}

/** One ajv error reduced to what envelopes need. */
function toIssue(error: ErrorObject): ValidationIssue {
  return { instancePath: error.instancePath, keyword: error.keyword, params: error.params, message: error.message ?? error.keyword };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripUndefined(headers: ParsedInput['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}

/**
 * Every operation of a document as openapi-backend's `getOperations` lists them: the operation's
 * fields plus `path` and `method`, the path item's parameters after its own, and its security
 * requirements (else the document's).
 */
function listOperations(definition: Document): Operation[] {
  const out: Operation[] = [];
  const paths: unknown = definition.paths;
  if (!isRecord(paths)) return out;
  const security: unknown = definition.security;
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    const shared = Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const own = Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [];
      // openapi-backend's own shape for an operation of a dereferenced document.
      out.push({ ...op, path, method, parameters: [...own, ...shared], security: op.security ?? security ?? [] } as unknown as Operation);
    }
  }
  return out;
}

/** A path without trailing slashes (`/` stays `/`). */
function trimSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** `a=1; b=2` → `{a: '1', b: '2'}` (RFC 6265 §4.2.1); the first of a repeated name wins. */
function parseCookies(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (name !== '' && !Object.hasOwn(out, name)) out[name] = decodeSegment(pair.slice(eq + 1).trim());
  }
  return out;
}
