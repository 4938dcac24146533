import { rcErrors, type Failure } from '../errors.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { coerceString, duplicateItems, isObject, type Coerced } from './ajv-coerce.ts';

/** One item of permissions.update's body, after ajv's coercion. */
export interface PermissionChange {
  readonly _id: string;
  readonly roles: readonly string[];
}

/**
 * The router's check of permissions.update's body (`permissionUpdatePropsSchema`,
 * `apps/meteor/server/api/v1/permissions.ts` @ 4a1d4312): ajv with `coerceTypes`, first error
 * only, keywords in ajv's order (type → required → additionalProperties → properties; for arrays
 * uniqueItems before items). A failure is `{success:false, errorType:'invalid-params', error}`.
 */
export function checkUpdateBody(body: unknown): Result<PermissionChange[]> {
  if (!isObject(body)) return invalid('must be object');
  if (own(body, 'permissions') === undefined) return invalid("must have required property 'permissions'");
  if (Object.keys(body).some((key) => key !== 'permissions')) return invalid('must NOT have additional properties');
  const list = own(body, 'permissions');
  if (!Array.isArray(list)) return invalid('must be array');
  const changes: PermissionChange[] = [];
  for (const item of list as unknown[]) {
    const change = checkItem(item);
    if (!change.ok) return invalid(change.message);
    changes.push(change.value);
  }
  return ok(changes);
}

function checkItem(item: unknown): Coerced<PermissionChange> {
  if (!isObject(item)) return { ok: false, message: 'must be object' };
  for (const key of ['_id', 'roles']) {
    if (own(item, key) === undefined) return { ok: false, message: `must have required property '${key}'` };
  }
  if (Object.keys(item).some((key) => key !== '_id' && key !== 'roles')) return { ok: false, message: 'must NOT have additional properties' };
  const id = coerceString(own(item, '_id'));
  if (!id.ok) return id;
  const roles = own(item, 'roles');
  if (!Array.isArray(roles)) return { ok: false, message: 'must be array' };
  const duplicate = duplicateItems(roles as unknown[]);
  if (duplicate !== undefined) return { ok: false, message: duplicate };
  const coerced: string[] = [];
  for (const role of roles as unknown[]) {
    const text = coerceString(role);
    if (!text.ok) return text;
    coerced.push(text.value);
  }
  return { ok: true, value: { _id: id.value, roles: coerced } };
}

function invalid(message: string): Result<never> {
  const body: Failure = rcErrors.invalidParamsTyped(message);
  return err(body);
}
