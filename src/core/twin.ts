import type { AdminDefinition, ApiDefinition, ApiSession, ParsedInput, TwinControls } from './api.ts';
import { internalError, methodNotAllowed, problem, routeNotFound } from './problem.ts';
import { parseQuery } from './query.ts';
import { DEFAULT_SESSION, SessionRegistry, type SessionLimits } from './sessions.ts';
import { SpecRouter } from './spec-router.ts';
import type { Deps, JsonResponse, TwinRequest, TwinResponse } from './types.ts';

/** What the core needs to build a twin: the APIs, their fixtures and the injected sources. */
export interface TwinCoreOptions {
  readonly apis: readonly ApiDefinition[];
  readonly admin: AdminDefinition;
  readonly fixturesDir: string;
  readonly deps: Deps;
  readonly sessions: SessionLimits;
}

/** A running twin: a pure request → response function plus its controls. It never listens. */
export interface Twin {
  /** Answers one request. Never throws: a bug becomes a 500 problem+json. */
  handle(request: TwinRequest): TwinResponse;
  /** Validates a response body against the spec that documents `operationId` (for tests). */
  validateResponse(api: string, operationId: string, status: number, body: unknown): readonly string[];
  readonly controls: TwinControls;
}

interface Mounted {
  readonly api: ApiDefinition;
  readonly router: SpecRouter;
}

/** Loads every spec and fixture, then returns the request pipeline of DESIGN.md §1. */
export async function createTwinCore(options: TwinCoreOptions): Promise<Twin> {
  const mounted: Mounted[] = await Promise.all(
    options.apis.map(async (api) => ({ api, router: await SpecRouter.load(api.specPath) })),
  );
  const adminRouter = await SpecRouter.load(options.admin.specPath);
  const factories = new Map<string, () => ApiSession>();
  for (const api of options.apis) factories.set(api.name, await api.loadFixtures(options.fixturesDir, options.deps));
  const sessions = new SessionRegistry(factories, options.sessions);
  const controls: TwinControls = {
    apis: options.apis.map((api) => api.name),
    reset: (session) => sessions.reset(session),
    sessions: () => sessions.ids(),
  };

  function answerAdmin(request: TwinRequest): JsonResponse {
    const match = adminRouter.match(request.method, request.path);
    if (!match) {
      return adminRouter.hasPath(request.path)
        ? methodNotAllowed(request.method, request.path)
        : routeNotFound(request.method, request.path);
    }
    const input: ParsedInput = { body: parseJsonOrUndefined(request.body), query: parseQuery(request.query), headers: request.headers };
    const issues = adminRouter.validate(match, request.method, request.path, input);
    if (issues.length > 0) {
      return problem(400, 'invalid-admin-request', 'The admin request does not match openapi/admin.yaml', undefined, { issues });
    }
    return options.admin.handle(match.operationId, input, controls) ?? routeNotFound(request.method, request.path);
  }

  function answerVendor({ api, router }: Mounted, request: TwinRequest): JsonResponse {
    const match = router.match(request.method, request.path);
    if (!match) {
      return router.hasPath(request.path)
        ? methodNotAllowed(request.method, request.path)
        : routeNotFound(request.method, request.path);
    }
    if (request.bodyTooLarge === true) return api.payloadTooLarge();
    const state = sessions.api(request.headers['x-mock-session'] ?? DEFAULT_SESSION, api.name);
    // Vendor order: credentials are checked before anything about the body (research/rocketchat.md §5.1).
    const auth = state.authenticate(match.operationId, request.headers);
    if (!auth.ok) return auth.response;
    let body: unknown;
    if (request.body !== '' || !['GET', 'HEAD'].includes(request.method)) {
      const parsed = api.parseBody(match.operationId, request.body, request.headers['content-type']);
      if (!parsed.ok) return parsed.response;
      body = parsed.body;
    }
    const input: ParsedInput = { body, query: parseQuery(request.query), headers: request.headers };
    const issues = router.validate(match, request.method, request.path, input);
    if (issues.length > 0) {
      const rejected = api.rejectInvalid(match.operationId, input, issues);
      if (rejected) return rejected;
    }
    return auth.run(match.operationId, input);
  }

  function route(request: TwinRequest): { response: JsonResponse; extraHeaders: Readonly<Record<string, string>> } {
    if (request.path.startsWith(options.admin.pathPrefix)) return { response: answerAdmin(request), extraHeaders: {} };
    const target = mounted.find((m) => request.path.startsWith(m.api.pathPrefix));
    if (!target) return { response: routeNotFound(request.method, request.path), extraHeaders: {} };
    return { response: answerVendor(target, request), extraHeaders: target.api.responseHeaders };
  }

  return {
    controls,
    handle(request) {
      try {
        const { response, extraHeaders } = route(request);
        return serialize(response, extraHeaders);
      } catch (error) {
        return serialize(internalError(error), {});
      }
    },
    validateResponse(apiName, operationId, status, body) {
      const target = mounted.find((m) => m.api.name === apiName);
      if (!target) return [`unknown api ${apiName}`];
      return target.router.validateResponse(operationId, status, body);
    },
  };
}

function serialize(response: JsonResponse, extraHeaders: Readonly<Record<string, string>>): TwinResponse {
  return {
    status: response.status,
    headers: {
      'content-type': `${response.contentType ?? 'application/json'}; charset=utf-8`,
      ...extraHeaders,
      ...response.headers,
    },
    body: JSON.stringify(response.body),
  };
}

function parseJsonOrUndefined(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
