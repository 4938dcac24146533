import type { components } from '../../../generated/rocketchat.ts';
import type { StoredPermission } from '../model.ts';

type Permission = components['schemas']['PermissionsPermission'];

/**
 * A permission as listAll and update answer it (`IPermission`; OA's example key order `_id`,
 * `_updatedAt`, `roles`). The twin has no setting-level permissions, so never `level` and friends.
 */
export function permissionView(permission: StoredPermission): Permission {
  return { _id: permission._id, _updatedAt: permission._updatedAt, roles: [...permission.roles] };
}
