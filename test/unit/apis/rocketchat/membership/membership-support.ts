import type { ApiSession } from '../../../../../src/core/api.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import type { PrivateRoom } from '../../../../../src/apis/rocketchat/model.ts';
import { createRocketChatSession } from '../../../../../src/apis/rocketchat/session.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { authHeaders, call, expectDocumented, freshStore, LIMITED_ID, LIMITED_TOKEN, pinnedDeps } from '../support.ts';

/** Helpers of the membership unit tests: one session over a store the test can also read and change. */

export const ADMIN_ID = 'rocketchat.internal.admin.test';
export const ADMIN_TOKEN = 'membership-unit-admin-token';
export const ADMIN = authHeaders(ADMIN_ID, ADMIN_TOKEN);
export const LIMITED = authHeaders(LIMITED_ID, LIMITED_TOKEN);
export const TESTER = authHeaders();

/** A store, its session, and a clock the test moves. */
export interface World {
  readonly store: RocketChatStore;
  readonly session: ApiSession;
  readonly clock: ReturnType<typeof pinnedDeps>;
}

export function world(): World {
  const store = freshStore();
  store.tokens.mint(ADMIN_TOKEN, ADMIN_ID);
  const clock = pinnedDeps();
  return { store, session: createRocketChatSession(store, clock), clock };
}

/** Runs an operation and checks the answer is documented by the spec. */
export async function run(
  w: World,
  operationId: string,
  input: { body?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> },
): Promise<JsonResponse> {
  const response = call(w.session, operationId, input);
  await expectDocumented(operationId, response);
  return response;
}

/** Creates a group as `headers`' user (200 expected) and returns the stored room. */
export function group(w: World, body: Record<string, unknown>, headers = TESTER): PrivateRoom {
  const response = call(w.session, 'groupsCreate', { body, headers });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  const room = w.store.rooms.roomByName(String(body.name));
  if (room?.t !== 'p') throw new Error('no room');
  return room as PrivateRoom;
}

/** Sets the roles a permission is granted to, as permissions.update would. */
export function grant(w: World, permission: string, roles: readonly string[]): void {
  w.store.authz.setPermission(permission, roles, '2025-01-15T10:00:00.000Z');
}

/** Marks a room archived, as groups.archive does (room.extra `archived`). */
export function archive(w: World, room: PrivateRoom): void {
  w.store.rooms.update(room, (r) => {
    r.extra = new Map([...r.extra, ['archived', true]]);
  });
}

/** The room's messages' type, msg, u and role (what the membership routes write). */
export function systemMessages(w: World, room: PrivateRoom): { t: string | undefined; msg: string; u: unknown; role?: unknown }[] {
  return w.store.messages.ofRoom(room._id).map((m) => ({ t: m.t, msg: m.msg, u: m.u, ...(m.extra.role === undefined ? {} : { role: m.extra.role }) }));
}

/** A Meteor error body. */
export function meteor(code: string, reason: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { success: false, error: `${reason} [${code}]`, errorType: code, ...(details ? { details } : {}) };
}

export const ROOM_PARAM = meteor('error-room-param-not-provided', 'The parameter "roomId" or "roomName" is required');
export const ROOM_NOT_FOUND = meteor('error-room-not-found', 'The required "roomId" or "roomName" param provided does not match any group');
export const USER_PARAM = meteor('error-user-param-not-provided', 'The required "userId" or "username" param was not provided');
export const INVALID_USER = meteor('error-invalid-user', 'The required "userId" or "username" param provided does not match any users');
export const archived = (name: string): Record<string, unknown> => meteor('error-room-archived', `The private group, ${name}, is archived`);
