import type { StoredPermission } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { permissionErrors } from './permission-errors.ts';

/**
 * permissions.listAll (`apps/meteor/server/api/v1/permissions.ts` @ 4a1d4312, then
 * `permissionsGetMethod`; research notes issue 10 §5.1).
 */

/**
 * The router's query schema (`permissionListAllSchema` on ajvQuery: only `updatedSince`, a
 * string; `coerceTypes: 'array'` unwraps a one-element array, so only a key repeated with two or
 * more values fails). Gives `updatedSince` as sent, or undefined.
 */
export function checkListAllQuery(query: Readonly<Record<string, unknown>>): Result<string | undefined> {
  if (Object.keys(query).some((key) => key !== 'updatedSince')) return err(permissionErrors.queryInvalid('must NOT have additional properties'));
  const since = own(query, 'updatedSince');
  if (Array.isArray(since)) {
    const [only] = since as unknown[];
    return since.length === 1 && typeof only === 'string' ? ok(only) : err(permissionErrors.queryInvalid('must be string'));
  }
  return ok(typeof since === 'string' ? since : undefined);
}

/** What listAll answers: the permissions to (re)load, and those deleted (never any in the twin). */
export interface PermissionsDelta {
  readonly update: readonly StoredPermission[];
  readonly remove: readonly never[];
}

/**
 * The action: a falsy `updatedSince` → every permission; one `Date.parse` cannot read → the thrown
 * `error-roomId-param-invalid`; else the permissions whose `_updatedAt` is strictly later
 * (`Permissions.findByUpdatedDate`, `$gt`), in stored order.
 */
export function listPermissions(store: RocketChatStore, updatedSince: string | undefined): Result<PermissionsDelta> {
  if (updatedSince === undefined || updatedSince === '') return ok({ update: store.authz.allPermissions(), remove: [] });
  const since = Date.parse(updatedSince);
  if (Number.isNaN(since)) return err(permissionErrors.updatedSinceInvalid());
  return ok({ update: store.authz.allPermissions().filter((p) => Date.parse(p._updatedAt) > since), remove: [] });
}
