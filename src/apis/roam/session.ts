import type { ApiSession } from '../../core/api.ts';
import type { Deps } from '../../core/types.ts';
import { authenticateKey } from './auth.ts';
import type { RoamContext } from './context.ts';
import { roamHandlers } from './handlers/index.ts';
import type { ObjectIdGenerator } from './object-id.ts';
import type { RoamStore } from './store.ts';
import { exportRoamState } from './export-state.ts';

/**
 * One mock session of Roam: authentication binds the caller's project to the handlers, which run
 * only after the core validated the request (DESIGN.md §1 order: auth, then body).
 */
export function createRoamSession(store: RoamStore, deps: Deps, ids: ObjectIdGenerator): ApiSession {
  return {
    exportState: () => exportRoamState(store),
    authenticate(_operationId, headers) {
      const auth = authenticateKey(store, headers);
      if (!auth.ok) return auth;
      const ctx: RoamContext = { store, project: auth.project, now: deps.now, ids };
      return {
        ok: true,
        run(operationId, input) {
          const response = roamHandlers(operationId, input, ctx);
          // The core routes only operationIds of openapi/roam.yaml, each of which has a handler.
          if (!response) throw new Error(`no Roam handler for operation ${operationId}`);
          return response;
        },
      };
    },
  };
}
