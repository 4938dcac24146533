import { OpenAPIBackend, type Operation } from 'openapi-backend';
import type { ParsedInput, ValidationIssue } from './api.ts';

/** A routed operation: which spec it belongs to and its operationId. */
export interface RouteMatch {
  readonly operationId: string;
  /** Statuses the spec documents for this operation (used by scenario selection). */
  readonly operation: Operation;
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

  private constructor(private readonly backend: OpenAPIBackend) {
    const operations = backend.router.getOperations();
    backend.router.getOperations = () => operations;
    for (const operation of operations) {
      if (!operation.path.includes('{')) this.exact.set(`${operation.method} ${operation.path}`, operation);
    }
  }

  /**
   * Loads and dereferences the spec at `specPath`. `quick` skips openapi-backend's full document
   * validation and compiles validators on first use: start-up stays well under a second, and the
   * specs themselves are validated by the test suite and the spec linter instead.
   */
  static async load(specPath: string): Promise<SpecRouter> {
    const backend = new OpenAPIBackend({ definition: specPath, quick: true, validate: true });
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
    return { operationId: operation.operationId, operation };
  }

  /** True when some operation has this path (so a wrong method is a 405, not a 404). */
  hasPath(path: string): boolean {
    const trimmed = path.replace(/\/+$/, '');
    for (const operation of this.backend.router.getOperations()) {
      if (operation.path.replace(/\/+$/, '') === trimmed) return true;
    }
    return false;
  }

  /** Validates parameters and body against the operation's schemas with the precompiled ajv validators. */
  validate(match: RouteMatch, method: string, path: string, input: ParsedInput): readonly ValidationIssue[] {
    const result = this.backend.validateRequest(
      { method, path, headers: stripUndefined(input.headers), query: { ...input.query }, body: input.body },
      match.operation,
    );
    if (result.valid) return [];
    return (result.errors ?? []).map((error) => ({
      instancePath: error.instancePath,
      keyword: error.keyword,
      params: error.params as Readonly<Record<string, unknown>>,
      message: error.message ?? error.keyword,
    }));
  }

  /** Validates a response body against the schema documented for `status` (used by tests and the journal). */
  validateResponse(operationId: string, status: number, body: unknown): readonly string[] {
    const result = this.backend.validateResponse(body, operationId, status);
    return (result.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);
  }
}

function stripUndefined(headers: ParsedInput['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}
