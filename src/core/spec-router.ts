import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { OpenAPIBackend, OpenAPIValidator, type Document, type Operation } from 'openapi-backend';
import type { ParsedInput, ValidationIssue } from './api.ts';

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
 * Routing and request validation for one spec, on openapi-backend.
 *
 * openapi-backend rebuilds its whole operation list on every `matchOperation` call (router.js
 * getOperations, measured at ~25% of CPU with 500 operations; research/baseline.md §4), so the
 * list is built once after `init()` and every later lookup reuses it. Exact paths (all our specs
 * use) are answered from a Map; templated paths fall back to openapi-backend's matcher.
 */
export class SpecRouter {
  private readonly exact = new Map<string, Operation>();
  /** Templated operations with the pattern that captures their parameters (see `pathParams`). */
  private readonly templated: { readonly operation: Operation; readonly pattern: RegExp; readonly names: readonly string[] }[] = [];
  /**
   * The same request validators compiled to stop at the first error. ajv with `allErrors` makes
   * one error object per bad item: 520,000 bad list items cost ~140 ms before anything else runs.
   * Every request is checked with these first; only an invalid one whose API lists every error
   * (Roam's DRF-style details) is checked again with all errors, and Roam refuses lists of more
   * than 10,000 items before validation (parse-body.ts), so that second pass stays bounded too.
   */
  private readonly firstError: OpenAPIValidator;

  private constructor(private readonly backend: OpenAPIBackend) {
    const operations = backend.router.getOperations();
    backend.router.getOperations = () => operations;
    for (const operation of operations) {
      if (!operation.path.includes('{')) this.exact.set(`${operation.method} ${operation.path}`, operation);
      else this.templated.push({ operation, ...templatePattern(operation.path) });
    }
    this.firstError = new OpenAPIValidator({
      definition: backend.definition,
      router: backend.router,
      lazyCompileValidators: true,
      coerceTypes: true,
      ajvOpts: { allErrors: false },
    });
  }

  /**
   * Loads and dereferences the spec at `specPath`. `quick` skips openapi-backend's full document
   * validation and compiles validators on first use: start-up stays well under a second, and the
   * specs themselves are validated by the test suite and the spec linter instead.
   */
  static async load(specPath: string, cacheDir?: string): Promise<SpecRouter> {
    const definition = (cacheDir === undefined ? undefined : readSpecCache(specPath, cacheDir)) ?? specPath;
    // allErrors: a DRF-style 400 names every bad field, not just the first (research/roam.md §3a).
    const backend = new OpenAPIBackend({ definition, quick: true, validate: true, coerceTypes: true, ajvOpts: { allErrors: true } });
    await backend.init();
    return new SpecRouter(backend);
  }

  /** The operation for `method path`, ignoring one trailing slash as openapi-backend does. */
  match(method: string, path: string): RouteMatch | undefined {
    const lower = method.toLowerCase();
    const trimmed = path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
    const operation =
      this.exact.get(`${lower} ${path}`) ??
      this.exact.get(`${lower} ${trimmed}`) ??
      this.exact.get(`${lower} ${trimmed}/`) ??
      this.backend.router.matchOperation({ method: lower, path, headers: {} });
    if (!operation?.operationId) return undefined;
    return { operationId: operation.operationId, operation, params: operation.path.includes('{') ? this.pathParams(operation, trimmed) : {} };
  }

  /**
   * The parameters of `path` for a templated `operation`, each percent-decoded (a malformed escape
   * stays as sent, as Hono's `tryDecodeURIComponent` leaves it). openapi-backend's own parser
   * does not decode them, and hands them over only when the request is valid.
   */
  private pathParams(operation: Operation, path: string): Record<string, string> {
    const template = this.templated.find((t) => t.operation === operation);
    const found = template?.pattern.exec(path);
    if (!template || !found) return {};
    const params: Record<string, string> = {};
    template.names.forEach((name, i) => {
      const raw = found[i + 1] ?? '';
      params[name] = decodeSegment(raw);
    });
    return params;
  }

  /** Every operation of the spec, in spec order. */
  operations(): readonly Operation[] {
    return this.backend.router.getOperations();
  }

  /** True when some operation has this path, templated paths included (so a wrong method is a 405, not a 404). */
  hasPath(path: string): boolean {
    const trimmed = path.replace(/\/+$/, '');
    for (const operation of this.backend.router.getOperations()) {
      if (operation.path.replace(/\/+$/, '') === trimmed) return true;
    }
    return this.templated.some((t) => t.pattern.test(trimmed));
  }

  /**
   * Validates parameters and body against the operation's schemas with openapi-backend's ajv
   * validators. On success, `input` comes back with query and path parameters coerced to their
   * schema types (`count=5` → 5), as handlers expect.
   */
  validate(match: RouteMatch, method: string, path: string, input: ParsedInput, errors: 'first' | 'all' = 'all'): ValidationOutcome {
    const fast = this.validateDirect(match, input, errors);
    if (fast) return fast;
    const result = this.backend.validateRequest(
      { method, path, headers: stripUndefined(input.headers), query: stringQuery(input.query), body: input.body },
      match.operation,
    );
    if (result.valid) {
      const coerced: unknown = result.coerced;
      if (!isRecord(coerced)) return { issues: [], input };
      const query = isRecord(coerced.query) ? coerced.query : input.query;
      // The router's decoded parameters win over openapi-backend's raw ones (see `pathParams`).
      const params = Object.keys(input.params).length > 0 ? input.params : isRecord(coerced.params) ? coerced.params : input.params;
      return { issues: [], input: { ...input, query, params } };
    }
    const issues = (result.errors ?? []).map(toIssue);
    return { issues, input };
  }

  /**
   * The hot path of `validate` for operations without path templates: runs openapi-backend's own
   * compiled validators on a parameters object built here, skipping `validateRequest`'s
   * `parseRequest` (header re-mapping, cookie parsing, query re-parsing: ~7% of CPU under load).
   * Templated paths take the general route.
   */
  private validateDirect(match: RouteMatch, input: ParsedInput, errors: 'first' | 'all'): ValidationOutcome | undefined {
    const { operation } = match;
    if (operation.path.includes('{')) return undefined;
    const query: Record<string, unknown> = { ...stringQuery(input.query) };
    for (const name of this.arrayQueryParams(operation)) {
      const value = query[name];
      if (typeof value === 'string') query[name] = [value];
    }
    const parameters: Record<string, unknown> = { path: {}, query, header: stripUndefined(input.headers), cookie: {} };
    // As openapi-backend does: the body takes part when it is an object or declared JSON.
    if (typeof input.body === 'object' || (input.headers['content-type'] ?? '').includes('application/json')) parameters.requestBody = input.body;
    let issues = runValidators(this.firstError.getRequestValidatorsForOperation(match.operationId), parameters);
    if (issues.length > 0 && errors === 'all') issues = runValidators(this.backend.validator.getRequestValidatorsForOperation(match.operationId), parameters);
    // ajv coerced `query` in place (coerceTypes), so handlers get numbers where the spec says so.
    return { issues, input: issues.length === 0 ? { ...input, query } : input };
  }

  private readonly arrayParams = new Map<string, readonly string[]>();

  /** Names of the operation's query parameters whose schema is an array (a single value is wrapped). */
  private arrayQueryParams(operation: Operation): readonly string[] {
    const key = operation.operationId ?? `${operation.method} ${operation.path}`;
    let names = this.arrayParams.get(key);
    if (!names) {
      names = (operation.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'query' && 'schema' in p && isRecord(p.schema) && p.schema.type === 'array' ? [p.name] : []));
      this.arrayParams.set(key, names);
    }
    return names;
  }

  /** Validates a response body against the schema documented for `status` (used by tests and the journal). */
  validateResponse(operationId: string, status: number, body: unknown): readonly string[] {
    const result = this.backend.validateResponse(body, operationId, status);
    return (result.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  }
}

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

/** A regular expression capturing each `{name}` of an OpenAPI path template (one segment each). */
function templatePattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
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
