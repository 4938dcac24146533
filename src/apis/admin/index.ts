import { fromRoot } from '../../paths.ts';
import type { AdminDefinition } from '../../core/api.ts';
import { eraseHandlers } from '../../core/operation.ts';
import { adminHandlers } from './handlers.ts';

const dispatch = eraseHandlers(adminHandlers);

/** The twin's own control API under `/__admin/` (openapi/admin.yaml). */
export const adminApi: AdminDefinition = {
  specPath: fromRoot('openapi/admin.yaml'),
  pathPrefix: '/__admin/',
  handle: (operationId, input, controls) => dispatch(operationId, input, controls),
};
