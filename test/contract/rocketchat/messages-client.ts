import { expect } from 'vitest';
import { auth, bodyOf, createGroup, login, rc, type Room, type Schemas } from './rocketchat-client.ts';

/**
 * Helpers of the message, file and integration contract tests (black box: HTTP and generated
 * types only). Every answer still goes through `rc`, which checks it against the spec.
 */

export type Message = Schemas['MessagesMessage'];
export const ADMIN = 'rocketchat.internal.admin.test';
export const MESSAGE_ID = /^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/;
export const MESSAGE_NOT_FOUND: Schemas['Failure'] = {
  success: false,
  error: 'The provided "messageId" does not match any existing message. [error-message-not-found]',
  errorType: 'error-message-not-found',
};
/** Far enough ahead that history never misses a message sent in the same millisecond. */
export const FUTURE = '2100-01-01T00:00:00.000Z';

// The vendor's header rules for route and middleware answers, shared by every client.
export { expectMiddlewareHeaders, expectRouteHeaders } from './rocketchat-client.ts';

/** The admin's credentials (a fresh login), plus `extra` headers (e.g. an isolated mock session). */
export async function adminAuth(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  if (Object.keys(extra).length === 0) return login(ADMIN, ADMIN);
  const res = await rc('login', 'login', { headers: extra, json: { user: ADMIN, password: ADMIN } });
  expect(res.status, res.text).toBe(200);
  const { data } = bodyOf(res, 'LoginResponse');
  return { ...auth(data.userId, data.authToken), ...extra };
}

/** Sends `msg` to `rid` (expects 200) and returns the message. */
export async function sendMessage(rid: string, msg: string, headers = auth(), extra: Record<string, unknown> = {}): Promise<Message> {
  const res = await rc('chatSendMessage', 'chat.sendMessage', { headers, json: { message: { rid, msg, ...extra } } });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'MessagesMessageResponse').message;
}

/** A fresh group of tester's with these members. */
export function messageGroup(name: string, members: string[] = []): Promise<Room> {
  return createGroup({ name, members });
}

/** The history of a group, newest first (with a `latest` in the future). */
export async function history(roomId: string, headers = auth(), query: Record<string, string> = {}): Promise<Message[]> {
  const res = await rc('groupsHistory', 'groups.history', { headers, query: { roomId, latest: FUTURE, ...query } });
  expect(res.status, res.text).toBe(200);
  return bodyOf(res, 'MessagesHistoryResponse').messages;
}
