import type { StoredUser } from './model.ts';
import type { RocketChatStore } from './store.ts';

/**
 * `hasPermission(userId, permission, scope)` as the vendor resolves it: global roles, plus roles
 * held in the scope (research/rocketchat.md §2.2 item 8, §4). The twin's fixtures list effective
 * global permissions per user and per-team permissions per team member; room-scoped grants come
 * from the subscription's roles.
 */

/**
 * What the `owner` room role grants inside its room, after the vendor's default permission table
 * (settings registry, index id 682725904): owners may add users, delete the room and see a
 * broadcast room's members. A subset: only what the modelled endpoints ask for.
 */
export const OWNER_ROOM_PERMISSIONS: ReadonlySet<string> = new Set([
  'add-user-to-joined-room',
  'delete-p',
  'view-broadcast-member-list',
]);

/** Where a permission is asked for: a room (subscription roles) or a team (team member grants). */
export interface PermissionScope {
  readonly rid?: string;
  readonly teamId?: string;
}

/** True when `user` holds `permission` globally or inside `scope`. */
export function hasPermission(
  store: RocketChatStore,
  user: StoredUser,
  permission: string,
  scope: PermissionScope = {},
): boolean {
  if (user.permissions.has(permission)) return true;
  if (scope.rid !== undefined) {
    const roles = store.subscription(scope.rid, user._id)?.roles ?? [];
    if (roles.includes('owner') && OWNER_ROOM_PERMISSIONS.has(permission)) return true;
  }
  if (scope.teamId !== undefined) {
    if (store.team(scope.teamId)?.memberPermissions.get(user._id)?.has(permission) === true) return true;
  }
  return false;
}
