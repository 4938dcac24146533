import type { ApiSession, ParsedInput } from '../../../../../src/core/api.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import type { StoredUser } from '../../../../../src/apis/rocketchat/model.ts';
import { rejectRocketChatInvalid } from '../../../../../src/apis/rocketchat/reject-invalid.ts';
import { createRocketChatSession } from '../../../../../src/apis/rocketchat/session.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import { authHeaders, expectDocumented, freshStore, pinnedDeps } from '../support.ts';

/** The fixture admin and the token these tests give it. */
export const ADMIN_ID = 'rocketchat.internal.admin.test';
export const ADMIN = authHeaders(ADMIN_ID, 'admin-unit-token');

/** A fresh store and a session over it, the admin holding a token. */
export function usersWorld(): { store: RocketChatStore; session: ApiSession } {
  const store = freshStore();
  store.tokens.add('admin-unit-token', ADMIN_ID);
  return { store, session: createRocketChatSession(store, pinnedDeps()) };
}

/**
 * One request as the core runs it after parsing: authentication, the vendor's validateParams
 * (reject-invalid.ts), then the handler; the answer is checked against the spec.
 */
export async function send(
  session: ApiSession,
  operationId: string,
  input: { body?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const headers = input.headers ?? ADMIN;
  const auth = session.authenticate(operationId, headers);
  let response: JsonResponse;
  if (!auth.ok) {
    response = auth.response;
  } else {
    const parsed: ParsedInput = { body: input.body, query: input.query ?? {}, params: {}, headers };
    response = rejectRocketChatInvalid(operationId, parsed) ?? auth.run(operationId, parsed);
  }
  await expectDocumented(operationId, response);
  return response;
}

/** A users.create body like the vendor's createUser helper sends. */
export function newUserBody(username: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `${username}@rocket.chat`, name: username, username, password: 'rocket.chat', ...extra };
}

/** Creates a user as the admin (expects 200) and returns the stored document. */
export async function createdUser(store: RocketChatStore, session: ApiSession, username: string, extra: Record<string, unknown> = {}): Promise<StoredUser> {
  const res = await send(session, 'usersCreate', { body: newUserBody(username, extra) });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  const user = store.users.byUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

/** Gives `user` a login token and returns its headers. */
export function headersOf(store: RocketChatStore, user: StoredUser): Record<string, string> {
  const token = `token-of-${user._id}`;
  store.tokens.add(token, user._id);
  return authHeaders(user._id, token);
}

/** `{success:false, error:"<reason> [<code>]", errorType, details?}`. */
export function meteor(code: string, reason: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { success: false, error: `${reason} [${code}]`, errorType: code, ...(details === undefined ? {} : { details }) };
}

/** An `error-action-not-allowed` of saveUser. */
export function actionNotAllowed(reason: string, action: string): Record<string, unknown> {
  return meteor('error-action-not-allowed', reason, { method: 'insertOrUpdateUser', action });
}
