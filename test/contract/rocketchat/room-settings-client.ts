import { expect } from 'vitest';
import { expectConforms } from '../../support/conform.ts';
import type { WireResponse } from '../../support/http.ts';
import { auth, bodyOf, createGroup, login, NOT_LOGGED_IN, oversizedJson, rc, TESTER_ID, TOO_LARGE, type Room, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the room-settings contract tests (groups.rename, groups.set*, rooms.saveRoomSettings,
 * groups.archive/unarchive/open/close). Every call goes through `rc`, so every answer is checked
 * against openapi/rocketchat.yaml.
 */

export const ADMIN_USER = 'rocketchat.internal.admin.test';

/**
 * Loads the spec validator before the first request of a file (`beforeAll`). Loading takes
 * seconds on a busy machine; done between two requests, it left a keep-alive socket idle past the
 * server's timeout and the next request sometimes went out on a socket the server had closed.
 */
export async function warmConformance(): Promise<void> {
  const body = { success: false, error: 'warm-up' };
  await expectConforms('rocketchat', 'groupsClose', { status: 400, headers: new Headers({ 'content-type': 'application/json' }), text: JSON.stringify(body), json: body });
}

/** POSTs `json` to a room-settings operation. */
export function post(operationId: string, path: string, json: unknown, headers: Record<string, string> = auth()): Promise<WireResponse> {
  return rc(operationId, path, { headers, json });
}

/** Exact status, body and the headers of a route's answer (wire.ts: no charset, no caching). */
export function expectRoute(res: WireResponse, status: number, body: unknown): void {
  expect([res.status, res.json], res.text).toEqual([status, body]);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('pragma')).toBe('no-cache');
}

/** The 401 of the authentication middleware: only the content type, no caching headers. */
export async function expectUnauthorized(operationId: string, path: string, json: unknown): Promise<void> {
  const res = await post(operationId, path, json, auth(TESTER_ID, 'not-a-token'));
  expect([res.status, res.json]).toEqual([401, NOT_LOGGED_IN]);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.headers.get('cache-control')).toBeNull();
}

/** A body over the size limit: 413 in the vendor envelope (modelled). */
export async function expectTooLarge(operationId: string, path: string): Promise<void> {
  const res = await rc(operationId, path, { headers: { ...auth(), 'content-type': 'application/json' }, body: oversizedJson() });
  expect([res.status, res.json]).toEqual([413, TOO_LARGE]);
  expect(res.headers.get('content-type')).toBe('application/json');
}

/** `The bodyParam "<param>" is required`. */
export function bodyParamRequired(param: string): Schemas['Failure'] {
  return { success: false, error: `The bodyParam "${param}" is required` };
}

export const EDITING_NOT_ALLOWED: Schemas['Failure'] = {
  success: false,
  error: 'Editing room is not allowed [error-action-not-allowed]',
  errorType: 'error-action-not-allowed',
  details: { method: 'saveRoomSettings', action: 'Editing_room' },
};

/** `The private group, <name>, is archived [error-room-archived]`. */
export function roomArchived(name: string): Schemas['Failure'] {
  return { success: false, error: `The private group, ${name}, is archived [error-room-archived]`, errorType: 'error-room-archived' };
}

/** `Not authorized [error-not-authorized]` from executeArchiveRoom / executeUnarchiveRoom. */
export function notAuthorized(method: 'archiveRoom' | 'unarchiveRoom'): Schemas['Failure'] {
  return { success: false, error: 'Not authorized [error-not-authorized]', errorType: 'error-not-authorized', details: { method } };
}

/** groups.info as tester (or `headers`); expects 200 and returns the group. */
export async function groupInfo(roomId: string, headers = auth()): Promise<Room> {
  const res = await rc('groupsInfo', 'groups.info', { headers, query: { roomId } });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'GroupResponse').group;
}

/** Archives a group as tester (expects 200). */
export async function archive(roomId: string): Promise<void> {
  const res = await post('groupsArchive', 'groups.archive', { roomId });
  expect(res.status, res.text).toBe(200);
}

/** A group of tester with limited.user as a plain member. */
export function groupWithMember(name: string): Promise<Room> {
  return createGroup({ name, members: ['limited.user'] });
}

/** The admin's headers (password = username in the vendor's CI workspace and the default fixture). */
export function adminAuth(): Promise<Record<string, string>> {
  return login(ADMIN_USER, ADMIN_USER);
}
