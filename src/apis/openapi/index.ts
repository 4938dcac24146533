import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Operation } from 'openapi-backend';
import type { ApiDefinition, ApiSession, ApiSessions, OperationsReport } from '../../core/api.ts';
import { unboundedMeter, type Meter } from '../../core/byte-budget.ts';
import { FixtureError } from '../../core/fixtures.ts';
import { addFormats } from '../../core/formats.ts';
import { SpecRouter } from '../../core/spec-router.ts';
import type { Deps } from '../../core/types.ts';
import { Answers, seedOf } from './answers.ts';
import { classify, type Plan, type ResourceModel } from './classify.ts';
import { Conformer } from './conform.ts';
import { checkGenericFixture, EMPTY_SEED, exportGeneric, readGenericFixture, type Seed } from './fixtures.ts';
import { handle, type Engine } from './handlers.ts';
import type { Notice } from './check-document.ts';
import type { LoadedDocument } from './load.ts';
import { acceptsMedia, formSchemaOf, parseBody } from './parse-body.ts';
import { invalidRequest, requestErrors, tooLarge, unauthorized, unsupportedMediaType } from './problems.ts';
import { errorResponse } from './responses.ts';
import { isRecord } from './schema-shape.ts';
import { checkSecurity, requirementsOf, schemesOf } from './security.ts';
import { ResourceStore } from './store.ts';

export { loadDocument, nameOf, normalizePrefix, type LoadedDocument, type SpecSource } from './load.ts';
export { SpecError } from './spec-error.ts';
export type { Notice } from './check-document.ts';

/** Options of a served document. */
export interface DocumentOptions {
  /** Infer collections and keep their items in the session (default); false: `--stateless`. */
  readonly stateful: boolean;
}

/** An operation the twin cannot serve, listed once at start. */
export interface Unservable {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly reason: string;
}

/** A served document's API, with what start-up reports about it. */
export interface DocumentApi extends ApiDefinition {
  readonly unservable: readonly Unservable[];
  /** Where the twin serves the document other than it says (an undeclared path parameter…). */
  readonly notices: readonly Notice[];
  readonly operationCount: number;
}

/**
 * Any OpenAPI document as one more ApiDefinition (DESIGN.md §6): routed and validated by the same
 * core as the hand-modelled vendors, answered from classify.ts's plans (inferred collections kept in
 * a per-session store, everything else from examples or the schema), with RFC 9457 problems for
 * its own errors.
 */
export function documentApi(doc: LoadedDocument, options: DocumentOptions): DocumentApi {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 (unevaluatedProperties, prefixItems, $defs…).
  // openapi-backend types its customizer as returning draft-07's Ajv class; Ajv2020 is the same
  // core with the 2020-12 vocabulary, and openapi-backend calls only that core's methods on it.
  const draft2020 = doc.definition.openapi.startsWith('3.1');
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- see above
  const router = SpecRouter.fromDefinition(doc.definition, (ajv, ajvOpts) => (draft2020 ? addFormats(new Ajv2020(ajvOpts)) : addFormats(ajv)));
  const operations = router.operations();
  const plans = classify(operations, options.stateful);
  const byId = new Map<string, Operation>();
  for (const op of operations) if (op.operationId !== undefined && !byId.has(op.operationId)) byId.set(op.operationId, op);
  const schemes = schemesOf(doc.definition);
  const requirements = new Map([...byId].map(([id, op]) => [id, requirementsOf(op)]));
  // The media types each request body may come in, and the schema form fields are coerced to.
  const bodies = new Map(
    [...byId].map(([id, op]) => {
      const requestBody: unknown = op.requestBody;
      const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : {};
      return [id, { declared: Object.keys(content), formSchema: formSchemaOf(content) }];
    }),
  );
  const resources = uniqueResources(plans);
  const conformer = new Conformer(draft2020);
  const unservable: Unservable[] = [];
  for (const plan of plans.values()) if (!plan.success.ok) unservable.push({ operationId: plan.operationId, method: plan.method, path: plan.path, reason: plan.success.reason });
  const realm = doc.name;

  const sessionsFrom = (seed: Seed, deps: Deps): ApiSessions => {
    const engine: Engine = { name: doc.name, mountPath: doc.mountPath, answers: new Answers(conformer), conformer, deps, operation: (id) => byId.get(id) };
    const open = (meter: Meter, session: string | undefined, items: Seed['items'], credentials: Seed['credentials']): ApiSession => {
      const store = new ResourceStore(meter);
      for (const { collection, id, item } of items) store.seed(collection, id, item);
      const ctx = { engine, store, sessionSeed: seedOf(session ?? 'default'), bases: new Map<string, unknown>() };
      return {
        exportState: () => exportGeneric(store.snapshot(), credentials),
        authenticate(operationId, headers, query = {}) {
          const outcome = checkSecurity(requirements.get(operationId) ?? [], schemes, { headers, query }, credentials, realm);
          if (!outcome.ok) {
            const op = byId.get(operationId);
            const documented = op === undefined ? undefined : errorResponse(op, 401);
            const challenge = { 'www-authenticate': outcome.challenge };
            if (!documented) return { ok: false, response: unauthorized(outcome.detail, outcome.challenge) };
            const answer = engine.answers.error(documented, seedOf(ctx.sessionSeed, operationId, 401), `${operationId} 401`, { name: 'unauthorized', title: 'Credentials are missing or not accepted', detail: outcome.detail });
            return { ok: false, response: { ...answer, headers: { ...answer.headers, ...challenge } } };
          }
          return {
            ok: true,
            run: (id, input) => {
              const plan = plans.get(id);
              // The core routes only operationIds of this document, each of which has a plan.
              if (!plan) throw new Error(`no plan for operation ${id} of ${doc.name}`);
              return handle(plan, input, ctx);
            },
          };
        },
      };
    };
    return {
      fresh: (meter, session) => open(meter, session, seed.items, seed.credentials),
      fromState(state, meter, session) {
        try {
          const imported = checkGenericFixture(state, `${doc.name} state`, resources, new Set(schemes.keys()), conformer);
          const built = unboundedMeter();
          const apiSession = open(built, session, imported.items, imported.credentials);
          meter.charge(built.bytes);
          return { ok: true, session: apiSession };
        } catch (error) {
          if (error instanceof FixtureError) return { ok: false, pointer: error.pointer, reason: error.reason };
          throw error;
        }
      },
    };
  };

  return {
    name: doc.name,
    specPath: doc.file,
    pathPrefix: `${doc.mountPath}/`,
    mountPath: doc.mountPath,
    claims: 'paths',
    router,
    specSource: { text: doc.text, mediaType: doc.mediaType },
    queryCredentials: new Set([...schemes.values()].flatMap((s) => (s.kind === 'apiKey' && s.in === 'query' ? [s.key] : []))),
    unservable,
    notices: doc.notices,
    operationCount: operations.length,
    // Every failing pointer is listed (problems.ts).
    validationErrors: 'all',
    responseHeaders: () => ({}),
    async loadFixtures(dir, deps) {
      const file = await readGenericFixture(dir, doc.name);
      const seed = file === undefined ? EMPTY_SEED : checkGenericFixture(file.value, file.source, resources, new Set(schemes.keys()), conformer);
      return sessionsFrom(seed, deps);
    },
    parseBody(operationId, raw, contentType) {
      const body = bodies.get(operationId) ?? { declared: [], formSchema: undefined };
      if (raw !== '' && !acceptsMedia(body.declared, contentType)) return { ok: false, response: unsupportedMediaType(contentType ?? '', body.declared) };
      return parseBody(raw, contentType, body.formSchema);
    },
    rejectInvalid: (_operationId, _input, issues) => invalidRequest(requestErrors(issues)),
    rejectStrict: (_operationId, _input, issues) => invalidRequest(requestErrors(issues)),
    payloadTooLarge: tooLarge,
    operationsReport: (): OperationsReport => ({
      stateful: options.stateful,
      operations: [...plans.values()].map((plan) => ({
        operationId: plan.operationId,
        method: plan.method,
        path: `${doc.mountPath}${plan.path}`,
        kind: plan.success.ok ? plan.kind : 'none',
        ...(plan.resource === undefined || !plan.success.ok ? {} : { resource: `${doc.mountPath}${plan.resource.collection}` }),
        ...(plan.success.ok ? (plan.reason === undefined ? {} : { reason: plan.reason }) : { reason: plan.success.reason }),
        servable: plan.success.ok,
      })),
    }),
  };
}

/** The resource models the plans use, one per collection. */
function uniqueResources(plans: ReadonlyMap<string, Plan>): ResourceModel[] {
  const out = new Map<string, ResourceModel>();
  for (const plan of plans.values()) if (plan.resource && !out.has(plan.resource.collection)) out.set(plan.resource.collection, plan.resource);
  return [...out.values()];
}
