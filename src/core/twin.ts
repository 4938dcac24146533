import { readFileSync } from 'node:fs';
import type { AdminDefinition, ApiDefinition, ApiSessions, OperationReport, ParsedInput, TwinControls, ValidationIssue } from './api.ts';
import { adminRefusal } from './admin-access.ts';
import { corsHeaders, isPreflight, preflightHeaders, type CorsPolicy } from './cors.ts';
import { hostName, isHostAllowed, type AllowedHosts } from './host-check.ts';
import { Coverage } from './coverage.ts';
import { ForcedStatuses } from './forced.ts';
import { Journal } from './journal.ts';
import { MAX_NESTING, nestingDepth } from './nesting.ts';
import { findOverlay, type Overlay } from './overlay.ts';
import { forcesAnswer, isControlQueryKey, parsePreferences, type Preferences } from './prefer.ts';
import { internalError, methodNotAllowed, problem, routeNotFound } from './problem.ts';
import { parseQuery } from './query.ts';
import { documentedStatuses, forcedAnswer } from './scenario.ts';
import { DEFAULT_SESSION, SessionRegistry, type SessionLimits } from './sessions.ts';
import { SpecRouter, type RouteMatch } from './spec-router.ts';
import type { Deps, JsonResponse, TwinRequest, TwinResponse } from './types.ts';

/** What the core needs to build a twin: the APIs, their fixtures and the injected sources. */
export interface TwinCoreOptions {
  readonly apis: readonly ApiDefinition[];
  readonly admin: AdminDefinition;
  readonly fixturesDir: string;
  readonly deps: Deps;
  readonly sessions: SessionLimits;
  /** Journal capacity in entries (0 turns it off). */
  readonly journalSize: number;
  /** Journal capacity in bytes, all entries together. */
  readonly journalBytes: number;
  readonly cors: CorsPolicy;
  /** When set, the admin API wants `Authorization: Bearer <token>` from every client. */
  readonly adminToken: string | undefined;
  /** Browser origins allowed to call the admin API (CORS included); none by default. */
  readonly adminOrigins: readonly string[];
  /** `Host` names answered beyond loopback names and IP literals (host-check.ts). */
  readonly allowedHosts: AllowedHosts;
  /** Contract mode: a request that breaks the spec is refused even where the vendor is lenient. */
  readonly strict?: boolean;
  /** Folder of the dereferenced specs `npm run generate` writes (used while their stamps match). */
  readonly specCacheDir?: string;
}

/** A running twin: a pure request → response function plus its controls. It never listens. */
export interface Twin {
  /** Answers one request. Never throws: a bug becomes a 500 problem+json. */
  handle(request: TwinRequest): TwinResponse;
  /** Validates a response body against the spec that documents `operationId` (for tests). */
  validateResponse(api: string, operationId: string, status: number, body: unknown): readonly string[];
  /** True when `path` belongs to a served API or the admin API (embedding passes the rest on). */
  serves(path: string): boolean;
  /** True for admin paths, whose bodies (whole exported sessions) may be larger than API bodies. */
  isAdminPath(path: string): boolean;
  /** True when a request with this Host header is answered (DNS-rebinding defence, host-check.ts). */
  hostAllowed(host: string | undefined): boolean;
  readonly controls: TwinControls;
}

interface Mounted {
  readonly api: ApiDefinition;
  readonly router: SpecRouter;
  /** `''`, or the prefix a served document's paths sit under (stripped before routing). */
  readonly mount: string;
  /** A served document laid over a hand-modelled vendor: whose session checks its credentials. */
  overlay?: { readonly info: Overlay; readonly vendor: Mounted };
}

/** Where an answer came from, for the journal and coverage. */
interface Routed {
  readonly response: JsonResponse;
  readonly api: Mounted | undefined;
  readonly operationId: string | undefined;
  readonly prefer: Preferences;
  /** The request's spec violations (`pointer message`), listed in the journal and a header. */
  readonly violations?: readonly string[];
  /** The API whose wire headers the answer gets, when not `api` (a vendor's 401 on an overlay). */
  readonly headersOf?: ApiDefinition;
}

/** Loads every spec and fixture, then returns the request pipeline of DESIGN.md §1. */
export async function createTwinCore(options: TwinCoreOptions): Promise<Twin> {
  const mounted: Mounted[] = await Promise.all(
    options.apis.map(async (api) => ({ api, router: api.router ?? (await SpecRouter.load(api.specPath, options.specCacheDir)), mount: api.mountPath ?? '' })),
  );
  const names = new Set<string>();
  for (const { api } of mounted) {
    if (names.has(api.name)) throw new Error(`two APIs are named ${api.name}`);
    names.add(api.name);
  }
  // Vendor overlay (DESIGN.md §6): a document under a hand-modelled vendor's prefix is tried after
  // it (mount order) and takes its credentials from the vendor's session.
  const vendors = mounted.filter((m) => (m.api.claims ?? 'prefix') === 'prefix');
  const candidate = (m: Mounted) => ({ name: m.api.name, pathPrefix: m.api.pathPrefix, mountPath: m.mount, router: m.router });
  for (const m of mounted) {
    if (m.api.claims !== 'paths') continue;
    const info = findOverlay(candidate(m), vendors.map(candidate));
    const vendor = vendors.find((v) => v.api.name === info?.vendor);
    if (info && vendor) m.overlay = { info, vendor };
  }
  const adminRouter = await SpecRouter.load(options.admin.specPath, options.specCacheDir);
  const factories = new Map<string, ApiSessions>();
  for (const api of options.apis) factories.set(api.name, await api.loadFixtures(options.fixturesDir, options.deps));
  const sessions = new SessionRegistry(factories, options.sessions, options.deps.now);
  const journal = new Journal(options.journalSize, options.journalBytes);
  const forced = new ForcedStatuses();
  const coverage = new Coverage(
    mounted.flatMap(({ api, router }) =>
      router.operations().flatMap((operation) => documentedStatuses(operation).map((status) => ({ api: api.name, operationId: operation.operationId ?? '', status }))),
    ),
  );
  const specTexts = new Map(mounted.map(({ api }) => [api.name, api.specSource ?? { text: readFileSync(api.specPath, 'utf8'), mediaType: 'application/yaml' }]));
  const controls: TwinControls = {
    apis: mounted.map(({ api }) => api.name),
    reset: (session) => {
      if (session === undefined) {
        journal.clear();
        coverage.clear();
      }
      forced.clear(session);
      return sessions.reset(session);
    },
    sessions: () => sessions.ids(),
    journal,
    coverage,
    force: (wanted) => {
      const m = mounted.find(({ api }) => api.name === wanted.api);
      if (!m) return { ok: false, reason: `No served API is named ${wanted.api}; served: ${mounted.map(({ api }) => api.name).join(', ')}.` };
      const operation = m.router.operation(wanted.operationId);
      if (!operation) return { ok: false, reason: `${wanted.api} has no operation ${wanted.operationId}.` };
      const statuses = documentedStatuses(operation);
      if (!statuses.includes(wanted.code)) return { ok: false, reason: `${wanted.operationId} documents ${statuses.join(', ')}, not ${wanted.code}.` };
      forced.set(wanted);
      return { ok: true };
    },
    forced: () => forced.list(),
    specText: (api) => specTexts.get(api),
    documents: () =>
      mounted
        .filter((m) => m.api.claims === 'paths')
        .map((m) => ({ name: m.api.name, title: titleOf(m.router.definition) ?? m.api.name, mountPath: m.mount, definition: m.router.definition })),
    operations: (name) => {
      const m = mounted.find(({ api }) => api.name === name);
      if (!m) return undefined;
      const overlays = m.overlay?.vendor.api.name ?? null;
      const report = m.api.operationsReport?.();
      const operations: OperationReport[] = report
        ? report.operations.map((row) => {
            const modelledBy = m.overlay?.info.modelled.get(row.operationId);
            const credentialsFrom = m.overlay?.info.secured.has(row.operationId) === true ? m.overlay.vendor.api.name : undefined;
            return { ...row, ...(modelledBy === undefined ? {} : { modelledBy }), ...(credentialsFrom === undefined ? {} : { credentialsFrom }) };
          })
        : m.router.operations().map((op) => ({ operationId: op.operationId ?? '', method: op.method.toUpperCase(), path: `${m.mount}${op.path}`, kind: 'modelled', servable: true }));
      return { api: name, stateful: report?.stateful ?? true, overlays, operations };
    },
    exportState: (session, api) => (factories.has(api) ? sessions.api(session, api).exportState() : undefined),
    exportSession: (session) => Object.fromEntries([...sessions.peek(session)].map(([api, state]) => [api, state.exportState()])),
    sessionBytes: (session) => sessions.bytes(session),
    watchSessions: (listener) => sessions.subscribe(listener),
    importState: (session, states) => sessions.importStates(session, states),
  };
  const adminPolicy = { token: options.adminToken, origins: options.adminOrigins };
  const isAdmin = (path: string): boolean => path === options.admin.pathPrefix.replace(/\/$/, '') || path.startsWith(options.admin.pathPrefix);
  const seed = () => Math.floor(options.deps.random() * 2 ** 31);

  function answerAdmin(request: TwinRequest): JsonResponse {
    const refused = adminRefusal(request, adminPolicy);
    if (refused) return refused;
    const match = adminRouter.match(request.method, request.path);
    if (!match) {
      return adminRouter.hasPath(request.path) ? methodNotAllowed(request.method, request.path) : routeNotFound(request.method, request.path);
    }
    if (request.bodyTooLarge === true) return problem(413, 'admin-body-too-large', 'The admin request body is over the size limit');
    // Imported state meets the same nesting limit as vendor bodies: nothing deeper is ever stored.
    if (nestingDepth(request.body) > MAX_NESTING) {
      return problem(400, 'invalid-admin-request', 'The admin request does not match openapi/admin.yaml', `The body nests deeper than ${MAX_NESTING} levels.`);
    }
    const parsed: ParsedInput = { body: parseJsonOrText(request.body), query: parseQuery(request.query), params: match.params, headers: request.headers };
    const { issues, input } = adminRouter.validate(match, request.method, request.path, parsed);
    if (issues.length > 0) {
      return problem(400, 'invalid-admin-request', 'The admin request does not match openapi/admin.yaml', undefined, { issues });
    }
    return options.admin.handle(match.operationId, input, controls) ?? routeNotFound(request.method, request.path);
  }

  function answerVendor(target: Mounted, match: RouteMatch, request: TwinRequest): Routed {
    const { api, router } = target;
    const none: Preferences = {};
    const done = (response: JsonResponse, prefer: Preferences = none): Routed => ({ response, api: target, operationId: match.operationId, prefer });
    if (request.bodyTooLarge === true) return done(api.payloadTooLarge());
    const sessionId = request.headers['x-mock-session'] ?? DEFAULT_SESSION;
    if (sessionId === '' || sessionId.length > MAX_SESSION_ID) {
      return done(problem(400, 'invalid-session', 'The X-Mock-Session header cannot name a session', `A session id has 1 to ${MAX_SESSION_ID} characters.`));
    }
    const lease = sessions.lease(sessionId, api.name);
    const rawQuery = parseQuery(request.query);
    // Vendor overlay: the vendor's own session checks the credentials of a secured operation, so a
    // token its modelled login minted in this session works here too (its 401 is the vendor's).
    const overlay = target.overlay;
    const vendorLease = overlay?.info.secured.has(match.operationId) === true ? sessions.lease(sessionId, overlay.vendor.api.name) : undefined;
    if (overlay && vendorLease) {
      const vendorAuth = vendorLease.state.authenticate(match.operationId, request.headers, rawQuery);
      if (!vendorAuth.ok) return { ...done(vendorAuth.response), headersOf: overlay.vendor.api };
    }
    // Vendor order: credentials are checked before anything about the body (research/rocketchat.md §5.1).
    // A request whose credentials fail never creates a session (lease not committed).
    const auth = lease.state.authenticate(match.operationId, request.headers, rawQuery);
    if (!auth.ok) return done(auth.response);
    const kept = (response: JsonResponse, prefer: Preferences, ran: boolean): Routed => {
      // A public operation (login) can still fail its credentials: a 401 keeps no session either.
      if (response.status !== 401) {
        vendorLease?.commit(false);
        lease.commit(ran && !SAFE_METHODS.has(request.method));
      }
      return done(response, prefer);
    };
    const preferred = parsePreferences(request.headers.prefer, rawQuery);
    if (!preferred.ok) return kept(problem(422, 'invalid-prefer', 'The Prefer header cannot be honoured', preferred.reason), none, false);
    // A status forced through the admin API acts as this request's `Prefer: code=`, unless the
    // request forces an answer itself (then the forced status waits for the next one).
    const own = preferred.prefer;
    const forcedCode = forcesAnswer(own) ? undefined : forced.take(sessionId, api.name, match.operationId);
    const prefer = forcedCode === undefined ? own : { ...own, code: forcedCode };
    // A forced answer is a documented example or a faked body; it never changes state.
    if (forcesAnswer(prefer)) return kept(forcedAnswer(match.operation, prefer, seed), prefer, false);
    let body: unknown;
    if (request.body !== '' || !BODYLESS.has(request.method)) {
      // A body nested deeper than the vendor can store is one its parser fails on: hand the
      // vendor's own parser a text it cannot parse, so the vendor's malformed-body rule answers
      // (Rocket.Chat reads `{}`, Roam answers GS400) and no later step recurses 100,000 deep.
      const raw = nestingDepth(request.body) > MAX_NESTING ? '\u0000' : request.body;
      const parsed = api.parseBody(match.operationId, raw, request.headers['content-type']);
      if (!parsed.ok) return kept(parsed.response, prefer, false);
      body = parsed.body;
    }
    const credentials = api.queryCredentials;
    const query = request.query === '' ? rawQuery : Object.fromEntries(Object.entries(rawQuery).filter(([key]) => !isControlQueryKey(key) && credentials?.has(key) !== true));
    const parsed: ParsedInput = { body, query, params: match.params, headers: request.headers };
    const validated = router.validate(match, request.method, request.path, parsed, api.validationErrors);
    const { input } = validated;
    let { issues } = validated;
    if (issues.length > 0) {
      const rejected = api.rejectInvalid(match.operationId, input, issues);
      if (rejected) return kept(rejected, prefer, false);
      // The vendor lets it through: list every violation for the journal and the header (all of
      // them for a body up to 64 KiB; the first only beyond, so the listing stays cheap).
      if (api.validationErrors === 'first' && request.body.length <= LIST_ALL_BELOW) issues = router.validate(match, request.method, request.path, parsed, 'all').issues;
      if (options.strict === true || prefer.strict === true) return kept(api.rejectStrict(match.operationId, input, issues), prefer, false);
      return { ...kept(auth.run(match.operationId, input), prefer, true), violations: describeViolations(issues) };
    }
    return kept(auth.run(match.operationId, input), prefer, true);
  }

  function route(request: TwinRequest): Routed {
    const none: Preferences = {};
    if (!hostOk(request)) {
      const host = request.headers.host;
      const response =
        host === undefined || host === ''
          ? problem(400, 'missing-host', 'The request has no Host header', 'HTTP/1.1 requests carry a Host header (RFC 9112 §3.2).')
          : problem(403, 'host-not-allowed', 'This Host is not answered', `Host ${host.slice(0, 200)} is neither a loopback name nor an IP address; start the twin with --allowed-hosts ${hostName(host).slice(0, 200)} to answer it.`);
      return { response, api: undefined, operationId: undefined, prefer: none };
    }
    if (isAdmin(request.path)) {
      return { response: answerAdmin(request), api: undefined, operationId: undefined, prefer: none };
    }
    // The APIs whose prefix holds the path, in mount order: hand-modelled vendors before the
    // documents laid over them, so a modelled operation keeps its handler.
    let owner: Mounted | undefined;
    let wrongMethod: Mounted | undefined;
    for (const m of mounted) {
      if (!under(m, request.path)) continue;
      const path = m.mount === '' ? request.path : request.path.slice(m.mount.length);
      const match = m.router.match(request.method, path);
      if (match) return answerVendor(m, match, request);
      if (!owner && m.api.claims !== 'paths') owner = m;
      if (!wrongMethod && m.router.hasPath(path)) wrongMethod = m;
    }
    if (wrongMethod) return { response: methodNotAllowed(request.method, request.path), api: wrongMethod, operationId: undefined, prefer: none };
    return { response: routeNotFound(request.method, request.path), api: owner, operationId: undefined, prefer: none };
  }

  /** True when `path` is under the API's prefix (or is its mount path itself). */
  function under(m: Mounted, path: string): boolean {
    return path.startsWith(m.api.pathPrefix) || (m.mount !== '' && path === m.mount);
  }

  /** True when the API answers `path`: any path under a vendor's prefix, a document's own paths. */
  function claims(m: Mounted, path: string): boolean {
    if (!under(m, path)) return false;
    return m.api.claims !== 'paths' || m.router.hasPath(m.mount === '' ? path : path.slice(m.mount.length));
  }

  /** In-process calls (no peer address) reach no browser, so only requests off a socket are checked. */
  function hostOk(request: TwinRequest): boolean {
    return request.remoteAddress === undefined || isHostAllowed(request.headers.host, options.allowedHosts);
  }

  /** CORS for vendor paths follows `cors`; the admin API answers only the origins it was given. */
  function corsFor(request: TwinRequest): CorsPolicy {
    return isAdmin(request.path) ? options.adminOrigins : options.cors;
  }

  function respond(request: TwinRequest): TwinResponse {
    if (isPreflight(request) && hostOk(request)) {
      const headers = preflightHeaders(corsFor(request), request);
      if (headers) return { status: 204, headers, body: '' };
    }
    const receivedAt = options.deps.now().toISOString();
    let routed: Routed;
    let answer: TwinResponse;
    try {
      routed = route(request);
      const own = (routed.headersOf ?? routed.api?.api)?.responseHeaders(routed.response) ?? {};
      // Spread only when there is something to add (this runs on every request).
      const extra = request.headers.origin === undefined && routed.violations === undefined ? own : { ...own, ...corsHeaders(corsFor(request), request), ...violationHeader(routed.violations) };
      answer = serialize(routed.response, extra);
    } catch (error) {
      // A bug: answered as a 500 problem, and journaled like any answer so it can be found.
      routed = { response: internalError(error), api: undefined, operationId: undefined, prefer: {} };
      answer = serialize(routed.response, {});
    }
    if (routed.api && routed.operationId !== undefined) coverage.hit(routed.api.api.name, routed.operationId, answer.status);
    // Admin traffic is not the client's; only its failures (a bug) are journaled.
    if (!isAdmin(request.path) || answer.status >= 500) {
      journal.record({
        request,
        session: request.headers['x-mock-session'] ?? DEFAULT_SESSION,
        api: routed.api?.api.name ?? null,
        operationId: routed.operationId ?? null,
        method: request.method,
        path: request.path,
        status: answer.status,
        responseBody: answer.body,
        receivedAt,
        respondedAt: options.deps.now().toISOString(),
        delayMs: routed.prefer.delayMs ?? 0,
        violations: routed.violations ?? [],
      });
    }
    const { delayMs, fault } = routed.prefer;
    if (delayMs === undefined && fault === undefined) return answer;
    return { ...answer, ...(delayMs === undefined ? {} : { delayMs }), ...(fault === undefined ? {} : { fault }) };
  }

  return {
    controls,
    serves: (path) => isAdmin(path) || mounted.some((m) => claims(m, path)),
    isAdminPath: isAdmin,
    hostAllowed: (host) => isHostAllowed(host, options.allowedHosts),
    handle(request) {
      try {
        return respond(request);
      } catch (error) {
        // Only a failure of the journal itself gets here; the answer is still a problem, never a throw.
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

/** A document's `info.title`, when it has one. */
function titleOf(definition: unknown): string | undefined {
  const info = typeof definition === 'object' && definition !== null && 'info' in definition ? definition.info : undefined;
  return typeof info === 'object' && info !== null && 'title' in info && typeof info.title === 'string' ? info.title : undefined;
}

/** Bodies up to this many characters get every spec violation listed; longer ones the first. */
const LIST_ALL_BELOW = 64 * 1024;
/** At most this many violations are kept per request, each cut to 200 characters. */
const MAX_VIOLATIONS = 20;

/** `"<JSON pointer> <ajv message>"` per issue, bounded in count and length. */
function describeViolations(issues: readonly ValidationIssue[]): string[] {
  return issues.slice(0, MAX_VIOLATIONS).map((issue) => {
    const extra = typeof issue.params.additionalProperty === 'string' ? ` (${issue.params.additionalProperty})` : '';
    return `${issue.instancePath || '/'} ${issue.message}${extra}`.slice(0, 200);
  });
}

/**
 * `X-Api-Twin-Violations: <count>; <first>; <second>…`: tells a client in lenient mode that its
 * request broke the spec although the vendor answered (header-safe: printable ASCII, ≤ 1,000 bytes).
 */
function violationHeader(violations: readonly string[] | undefined): Record<string, string> {
  if (violations === undefined || violations.length === 0) return {};
  const text = `${violations.length}; ${violations.join('; ')}`.replace(/[^\x20-\x7e]/g, '?');
  return { 'x-api-twin-violations': text.length > 1000 ? `${text.slice(0, 997)}...` : text };
}

/** Methods whose requests usually carry no body: an empty one is not parsed. */
const BODYLESS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** Methods that never change state (RFC 9110 §9.2.1). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Longest `X-Mock-Session` id (the admin API's `session` parameter has the same bound). */
const MAX_SESSION_ID = 200;

function serialize(response: JsonResponse, extraHeaders: Readonly<Record<string, string>>): TwinResponse {
  // 204 and 304 carry no content, so no content type either (RFC 9110 §15.3.5, §15.4.5).
  const empty = response.body === undefined && (response.status === 204 || response.status === 304);
  return {
    status: response.status,
    headers: {
      ...(empty ? {} : { 'content-type': `${response.contentType ?? 'application/json'}; charset=utf-8` }),
      ...extraHeaders,
      ...response.headers,
    },
    ...(response.stream === undefined ? {} : { stream: response.stream }),
    // A non-JSON media type with a string body (the raw YAML spec) goes out as is.
    body:
      response.body === undefined
        ? ''
        : typeof response.body === 'string' && (response.raw === true || !(response.contentType ?? 'json').includes('json'))
          ? response.body
          : JSON.stringify(response.body),
  };
}

/** Admin bodies: JSON when they parse, else the raw text (which then fails the admin schema). */
function parseJsonOrText(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
