import type { ApiSession } from '../../../../../src/core/api.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import type { StoredMessage } from '../../../../../src/apis/rocketchat/store/messages.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { authHeaders, call, expectDocumented, freshSession, freshStore, LIMITED_ID, LIMITED_TOKEN, pinnedDeps } from '../support.ts';

/** Helpers of the room-settings unit tests: a session with its store, groups, calls checked against the spec. */

export const LIMITED = authHeaders(LIMITED_ID, LIMITED_TOKEN);
export const ADMIN_ID = 'rocketchat.internal.admin.test';

export const ROOM_PARAM = {
  success: false,
  error: 'The parameter "roomId" or "roomName" is required [error-room-param-not-provided]',
  errorType: 'error-room-param-not-provided',
};
export const ROOM_NOT_FOUND = {
  success: false,
  error: 'The required "roomId" or "roomName" param provided does not match any group [error-room-not-found]',
  errorType: 'error-room-not-found',
};
export const EDITING_NOT_ALLOWED = {
  success: false,
  error: 'Editing room is not allowed [error-action-not-allowed]',
  errorType: 'error-action-not-allowed',
  details: { method: 'saveRoomSettings', action: 'Editing_room' },
};

/** `The private group, <name>, is archived`. */
export function archived(name: string) {
  return { success: false, error: `The private group, ${name}, is archived [error-room-archived]`, errorType: 'error-room-archived' };
}

/** A test world: one session over a store the test can inspect. */
export interface World {
  readonly store: RocketChatStore;
  readonly session: ApiSession;
  readonly deps: ReturnType<typeof pinnedDeps>;
}

export function world(): World {
  const store = freshStore();
  const deps = pinnedDeps();
  return { store, deps, session: freshSession(deps, undefined, store) };
}

/** Calls an operation and checks the answer against the spec (status documented, body valid). */
export async function op(w: World, operationId: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse> {
  const response = call(w.session, operationId, { body, ...(headers ? { headers } : {}) });
  await expectDocumented(operationId, response);
  return response;
}

/** Creates a group as tester (or `headers`) and returns its id. */
export function group(w: World, body: Record<string, unknown>, headers?: Record<string, string>): string {
  const response = call(w.session, 'groupsCreate', { body, ...(headers ? { headers } : {}) });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return (response.body as { group: { _id: string } }).group._id;
}

/** groups.info as tester (or `headers`). */
export function info(w: World, roomId: string, headers?: Record<string, string>): JsonResponse {
  return call(w.session, 'groupsInfo', { query: { roomId }, ...(headers ? { headers } : {}) });
}

/** The group body of a 200 answer. */
export function groupOf(response: JsonResponse): Record<string, unknown> {
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return (response.body as { group: Record<string, unknown> }).group;
}

/** Logs the admin in and returns their headers. */
export function adminHeaders(w: World): Record<string, string> {
  const res = call(w.session, 'login', { body: { user: ADMIN_ID, password: ADMIN_ID }, headers: {} });
  const data = (res.body as { data: { userId: string; authToken: string } }).data;
  return authHeaders(data.userId, data.authToken);
}

/** `[t, msg, u.username]` of the room's system messages, oldest first. */
export function systemMessages(w: World, rid: string): [string | undefined, string, string][] {
  return w.store.messages.ofRoom(rid).map((m: StoredMessage) => [m.t, m.msg, m.u.username]);
}
