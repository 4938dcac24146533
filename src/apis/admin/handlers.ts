import type { TwinControls } from '../../core/api.ts';
import type { HandlerMap } from '../../core/operation.ts';
import type { operations } from '../../generated/admin.ts';

/** One handler per operation of openapi/admin.yaml; each gets the twin's controls. */
export const adminHandlers: HandlerMap<operations, TwinControls> = {
  getHealth: () => ({ status: 200, body: { status: 'ok' } }),
  resetState: (input, controls) => ({ status: 200, body: { reset: controls.reset(input.query.session) } }),
};
