import type { ParsedInput, ValidationIssue } from '../../core/api.ts';
import { rcErrors } from './errors.ts';
import type { JsonResponse } from '../../core/types.ts';
import { checkCreateBody } from './rooms/create-checks.ts';
import { rejectUsersInvalid, USERS_VALIDATED } from './users/params-check.ts';

/**
 * ApiDefinition.rejectInvalid for Rocket.Chat: what the vendor answers when a request does not match
 * the spec's schema. 7.x/8.x routes run no JSON Schema (research/rocketchat.md §1.2: the ajv schema
 * is not enforced in G7/G8), so the core's issue list is not even read; the vendor's own checks decide:
 * - groups.create: the ordered hand-written chain (§2.2 items 2–6); its first failure is the answer,
 *   and when it finds nothing (e.g. `readOnly:"true"`) the handler runs and copes with the value.
 * - users.create / users.update (7.x `validateParams`): the vendor's own ajv schema, run with its
 *   type coercion (users/params-check.ts).
 * - every other operation: `undefined`; their handlers read parameters defensively and answer the
 *   vendor's own errors (room-param-not-provided, …) themselves.
 */
/**
 * Contract mode (`--strict`): a request that breaks the spec where the server is lenient gets the
 * answer of the vendor's legacy `validateParams` (AC): `Meteor.Error('invalid-params', <ajv
 * messages joined by "\n ">)` → `{success:false, error:"<messages> [invalid-params]",
 * errorType:"invalid-params"}`.
 */
export function rejectRocketChatStrict(_operationId: string, _input: ParsedInput, issues: readonly ValidationIssue[]): JsonResponse {
  return { status: 400, body: rcErrors.invalidParams(issues.map((issue) => issue.message).join('\n ')) };
}

export function rejectRocketChatInvalid(operationId: string, input: ParsedInput): JsonResponse | undefined {
  if (USERS_VALIDATED.has(operationId)) return rejectUsersInvalid(operationId, input);
  if (operationId !== 'groupsCreate') return undefined;
  const checked = checkCreateBody(input.body);
  return checked.ok ? undefined : { status: 400, body: checked.error };
}
