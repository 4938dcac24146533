import { expect } from 'vitest';
import type { WireResponse } from '../../support/http.ts';
import { auth, bodyOf, login, rc, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the users.* contract tests, shaped like the vendor's e2e helpers
 * (`apps/meteor/tests/data/users.helper.ts`, `data/user.ts`): the CI admin
 * `rocketchat.internal.admin.test` (password = username) creates users named
 * `user.test.<time>.<random>` with the password `rocket.chat` and deletes them afterwards.
 */

export const ADMIN_USERNAME = 'rocketchat.internal.admin.test';
/** The vendor tests' password for the users they create. */
export const PASSWORD = 'rocket.chat';

export type UsersUser = Schemas['UsersUser'];

let adminCredentials: Promise<Record<string, string>> | undefined;

/** The admin's credentials (one login per test file). */
export function admin(): Promise<Record<string, string>> {
  adminCredentials ??= login(ADMIN_USERNAME, ADMIN_USERNAME);
  return adminCredentials;
}

/** A fresh username in `[0-9a-zA-Z-_.]`, like the vendor helper's `user.test.<Date.now()>.<Math.random()>`. */
export function username(prefix = 'user.test'): string {
  return `${prefix}.${Date.now()}.${Math.random().toString().slice(2, 10)}`;
}

/** The vendor helper's users.create body. */
export function userBody(name = username(), extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { email: `${name}@rocket.chat`, name, username: name, password: PASSWORD, ...extra };
}

/** POST users.create as the admin (or `headers`). */
export async function createUserCall(body: unknown, headers?: Record<string, string>): Promise<WireResponse> {
  return rc('usersCreate', 'users.create', { headers: headers ?? (await admin()), json: body });
}

/** Creates a user (expects 200) and returns it as users.create answered it. */
export async function createUser(extra: Record<string, unknown> = {}): Promise<UsersUser> {
  const res = await createUserCall(userBody(username(), extra));
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'UsersUserResponse').user;
}

/** Deletes a user as the admin, handing over owned rooms (expects 200). */
export async function deleteUser(userId: string): Promise<void> {
  const res = await rc('usersDelete', 'users.delete', { headers: await admin(), json: { userId, confirmRelinquish: true } });
  expect(res.status, res.text).toBe(200);
}

/** Logs a created user in with the vendor tests' password. */
export function loginAs(user: { username: string }): Promise<Record<string, string>> {
  return login(user.username, PASSWORD);
}

// The vendor's header rules for route and middleware answers, shared by every client.
export { expectMiddlewareHeaders, expectRouteHeaders } from './rocketchat-client.ts';

/** `{success:false, error:"<reason> [<code>]", errorType, details?}`. */
export function meteorBody(code: string, reason: string, details?: Record<string, unknown>): Schemas['Failure'] {
  return { success: false, error: `${reason} [${code}]`, errorType: code, ...(details === undefined ? {} : { details }) };
}

/** validateParams' failure (7.x form). */
export function invalidParams(messages: string): Schemas['Failure'] {
  return { success: false, error: `${messages} [invalid-params]`, errorType: 'invalid-params' };
}

/** Tester's fixture credentials (role user). */
export const TESTER_HEADERS = auth();
