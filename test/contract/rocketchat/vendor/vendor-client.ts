import { afterAll, beforeAll, expect } from 'vitest';
import { uniqueName, type WireResponse } from '../../../support/http.ts';
import { bodyOf, rc, type Schemas } from '../rocketchat-client.ts';

/**
 * The vendor's end-to-end helpers (`apps/meteor/tests/data/`: api-data, user, users.helper,
 * permissions.helper, rooms.helper, groups.helper, chat.helper, teams.helper, integration.helper)
 * redone over HTTP for the replay of their cases against the twin (black box: HTTP, generated
 * types, `rc` for spec conformance).
 *
 * Each replayed file runs in a mock session of its own: every request of the file carries the same
 * `X-Mock-Session` header (a real server ignores it). The vendor's cases change workspace-wide
 * permissions and settings, which must not disturb the contract files running in parallel on the
 * same twin. Against a real server, run these files one at a time.
 */

export const ADMIN_USERNAME = 'rocketchat.internal.admin.test';
export const ADMIN_EMAIL = `${ADMIN_USERNAME}@rocket.chat`;
export const ADMIN_PASSWORD = ADMIN_USERNAME;
export const ADMIN_NAME = 'RocketChat Internal Admin Test';
/** `data/user.ts`: the password of every user the helpers create. */
export const PASSWORD = 'rocket.chat';
/** `data/api-data.ts` `reservedWords`. */
export const RESERVED_WORDS = ['admin', 'administrator', 'system', 'user'] as const;

export type Headers = Record<string, string>;
export type User = Schemas['UsersUser'];
export type Room = Schemas['Room'];

/** `groups.create` → `groupsCreate`; `settings/<id>` → `settingsGet` / `settingsPost`. */
function operationOf(method: 'GET' | 'POST', path: string): string {
  if (path.startsWith('settings/')) return method === 'GET' ? 'settingsGet' : 'settingsPost';
  const [head = '', tail = ''] = path.split('.');
  return tail === '' ? head : `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}`;
}

/** A replayed vendor file: its session header, the admin's credentials and the helpers bound to them. */
export class VendorRun {
  /** Only the session header: what an anonymous request of this file sends. */
  readonly anonymous: Headers;
  /** The admin's `credentials` (api-data.ts), filled by `getCredentials`. */
  credentials: Headers;

  constructor(file: string) {
    this.anonymous = { 'X-Mock-Session': uniqueName(`vendor-${file}`) };
    this.credentials = this.anonymous;
  }

  /** POST `/api/v1/<path>` with a JSON body. */
  post(path: string, headers: Headers, json: unknown = {}): Promise<WireResponse> {
    return rc(operationOf('POST', path), path, { method: 'POST', headers, json });
  }

  /** GET `/api/v1/<path>` with a query. */
  get(path: string, headers: Headers, query: Record<string, string> = {}): Promise<WireResponse> {
    return rc(operationOf('GET', path), path, { headers, query });
  }

  /** api-data.ts `getCredentials`: the admin logs in (CT json, 200) and its token becomes `credentials`. */
  async getCredentials(): Promise<void> {
    const res = await this.post('login', this.anonymous, { user: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    expectJson(res);
    expect(res.status).toBe(200);
    const { data } = bodyOf(res, 'LoginResponse');
    this.credentials = { ...this.anonymous, 'X-Auth-Token': data.authToken, 'X-User-Id': data.userId };
  }

  /** users.helper.ts `login`: the credentials of a user (no assertion in the vendor's helper). */
  async login(user: string, password: string): Promise<Headers> {
    const res = await this.post('login', this.anonymous, { user, password });
    const { data } = bodyOf(res, 'LoginResponse');
    return { ...this.anonymous, 'X-Auth-Token': data.authToken, 'X-User-Id': data.userId };
  }

  /** users.helper.ts `createUser`: users.create as the admin with `user.test.<now>.<random>` names. */
  async createUser(userData: Record<string, unknown> = {}): Promise<User> {
    const username = typeof userData.username === 'string' ? userData.username : `user.test.${Date.now()}.${Math.random()}`;
    const email = typeof userData.email === 'string' ? userData.email : `${username}@rocket.chat`;
    const res = await this.post('users.create', this.credentials, { email, name: username, username, password: PASSWORD, ...userData });
    expect(res.status, res.text).toBe(200);
    return bodyOf(res, 'UsersUserResponse').user;
  }

  /** users.helper.ts `deleteUser` (its answer is not checked by the vendor). */
  async deleteUser(user: { _id: string } | undefined, extraData: Record<string, unknown> = {}): Promise<void> {
    if (user) await this.post('users.delete', this.credentials, { userId: user._id, ...extraData });
  }

  /** permissions.helper.ts `updatePermission` (`.success()`: 200, success true). */
  async updatePermission(permission: string, roles: string[]): Promise<void> {
    const res = await this.post('permissions.update', this.credentials, { permissions: [{ _id: permission, roles }] });
    expect([res.status, res.json], permission).toMatchObject([200, { success: true }]);
  }

  /** permissions.helper.ts `updateSetting` (`.success()`). */
  async updateSetting(setting: string, value: unknown): Promise<void> {
    const res = await this.post(`settings/${setting}`, this.credentials, { value });
    expect([res.status, res.json], setting).toEqual([200, { success: true }]);
  }

  /** rooms.helper.ts `createRoom` for type `p` (groups.create); the answer is returned unchecked. */
  createGroup(params: { name: string; members?: string[]; credentials?: Headers; extraData?: Record<string, unknown> }): Promise<WireResponse> {
    const { name, members, extraData } = params;
    return this.post('groups.create', params.credentials ?? this.credentials, { name, ...(members && { members }), ...(extraData && { extraData }) });
  }

  /** chat.helper.ts `sendMessage`. */
  sendMessage(message: Record<string, unknown>, requestCredentials?: Headers): Promise<WireResponse> {
    return this.post('chat.sendMessage', requestCredentials ?? this.credentials, { message });
  }

  /** groups.info as the admin (groups.ts `getRoomInfo`). */
  async getRoomInfo(roomId: string): Promise<Room> {
    const res = await this.get('groups.info', this.credentials, { roomId });
    return bodyOf(res, 'GroupResponse').group;
  }

  /** teams.helper.ts `createTeam`. */
  async createTeam(credentials: Headers, name: string, type: 0 | 1): Promise<Schemas['TeamsTeam']> {
    const res = await this.post('teams.create', credentials, { name, type });
    return bodyOf(res, 'TeamsCreateResponse').team;
  }
}

/** supertest `.expect('Content-Type', 'application/json')`: an exact match of the header. */
export function expectJson(res: WireResponse): void {
  expect(res.headers.get('content-type')).toBe('application/json');
}

/** The answer's body as an object, for the vendor's property assertions. */
export function body(res: WireResponse): Record<string, unknown> {
  expect(res.json, res.text).toBeTypeOf('object');
  return res.json as Record<string, unknown>;
}

/** api-data.ts: the names a vendor test file builds once from `Date.now()` at load. */
export function apiData(): { apiUsername: string; apiEmail: string; apiPrivateChannelName: string } {
  const t = Date.now();
  return { apiUsername: `apiuser.test-${t}`, apiEmail: `apiuser.test@rocket.chat-${t}`, apiPrivateChannelName: `apiprivate-channel-test-${t}-${t}` };
}

/**
 * groups.ts' top-level `[Groups]` hooks: before, the admin creates the group `apiPrivateChannelName`
 * (CT, 200, success, `_id`, name, `t:'p'`, `msgs:0`); after, deletes it (CT, 200). Call inside the
 * file's `describe('[Groups]')`, after `run.getCredentials()` is registered.
 */
export function topLevelGroup(run: VendorRun, apiPrivateChannelName: string): { _id: string; name: string } {
  const group = { _id: '', name: '' };
  beforeAll(async () => {
    const res = await run.post('groups.create', run.credentials, { name: apiPrivateChannelName });
    expectJson(res);
    expect(res.status).toBe(200);
    const b = body(res);
    expect(b).toHaveProperty('success', true);
    expect(b).toHaveProperty('group._id');
    expect(b).toHaveProperty('group.name', apiPrivateChannelName);
    expect(b).toHaveProperty('group.t', 'p');
    expect(b).toHaveProperty('group.msgs', 0);
    Object.assign(group, { _id: bodyOf(res, 'GroupResponse').group._id, name: apiPrivateChannelName });
  });
  afterAll(async () => {
    const res = await run.post('groups.delete', run.credentials, { roomId: group._id });
    expectJson(res);
    expect(res.status).toBe(200);
  });
  return group;
}
