import type { TwinControls } from '../../core/api.ts';
import { DEFAULT_SESSION } from '../../core/sessions.ts';
import type { HandlerMap } from '../../core/operation.ts';
import type { operations } from '../../generated/admin.ts';

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
    if (query.api !== undefined) return { status: 200, body: fixtureFile(controls.exportState(session, query.api)) };
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
  getCoverage: (_input, controls) => ({ status: 200, body: controls.coverage.report() }),
  getSpec: ({ params }, controls) => {
    const text = controls.specText(params.api);
    return text === undefined
      ? { status: 400, body: { type: 'urn:api-twin:problem:unknown-api', title: 'No such API', status: 400 }, contentType: 'application/problem+json' }
      : { status: 200, body: text, contentType: 'application/yaml' };
  },
};

/** A fixture file as the generated admin types see it: the export of a known API is always an object. */
function fixtureFile(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? { ...state } : {};
}
