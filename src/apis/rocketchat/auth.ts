import type { ParsedInput } from '../../core/api.ts';
import type { JsonResponse } from '../../core/types.ts';
import type { Caller } from './context.ts';
import { unauthorizedBody, type UnauthorizedStyle } from './errors.ts';
import type { RocketChatStore } from './store.ts';

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
  if (store.tokenOwner(token) !== userId) return undefined;
  const user = store.user(userId);
  // Deactivated users lose their login tokens in the vendor, so they cannot authenticate.
  if (!user?.active) return undefined;
  return { user, token };
}

/** The 401 answer, in the chosen body style (default: OA's documented `{status, message}`). */
export function unauthorizedResponse(style: UnauthorizedStyle): JsonResponse {
  return { status: 401, body: unauthorizedBody(style) };
}
