import type { WireRequest, WireResponse } from '../../support/http.ts';
import { auth, createGroup, expectMiddlewareHeaders, expectRouteHeaders, login, rc, roomName, type Room, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the membership and room-role contract tests (HTTP only). Every answer goes through
 * `rc` (spec conformance) and through a check of the vendor's headers: a route's answer carries
 * `Content-Type: application/json`, `Cache-Control: no-store` and `Pragma: no-cache`; a
 * middleware's (401, the 403 of `permissionsRequired`) only the content type.
 */

export const ADMIN_USERNAME = 'rocketchat.internal.admin.test';
export const ADMIN_NAME = 'RocketChat Internal Admin Test';

let adminCredentials: Promise<Record<string, string>> | undefined;

/** The workspace admin, logged in once per test file (password = username in the vendor's CI). */
export function admin(): Promise<Record<string, string>> {
  adminCredentials ??= login(ADMIN_USERNAME, ADMIN_USERNAME);
  return adminCredentials;
}

/** The `_id` behind a set of credentials. */
export function idOf(headers: Record<string, string>): string {
  return headers['X-User-Id'] ?? '';
}

// The vendor's header rules for route and middleware answers, shared by every client.
export { expectMiddlewareHeaders, expectRouteHeaders } from './rocketchat-client.ts';

/** Calls an operation; 401 answers are checked as middleware answers, everything else as route answers. */
export async function send(operationId: string, path: string, request: WireRequest, middleware = false): Promise<WireResponse> {
  const res = await rc(operationId, path, request);
  if (middleware || res.status === 401) expectMiddlewareHeaders(res);
  else expectRouteHeaders(res);
  return res;
}

/** POSTs a JSON body. */
export function post(operationId: string, path: string, json: unknown, headers: Record<string, string> = auth()): Promise<WireResponse> {
  return send(operationId, path, { headers, json });
}

/** GETs with a query. */
export function get(operationId: string, path: string, query: Record<string, string>, headers: Record<string, string> = auth()): Promise<WireResponse> {
  return send(operationId, path, { headers, query });
}

/** `[status, body]`, for one assertion per answer. */
export function answer(res: WireResponse): [number, unknown] {
  return [res.status, res.json];
}

export const DONE: [number, unknown] = [200, { success: true }];

/** A Meteor error body. */
export function meteor(code: string, reason: string, details?: Record<string, unknown>): Schemas['Failure'] {
  return { success: false, error: `${reason} [${code}]`, errorType: code, ...(details ? { details } : {}) };
}

export const USER_PARAM_NOT_PROVIDED = meteor('error-user-param-not-provided', 'The required "userId" or "username" param was not provided');
export const INVALID_USER = meteor('error-invalid-user', 'The required "userId" or "username" param provided does not match any users');

/** A fresh group made by tester (or `headers`' user) with these members. */
export function groupWith(members: string[], extra: Record<string, unknown> = {}, headers: Record<string, string> = auth()): Promise<Room> {
  return createGroup({ name: roomName('mbr'), members, ...extra }, headers);
}
