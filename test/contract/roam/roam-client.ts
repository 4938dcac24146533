import { expect } from 'vitest';
import type { components } from '../../../src/generated/roam.ts';
import { expectConforms } from '../../support/conform.ts';
import { send, type WireRequest, type WireResponse } from '../../support/http.ts';

/**
 * Helpers shared by the Roam contract tests. Black box: HTTP only, plus the generated types.
 * Every response goes through `expectConforms`, so no test can forget it.
 */

export type Schemas = components['schemas'];

/** Fixture values (fixtures/default/roam.json); a real vendor needs the same data to run the suite. */
export const KEY_1 = '289eb8eb262140629664078bec76d60c';
export const KEY_2 = 'a88d1dddd5ec4be18d7009e0ed4ad59f';
export const PROJECT_1 = '620e3ab8dea1d50efec54581';
export const ACCOUNT_1 = '620e3a9cdea1d50efec5456f';
export const USER_A = '62eb672606f8a0093ab8e3ab';
export const USER_B = '621e0782aa28db38198093e6';
export const USER_C = '621e078684540e101ead29e1';
/** A user of the second project. */
export const USER_OTHER = '62135419cc5d8960bf735b3f';
/** Well-formed ids nobody uses. */
export const UNKNOWN_ID = 'ffffffffffffffffffffff01';

export const GROUP_PATH = '/v1/api/group/';
export const GROUP_USER_PATH = '/v1/api/group/user/';
export const USER_PATH = '/v1/api/user/';

export const ID = /^[0-9a-f]{24}$/;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

/** Sends a request to a Roam operation and asserts the answer conforms to openapi/roam.yaml. */
export async function roam(operationId: string, path: string, request: WireRequest = {}): Promise<WireResponse> {
  const res = await send(path, request);
  await expectConforms('roam', operationId, res);
  return res;
}

/** `Api-Key` header with the first project's key (plus extra headers). */
export function auth(key: string = KEY_1, extra: Record<string, string> = {}): Record<string, string> {
  return { 'Api-Key': key, ...extra };
}

/**
 * The body of a response already checked by `expectConforms`, typed as the named schema. The cast
 * is the documented one: the spec validated this JSON against that schema.
 */
export function bodyOf<K extends keyof Schemas>(res: WireResponse, schema: K): Schemas[K] {
  if (res.json === undefined) throw new Error(`expected a ${schema} JSON body, got: ${res.text}`);
  return res.json as Schemas[K];
}

/** Creates a group in the first project and returns its data. */
export async function createGroup(body: Schemas['CreateGroupRequest'] = {}, key = KEY_1): Promise<Schemas['Group']> {
  const res = await roam('createGroup', GROUP_PATH, { headers: auth(key), json: body });
  expect(res.status, res.text).toBe(201);
  return bodyOf(res, 'GroupCreated').data;
}

/** Reads one group by id (expects 200). */
export async function getGroup(groupId: string, key = KEY_1): Promise<Schemas['Group']> {
  const res = await roam('getGroups', GROUP_PATH, { headers: auth(key), query: { group_id: groupId } });
  expect(res.status, res.text).toBe(200);
  const data = bodyOf(res, 'GroupsFound').data;
  if ('groups' in data) throw new Error('expected one group, got a page');
  return data;
}

/** Reads one page of groups (expects 200). */
export async function groupPage(page: number | undefined, key = KEY_1): Promise<Schemas['GroupPage']> {
  const query: Record<string, string> = page === undefined ? {} : { page_number: String(page) };
  const res = await roam('getGroups', GROUP_PATH, { headers: auth(key), query });
  expect(res.status, res.text).toBe(200);
  const data = bodyOf(res, 'GroupsFound').data;
  if (!('groups' in data)) throw new Error('expected a page, got one group');
  return data;
}

/** Unix second in an ObjectId's first four bytes. */
export function idSecond(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16);
}

/** Unix second of a Roam timestamp (UTC without zone). */
export function timestampSecond(timestamp: string): number {
  return Math.floor(Date.parse(`${timestamp}Z`) / 1000);
}

/** Vendor bodies (research/roam.md §3a), exact. */
export const BODIES = {
  missingKey: {
    status: true,
    msg: 'No Api key in Header provided',
    code: 401,
    error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: 'No Api key in Header provided' },
  },
  invalidKey: { status: true, msg: 'Invalid Api key.', code: 401, error: { ErrorCode: 'GS401', ErrorMessage: 'Invalid Api key', details: 'Invalid Api key.' } },
  malformed: { status: false, msg: 'Unknown Error.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured' } },
  groupNotFound: { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured', details: 'Group does not exist.' } },
  userNotFound: { status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS400', ErrorMessage: 'An error occured', details: 'User does not exist.' } },
  tooLarge: { status: false, msg: 'Request entity too large.', code: 413, error: { ErrorCode: 'GS413', ErrorMessage: 'Request entity too large' } },
  fields: (details: Schemas['FieldErrors']) => ({ status: false, msg: 'Error Occured.', code: 400, error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details } }),
  unknownUsers: (...ids: string[]) => ({
    status: false,
    msg: 'Error Occured.',
    code: 400,
    error: { ErrorCode: 'GS402', ErrorMessage: 'Invalid request', details: { users: [`Invalid user ids: ${ids.join(',')}`] } },
  }),
} as const;

/** A body over the twin's default 1 MiB limit. */
export function oversizedBody(): string {
  return JSON.stringify({ description: 'x'.repeat(1024 * 1024 + 16) });
}
