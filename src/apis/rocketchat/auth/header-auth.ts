import type { ParsedInput } from '../../../core/api.ts';
import type { JsonResponse } from '../../../core/types.ts';
import type { Caller } from '../context.ts';
import { rcErrors, unauthorizedBody, type UnauthorizedStyle } from '../errors.ts';
import type { RocketChatStore } from '../store/store.ts';
import { fromMiddleware } from '../wire.ts';
import { PERMISSIONS_REQUIRED } from './permissions-required.ts';

/**
 * Header authentication (research/rocketchat.md §5.1, AC `authenticatedRoute`): `X-User-Id` and
 * `X-Auth-Token` must name a user and one of that user's valid tokens: a fixture token or one minted
 * by login in this session. Any failure is a 401, decided before anything about the body.
 */

/** Operations the spec marks `security: []`; every other one needs the two headers. */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set(['login']);

/** The caller named by the headers, or undefined (missing header, unknown user, wrong or foreign token, inactive user). */
export function authenticateHeaders(store: RocketChatStore, headers: ParsedInput['headers']): Caller | undefined {
  const userId = headers['x-user-id'];
  const token = headers['x-auth-token'];
  if (userId === undefined || userId === '' || token === undefined || token === '') return undefined;
  if (store.tokens.ownerOf(token) !== userId) return undefined;
  const user = store.users.byUserId(userId);
  // Deactivated users lose their login tokens in the vendor, so they cannot authenticate.
  if (!user?.active) return undefined;
  return { user, token };
}

/** The authentication middleware's 401, in the chosen body style (default: the 7.x/8.x merged body). */
export function unauthorizedResponse(style: UnauthorizedStyle): JsonResponse {
  return fromMiddleware({ status: 401, body: unauthorizedBody(style) });
}

/**
 * The `permissionsRequired` middleware (PMN): a route's global permissions, all required, checked
 * after authentication and before the body; 403 otherwise. Undefined when the caller holds them.
 */
export function permissionsRefusal(store: RocketChatStore, caller: Caller, operationId: string): JsonResponse | undefined {
  const required = PERMISSIONS_REQUIRED.get(operationId);
  if (required === undefined || store.authz.hasAll(caller.user, required)) return undefined;
  return fromMiddleware({ status: 403, body: rcErrors.permissionsRequired() });
}
