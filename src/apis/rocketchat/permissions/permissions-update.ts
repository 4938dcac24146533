import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { fromMiddleware } from '../wire.ts';
import { checkUpdateBody } from './update-body.ts';
import { updatePermissions } from './update-permissions.ts';
import { permissionView } from './views.ts';

/**
 * POST /api/v1/permissions.update; `access-permissions` is checked before
 * (auth/permissions-required.ts). The body's schema is the router's check, answered with Hono's
 * `c.json` (no route cache headers); the rest is the action (update-permissions.ts), whose
 * answer lists every permission, as `permissionsGetMethod()` does.
 */
export const permissionsUpdate: OperationHandler<operations, 'permissionsUpdate', RocketChatContext> = (input, ctx) => {
  const checked = checkUpdateBody(input.body);
  if (!checked.ok) return fromMiddleware({ status: 400, body: checked.error });
  const updated = updatePermissions(ctx.store, ctx.deps, checked.value);
  if (!updated.ok) return { status: 400, body: updated.error };
  return { status: 200, body: { permissions: ctx.store.authz.allPermissions().map(permissionView), success: true } };
};
