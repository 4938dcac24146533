import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { permissionErrors } from './permission-errors.ts';
import type { PermissionChange } from './update-body.ts';

/**
 * The action of permissions.update, on a body the router's schema accepted (update-body.ts)
 * (`apps/meteor/server/api/v1/permissions.ts` @ 4a1d4312, research notes issue 10 §5.2): every
 * `_id` exists (`Permissions.find({_id: {$in}})` must return as many documents as there are items,
 * so a repeated `_id` fails too) → every role, de-duplicated across items, exists →
 * `Permissions.setRoles` for each item in order (a later item for the same id wins). Nothing
 * changes unless every check passes and the new role lists fit the session's byte budget.
 */
export function updatePermissions(store: RocketChatStore, deps: Deps, changes: readonly PermissionChange[]): Result<void> {
  const found = new Set(changes.map((change) => change._id).filter((id) => store.authz.permission(id) !== undefined));
  if (found.size !== changes.length) return err(permissionErrors.invalidPermission());
  const roleIds = new Set(changes.flatMap((change) => change.roles));
  if ([...roleIds].some((id) => store.authz.role(id) === undefined)) return err(permissionErrors.invalidRole());
  if (!store.authz.replacePermissionRoles(changes, deps.now().toISOString())) return err(rcErrors.sessionFull(store.byteLimit));
  return ok(undefined);
}
