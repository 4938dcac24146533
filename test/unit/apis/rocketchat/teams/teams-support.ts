import type { ApiSession } from '../../../../../src/core/api.ts';
import type { Meter } from '../../../../../src/core/byte-budget.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import type { StoredUser } from '../../../../../src/apis/rocketchat/model.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { authHeaders, call, expectDocumented, freshSession, freshStore, LIMITED_ID, LIMITED_TOKEN, pinnedDeps } from '../support.ts';

/** Helpers of the teams unit tests: a session over a store the test can inspect. */

export const ADMIN_ID = 'rocketchat.internal.admin.test';
export const ADMIN_TOKEN = 'teams-unit-admin-token';
export const LIMITED = authHeaders(LIMITED_ID, LIMITED_TOKEN);
export const ADMIN = authHeaders(ADMIN_ID, ADMIN_TOKEN);

/** A fresh store and a session over it; the admin gets a known token. */
export function fresh(meter?: Meter): { store: RocketChatStore; session: ApiSession } {
  const store = freshStore(undefined, meter);
  store.tokens.add(ADMIN_TOKEN, ADMIN_ID);
  return { store, session: freshSession(pinnedDeps(), undefined, store) };
}

/** Calls an operation and checks the answer is documented for it. */
export async function documented(session: ApiSession, operationId: string, input: Parameters<typeof call>[2] = {}): Promise<JsonResponse> {
  const response = call(session, operationId, input);
  await expectDocumented(operationId, response);
  return response;
}

export interface TeamBody {
  team: { _id: string; name: string; type: number; roomId: string; createdAt: string; _updatedAt: string; createdBy: { _id: string; username: string } };
}

/** teams.create that must succeed. */
export function createTeam(session: ApiSession, body: Record<string, unknown>, headers = authHeaders()): TeamBody['team'] {
  const response = call(session, 'teamsCreate', { body, headers });
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as TeamBody).team;
}

/** A fixture user that must exist. */
export function user(store: RocketChatStore, username: string): StoredUser {
  const found = store.users.byUsername(username);
  if (!found) throw new Error(`no user ${username}`);
  return found;
}

/** A user added straight to the store (users.create is another area's). */
export function addUser(store: RocketChatStore, username: string, active = true): StoredUser {
  const template = user(store, 'tester');
  const added: StoredUser = { ...template, _id: `id-${username}`, username, name: username, emails: [], roles: ['user'], active, preferences: {} };
  if (!store.users.add(added)) throw new Error('store full');
  return added;
}
