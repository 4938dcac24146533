import { Ajv, type ValidateFunction } from 'ajv';
import type { ParsedInput } from '../../../core/api.ts';
import { once } from '../../../core/once.ts';
import type { JsonResponse } from '../../../core/types.ts';
import { rcErrors, type Failure } from '../errors.ts';
import { USERS_CREATE_SCHEMA, USERS_INFO_SCHEMA, USERS_UPDATE_SCHEMA } from './vendor-schemas.ts';

/**
 * The 7.x `validateParams` step of users.create, users.update and users.info (ApiClass
 * `addRoute`; research notes issue 10 §1.1, §4): the route's ajv validator runs on the body (the
 * query for GET) with type coercion and stops at the first failure; a failure is
 * `Meteor.Error('invalid-params', messages.join('\n '))`, i.e.
 * `{"success":false,"error":"<messages> [invalid-params]","errorType":"invalid-params"}`.
 * It runs after authentication and before anything else of the route.
 */

// The vendor compiles these with `new Ajv({coerceTypes: true})` (rest-typings); `nullable` is ajv's own keyword.
const ajv = once(() => new Ajv({ coerceTypes: true, strict: false }));
// Each compiled on first use: ajv's code generation is a good part of start-up.
const validators: ReadonlyMap<string, () => ValidateFunction> = new Map([
  ['usersCreate', once(() => ajv().compile(USERS_CREATE_SCHEMA))],
  ['usersUpdate', once(() => ajv().compile(USERS_UPDATE_SCHEMA))],
  ['usersInfo', once(() => ajv().compile(USERS_INFO_SCHEMA))],
]);

/** Operations whose spec misses are judged by params-check.ts (reject-invalid.ts asks). */
export const USERS_VALIDATED: ReadonlySet<string> = new Set(validators.keys());

/**
 * The vendor's answer to `params` for `operationId`, or undefined when they pass. Coerces in
 * place, as the vendor's ajv does (`"true"` becomes `true` in the object the handler then reads).
 */
export function vendorParamsFailure(operationId: string, params: unknown): Failure | undefined {
  const validate = validators.get(operationId)?.();
  if (!validate || validate(params)) return undefined;
  return rcErrors.invalidParams((validate.errors ?? []).map((error) => error.message ?? error.keyword).join('\n '));
}

/**
 * `ApiDefinition.rejectInvalid` for the users operations: the twin's spec check does not coerce
 * bodies, so its misses are ignored and the vendor's validator decides (POST: the body; GET:
 * users.info checks its query in the handler, which runs on every request).
 */
export function rejectUsersInvalid(operationId: string, input: ParsedInput): JsonResponse | undefined {
  if (operationId === 'usersInfo') return undefined;
  const failure = vendorParamsFailure(operationId, input.body);
  return failure ? { status: 400, body: failure } : undefined;
}
