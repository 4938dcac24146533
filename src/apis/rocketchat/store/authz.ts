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
}
