import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { fromMiddleware } from '../wire.ts';
import { checkListAllQuery, listPermissions } from './list-all.ts';
import { permissionView } from './views.ts';

/**
 * GET /api/v1/permissions.listAll (list-all.ts). A query the router's schema refuses is answered
 * by the router with Hono's `c.json`, before the action: without the route's cache headers.
 */
export const permissionsListAll: OperationHandler<operations, 'permissionsListAll', RocketChatContext> = (input, ctx) => {
  const query = checkListAllQuery(input.query);
  if (!query.ok) return fromMiddleware({ status: 400, body: query.error });
  const listed = listPermissions(ctx.store, query.value);
  if (!listed.ok) return { status: 400, body: listed.error };
  return { status: 200, body: { update: listed.value.update.map(permissionView), remove: [], success: true } };
};
