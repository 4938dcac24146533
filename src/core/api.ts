import type { Meter } from './byte-budget.ts';
import type { SpecRouter } from './spec-router.ts';
import type { Coverage } from './coverage.ts';
import type { ForcedStatus } from './forced.ts';
import type { Journal } from './journal.ts';
import type { SessionEvent } from './sessions.ts';
import type { Deps, JsonResponse } from './types.ts';

/** A request after routing and body parsing: what validation and handlers see. */
export interface ParsedInput {
  /** The body as the vendor's own parser produced it (see each API's parse-body.ts). */
  readonly body: unknown;
  /** Query parameters; a repeated key becomes an array. After validation, coerced to schema types. */
  readonly query: Readonly<Record<string, unknown>>;
  /** Path parameters (`{api}` in `/__admin/specs/{api}`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** One ajv error as openapi-backend reports it, reduced to what envelopes need. */
export interface ValidationIssue {
  /** JSON Pointer into the validated object, e.g. `/requestBody/users/0` or `/query/count`. */
  readonly instancePath: string;
  /** The failing JSON Schema keyword: `required`, `type`, `pattern`, … */
  readonly keyword: string;
  /** ajv's params for the keyword (e.g. `{missingProperty: 'name'}`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's message. */
  readonly message: string;
}

/** Result of an API's authentication step: either the vendor's 401, or a bound handler runner. */
export type AuthResult =
  | { readonly ok: false; readonly response: JsonResponse }
  | { readonly ok: true; readonly run: (operationId: string, input: ParsedInput) => JsonResponse };

/** Result of an API's body parser. */
export type ParseResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly response: JsonResponse };

/**
 * The state of one API inside one mock session. It is created from the API's fixtures and holds
 * everything that requests change. Authentication lives here because credentials are state
 * (Rocket.Chat logins mint tokens).
 */
export interface ApiSession {
  /**
   * Checks the credentials an operation needs, before any body check (vendor order). `query` is
   * the raw query, for APIs whose keys may travel there (OpenAPI `apiKey` schemes `in: query`).
   */
  authenticate(operationId: string, headers: ParsedInput['headers'], query?: Readonly<Record<string, string | string[]>>): AuthResult;
  /** The whole state in the API's fixture-file format (`GET /__admin/state`). */
  exportState(): unknown;
}

/** How sessions of one API come to be, once its fixtures are loaded. */
export interface ApiSessions {
  /**
   * A fresh, isolated session seeded from the fixtures. Everything it stores is charged to
   * `meter` (the fixtures themselves included); a write that does not fit is refused in the
   * vendor's envelope. `session` is the `X-Mock-Session` id, for APIs whose faked data is seeded
   * per session.
   */
  readonly fresh: (meter: Meter, session?: string) => ApiSession;
  /**
   * A session built from state in the fixture format (`PUT /__admin/state`, `--state-dir`),
   * checked exactly as a fixture file is: schema, then rules; its size is charged to `meter`.
   */
  readonly fromState: (state: unknown, meter: Meter, session?: string) => ImportResult;
}

/** Result of building a session from imported state. */
export type ImportResult =
  | { readonly ok: true; readonly session: ApiSession }
  | { readonly ok: false; readonly pointer: string; readonly reason: string };

/**
 * Everything the core needs to know about one vendor API. Each `src/apis/<name>/index.ts`
 * exports one of these; the core mounts a list of them.
 */
export interface ApiDefinition {
  /** Short name used in URLs, fixture file names and the admin API. */
  readonly name: string;
  /** Absolute path of the hand-written OpenAPI document. */
  readonly specPath: string;
  /** Every path of the API starts with this; the core pre-dispatches on it. */
  readonly pathPrefix: string;
  /**
   * Which validation issues `rejectInvalid` needs: `all` (every failing field, as Roam's DRF
   * details list them) or `first` (the vendor's own checks decide; one issue is enough).
   */
  readonly validationErrors: 'first' | 'all';
  /**
   * The headers the vendor puts on an answer (Rocket.Chat: `content-type: application/json` with
   * no charset, `cache-control: no-store`, …). A `content-type` here replaces the core's default
   * (`<media type>; charset=utf-8`).
   */
  responseHeaders(response: JsonResponse): Readonly<Record<string, string>>;
  /**
   * Reads and validates this API's fixture file in `dir` (throws FixtureError naming file, JSON
   * pointer and reason) and returns how to make sessions from it or from imported state.
   */
  loadFixtures(dir: string, deps: Deps): Promise<ApiSessions>;
  /** Turns the raw body into a value, by the vendor's own rules for content types and bad JSON. */
  parseBody(operationId: string, raw: string, contentType: string | undefined): ParseResult;
  /**
   * The vendor's answer to a request that failed the spec's schema. `undefined` means the vendor
   * itself would not reject it (its checks are looser than the spec), so the handler runs.
   */
  rejectInvalid(operationId: string, input: ParsedInput, issues: readonly ValidationIssue[]): JsonResponse | undefined;
  /**
   * The vendor-envelope 400 for a request that breaks the spec where the vendor itself is lenient
   * (`--strict`, `Prefer: strict=true`): the twin's contract mode, in the vendor's words.
   */
  rejectStrict(operationId: string, input: ParsedInput, issues: readonly ValidationIssue[]): JsonResponse;
  /** The vendor-envelope answer to a body over the size limit (HTTP 413). */
  payloadTooLarge(): JsonResponse;
  /**
   * A router the API built from a document it loaded itself (documents given with `--spec`);
   * without one, the core loads `specPath`.
   */
  readonly router?: SpecRouter;
  /** The text `GET /__admin/specs/<name>` serves, with its media type; default: the YAML at `specPath`. */
  readonly specSource?: { readonly text: string; readonly mediaType: string };
  /** The prefix the document's paths are served under (`--spec FILE@/v2`): `''` by default. */
  readonly mountPath?: string;
  /**
   * Which requests are this API's: every path under `pathPrefix` (`prefix`, the hand-modelled
   * vendors, which answer their own 404s), or only the paths its document names (`paths`: served
   * documents, which may share a prefix with each other and with a vendor they overlay).
   */
  readonly claims?: 'prefix' | 'paths';
  /** How each operation is served, for `GET /__admin/specs/<name>/operations`. */
  operationsReport?(): OperationsReport;
  /**
   * Query parameters that carry credentials (OpenAPI `apiKey` schemes `in: query`): seen by
   * `authenticate`, never validated as the operation's parameters.
   */
  readonly queryCredentials?: ReadonlySet<string>;
}

/** How one operation of a served document is answered (`GET /__admin/specs/<name>/operations`). */
export interface OperationReport {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** create, read, update, delete, list (state kept in the session), none (examples or schema), modelled (a hand-written handler). */
  readonly kind: string;
  /** The collection path of a create/read/update/delete/list. */
  readonly resource?: string;
  /** Why an operation is `none`, or why it cannot be served. */
  readonly reason?: string;
  /** False for operations the twin cannot serve (listed at start, answered 501). */
  readonly servable: boolean;
  /** Vendor overlay: the hand-modelled API that answers this operation instead. */
  readonly modelledBy?: string;
  /** Vendor overlay: the API whose session checks this operation's credentials. */
  readonly credentialsFrom?: string;
}

/** Every operation of a served API and how it is answered. */
export interface OperationsReport {
  /** False when inference is off (`--stateless`) or for APIs that are not documents. */
  readonly stateful: boolean;
  readonly operations: readonly OperationReport[];
}

/** What the admin API may ask of the running twin. */
export interface TwinControls {
  /** Names of the served vendor APIs. */
  readonly apis: readonly string[];
  /** Drops one session (or all) and, for all, the journal and coverage; returns sessions dropped. */
  reset(session?: string): number;
  /** Ids of the live sessions. */
  sessions(): string[];
  /** One API's state of a session (created from the fixtures when new), or undefined for an unknown API. */
  exportState(session: string, api: string): unknown;
  /**
   * The state of every API session `session` has used so far, keyed by API; creates nothing and
   * does not count as a use (for moving sessions into a reloaded twin).
   */
  exportSession(session: string): Readonly<Record<string, unknown>>;
  /** Bytes of stored documents session `session` holds against its budget. */
  sessionBytes(session: string): number;
  /** Calls `listener` whenever a session's state changes or the session is dropped; returns an unsubscribe function. */
  watchSessions(listener: (session: string, event: SessionEvent) => void): () => void;
  /** Replaces the state of the named APIs in a session (created when new); all or nothing. */
  importState(session: string, states: Readonly<Record<string, unknown>>): { ok: true } | { ok: false; api: string; pointer: string; reason: string };
  /**
   * Forces the next answer of `operationId` in `session` to the documented status `code`, as a
   * `Prefer: code=<code>` header would; a status the operation does not document is refused.
   */
  force(forced: ForcedStatus): { ok: true } | { ok: false; reason: string };
  /** The forced statuses still waiting for their request. */
  forced(): ForcedStatus[];
  /** The request journal. */
  readonly journal: Journal;
  /** Served operation × status pairs. */
  readonly coverage: Coverage;
  /** The raw text of an API's spec and its media type, or undefined for an unknown API. */
  specText(api: string): { readonly text: string; readonly mediaType: string } | undefined;
  /**
   * The documents served with `--spec`: name, title, the prefix they are served under, and the
   * dereferenced document (for their reference page at `/docs/<name>.html`).
   */
  documents(): readonly { readonly name: string; readonly title: string; readonly mountPath: string; readonly definition: unknown }[];
  /** How each operation of an API is answered, or undefined for an unknown API. */
  operations(api: string): (OperationsReport & { readonly api: string; readonly overlays: string | null }) | undefined;
}

/** The twin's own control API (`/__admin/*`), described by openapi/admin.yaml. */
export interface AdminDefinition {
  readonly specPath: string;
  readonly pathPrefix: string;
  /** Answers one admin operation; `undefined` for an operationId it does not know. */
  handle(operationId: string, input: ParsedInput, controls: TwinControls): JsonResponse | undefined;
}
