import { expect } from 'vitest';
import type { components } from '../../../src/generated/rocketchat.ts';
import { expectConforms } from '../../support/conform.ts';
import { send, uniqueName, type WireRequest, type WireResponse } from '../../support/http.ts';

/**
 * Helpers shared by the Rocket.Chat contract tests. Black box: HTTP only, plus the generated
 * types. Every response goes through `expectConforms`, so no test can forget it. The suite needs
 * the users and team of fixtures/default/rocketchat.json, on the twin or on a real server.
 */

export type Schemas = components['schemas'];
export type Room = Schemas['Room'];

export const TESTER_ID = 'rbAXPnMktTFbNpwtJ';
export const TESTER_TOKEN = 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f';
export const LIMITED_ID = 'vWxKq8Rm3NbTz5Hye';
export const LIMITED_TOKEN = 'limited-user-token-6bM2qX8vR4tN9wK3pZ7yH5jD1fG';
export const TEAM_ID = '658441562dd9f928ad9951aa';

/** Auth headers of tester (default) or another user. */
export function auth(userId = TESTER_ID, token = TESTER_TOKEN): Record<string, string> {
  return { 'X-User-Id': userId, 'X-Auth-Token': token };
}

/** limited.user: a regular user without `create-p`. */
export const LIMITED = auth(LIMITED_ID, LIMITED_TOKEN);

export const ROOM_ID = /^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$|^[0-9a-f]{24}$/;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export const NOT_LOGGED_IN: Schemas['Unauthorized'] = {
  success: false,
  error: 'You must be logged in to do this.',
  status: 'error',
  message: 'You must be logged in to do this.',
};
export const ROOM_PARAM_NOT_PROVIDED: Schemas['Failure'] = {
  success: false,
  error: 'The parameter "roomId" or "roomName" is required [error-room-param-not-provided]',
  errorType: 'error-room-param-not-provided',
};
export const ROOM_NOT_FOUND: Schemas['Failure'] = {
  success: false,
  error: 'The required "roomId" or "roomName" param provided does not match any group [error-room-not-found]',
  errorType: 'error-room-not-found',
};
export const TOO_LARGE: Schemas['Failure'] = { success: false, error: 'Request entity too large' };

/** `Not allowed [error-not-allowed]` from the named Meteor method. */
export function notAllowed(method: string): Schemas['Failure'] {
  return { success: false, error: 'Not allowed [error-not-allowed]', errorType: 'error-not-allowed', details: { method } };
}

/** A JSON body just over the twin's default 1 MiB limit. */
export function oversizedJson(): string {
  return JSON.stringify({ name: 'big', padding: 'x'.repeat(1024 * 1024 + 16) });
}

/** Sends a request to a Rocket.Chat operation and asserts the answer conforms to openapi/rocketchat.yaml. */
export async function rc(operationId: string, path: string, request: WireRequest = {}): Promise<WireResponse> {
  const res = await send(`/api/v1/${path}`, request);
  await expectConforms('rocketchat', operationId, res);
  return res;
}

/** The body of a response already checked by `expectConforms`, typed as the named schema. */
export function bodyOf<K extends keyof Schemas>(res: WireResponse, schema: K): Schemas[K] {
  expect(res.json, `${schema} body`).toBeTypeOf('object');
  // expectConforms validated the body against this schema for the response's status.
  return res.json as Schemas[K];
}

/** A fresh valid room name. */
export function roomName(prefix = 'ct'): string {
  return uniqueName(prefix);
}

/** Creates a private group (expects 200) and returns it. */
export async function createGroup(body: Record<string, unknown>, headers = auth()): Promise<Room> {
  const res = await rc('groupsCreate', 'groups.create', { headers, json: body });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'GroupResponse').group;
}

/** Logs in (expects 200) and returns the new credentials as headers. */
export async function login(user: string, password: string): Promise<Record<string, string>> {
  const res = await rc('login', 'login', { json: { user, password } });
  expect(res.status, res.text).toBe(200);
  const { data } = bodyOf(res, 'LoginResponse');
  return auth(data.userId, data.authToken);
}

/** The headers of an answer made by a route's action (wire.ts, the http-router): exact JSON type, no caching. */
export function expectRouteHeaders(res: WireResponse): void {
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('pragma')).toBe('no-cache');
}

/** The headers of an answer made by a middleware (401 authentication, the 403 of permissionsRequired): exact JSON type only. */
export function expectMiddlewareHeaders(res: WireResponse): void {
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBeNull();
  expect(res.headers.get('pragma')).toBeNull();
}
