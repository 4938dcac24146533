import { estimateBytes } from '../../../core/byte-budget.ts';
import type { StoredPermission, StoredRole, StoredUser } from '../model.ts';
import type { Charges } from './charges.ts';

/**
 * Roles and the permissions granted to them (research notes issue 10 §5): a user holds global
 * roles (`user.roles`) and room roles (`subscription.roles`); `hasPermission(user, permission,
 * rid)` is true when any of those roles is among the permission's roles, as the vendor's
 * `hasPermissionAsync(userId, permission, scope)` resolves it.
 */
export class AuthzStore {
  private readonly roles = new Map<string, StoredRole>();
  private readonly permissions = new Map<string, StoredPermission>();

  constructor(
    private readonly charges: Charges,
    private readonly roomRoles: (rid: string, userId: string) => readonly string[],
  ) {}

  addRole(role: StoredRole): void {
    this.charges.force(estimateBytes(role) + 100);
    this.roles.set(role._id, role);
  }

  role(id: string): StoredRole | undefined {
    return this.roles.get(id);
  }

  allRoles(): StoredRole[] {
    return [...this.roles.values()];
  }

  /** Sets a permission's roles, creating the permission when new (fixtures, permissions.update). */
  setPermission(id: string, roles: readonly string[], at: string): void {
    const current = this.permissions.get(id);
    if (current) {
      current.roles = [...roles];
      current._updatedAt = at;
      return;
    }
    this.charges.force(estimateBytes([id, roles, at]) + 100);
    this.permissions.set(id, { _id: id, roles: [...roles], _updatedAt: at });
  }

  permission(id: string): StoredPermission | undefined {
    return this.permissions.get(id);
  }

  /** Every permission, in the order they were registered. */
  allPermissions(): StoredPermission[] {
    return [...this.permissions.values()];
  }

  /** True when `user` holds `permission` through a global role, or a room role in `rid`. */
  hasPermission(user: StoredUser, permission: string, rid?: string): boolean {
    const granted = this.permissions.get(permission)?.roles;
    if (!granted || granted.length === 0) return false;
    if (user.roles.some((role) => granted.includes(role))) return true;
    return rid !== undefined && this.roomRoles(rid, user._id).some((role) => granted.includes(role));
  }

  /** True when `user` holds every one of `permissions` globally (`permissionsRequired`, hasAll). */
  hasAll(user: StoredUser, permissions: readonly string[]): boolean {
    return permissions.every((permission) => this.hasPermission(user, permission));
  }

  /**
   * Replaces the roles of existing permissions, in order (permissions.update's `setRoles`), and
   * stamps them with `at`. All or nothing: false, and nothing changed, when an id is unknown or
   * the longer role lists do not fit the session's byte budget.
   */
  replacePermissionRoles(changes: readonly { readonly _id: string; readonly roles: readonly string[] }[], at: string): boolean {
    const next = new Map<string, readonly string[]>();
    for (const change of changes) {
      if (!this.permissions.has(change._id)) return false;
      next.set(change._id, change.roles);
    }
    let delta = 0;
    for (const [id, roles] of next) delta += estimateBytes(roles) - estimateBytes(this.permissions.get(id)?.roles ?? []);
    if (delta > 0 && !this.charges.admit(delta)) return false;
    if (delta < 0) this.charges.release(-delta);
    for (const [id, roles] of next) {
      const permission = this.permissions.get(id);
      if (!permission) continue;
      permission.roles = [...roles];
      permission._updatedAt = at;
    }
    return true;
  }
}
