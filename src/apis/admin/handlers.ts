import type { TwinControls } from '../../core/api.ts';
import { DEFAULT_SESSION } from '../../core/sessions.ts';
import type { HandlerMap } from '../../core/operation.ts';
import type { operations } from '../../generated/admin.ts';
import { dashboardHeaders, dashboardPage } from './dashboard.ts';
import { MAX_STREAMS, requestFeed } from './request-stream.ts';

/** One handler per operation of openapi/admin.yaml; each gets the twin's controls. */
export const adminHandlers: HandlerMap<operations, TwinControls> = {
  getHealth: () => ({ status: 200, body: { status: 'ok' } }),
  resetState: (input, controls) => ({ status: 200, body: { reset: controls.reset(input.query.session) } }),
  listRequests: ({ query }, controls) => {
    const requests = controls.journal.find(query).map((entry) => ({ ...entry, violations: [...entry.violations] }));
    return { status: 200, body: { count: requests.length, requests } };
  },
  clearRequests: (_input, controls) => ({ status: 200, body: { cleared: controls.journal.clear() } }),
  exportState: ({ query }, controls) => {
    const session = query.session ?? DEFAULT_SESSION;
    // With `api`, exactly that API's fixture file, so the answer can be saved as `<api>.json`.
    if (query.api !== undefined) {
      const state = controls.exportState(session, query.api);
      if (state === undefined) return unknownApi(controls, 'invalid-admin-request');
      return { status: 200, body: fixtureFile(state) };
    }
    return { status: 200, body: Object.fromEntries(controls.apis.map((api) => [api, fixtureFile(controls.exportState(session, api))])) };
  },
  importState: ({ query, body }, controls) => {
    const states: Readonly<Record<string, unknown>> = query.api === undefined ? body : { [query.api]: body };
    const result = controls.importState(query.session ?? DEFAULT_SESSION, states);
    if (result.ok) return { status: 200, body: { imported: Object.keys(states) } };
    return {
      status: 400,
      contentType: 'application/problem+json',
      body: {
        type: 'urn:api-twin:problem:invalid-state',
        title: 'The imported state does not pass the fixture checks',
        status: 400,
        detail: `${result.api}: ${result.pointer || '/'}: ${result.reason}`,
        // RFC 9457 extension members, so a client need not parse `detail`.
        api: result.api,
        pointer: result.pointer,
        reason: result.reason,
      },
    };
  },
  streamRequests: (_input, controls) => {
    if (controls.journal.listenerCount >= MAX_STREAMS) return tooManyStreams();
    return { status: 200, contentType: 'text/event-stream', headers: { 'cache-control': 'no-store' }, body: '', stream: requestFeed(controls.journal) };
  },
  getDashboard: () => ({ status: 200, contentType: 'text/html', headers: dashboardHeaders(), body: dashboardPage(), raw: true }),
  listSessions: (_input, controls) => ({ status: 200, body: { sessions: controls.sessions().map((id) => ({ id, bytes: controls.sessionBytes(id) })) } }),
  listForced: (_input, controls) => ({ status: 200, body: { forced: controls.forced() } }),
  forceStatus: ({ body }, controls) => {
    const result = controls.force({ session: body.session ?? DEFAULT_SESSION, api: body.api, operationId: body.operationId, code: body.code });
    if (result.ok) return { status: 200, body: { forced: controls.forced() } };
    return {
      status: 400,
      contentType: 'application/problem+json',
      body: { type: 'urn:api-twin:problem:undocumented-code', title: 'The status cannot be forced', status: 400, detail: result.reason },
    };
  },
  getCoverage: (_input, controls) => ({ status: 200, body: controls.coverage.report() }),
  getSpec: ({ params }, controls) => {
    const spec = controls.specText(params.api);
    if (spec === undefined) return unknownApi(controls);
    // The document's own text, byte for byte (a JSON document is not re-serialised).
    return { status: 200, body: spec.text, contentType: spec.mediaType, raw: true };
  },
  getSpecOperations: ({ params }, controls) => {
    const report = controls.operations(params.api);
    if (report === undefined) return unknownApi(controls);
    return { status: 200, body: { ...report, operations: report.operations.map((op) => ({ ...op, kind: op.kind as OperationKind })) } };
  },
};

/** 503 problem once MAX_STREAMS streams are open. */
function tooManyStreams(): { status: 503; contentType: string; headers: Record<string, string>; body: { type: string; title: string; status: number; detail: string } } {
  return {
    status: 503,
    contentType: 'application/problem+json',
    headers: { 'retry-after': '5' },
    body: { type: 'urn:api-twin:problem:too-many-streams', title: 'Too many request streams are open', status: 503, detail: `At most ${MAX_STREAMS} streams are open at once.` },
  };
}

type OperationKind = 'create' | 'read' | 'update' | 'delete' | 'list' | 'none' | 'modelled';

/**
 * 400 problem for an API name no served API has, listing the served ones (`invalid-admin-request`
 * where the name is a query parameter, as when the spec listed the names).
 */
function unknownApi(controls: TwinControls, name = 'unknown-api'): { status: 400; body: { type: string; title: string; status: number; detail: string }; contentType: string } {
  return {
    status: 400,
    body: { type: `urn:api-twin:problem:${name}`, title: 'No such API', status: 400, detail: `Served APIs: ${controls.apis.join(', ')}.` },
    contentType: 'application/problem+json',
  };
}

/** A fixture file as the generated admin types see it: the export of a known API is always an object. */
function fixtureFile(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? { ...state } : {};
}
