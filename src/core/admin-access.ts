import { timingSafeEqual } from 'node:crypto';
import type { TwinRequest } from './types.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The admin API's rule (DESIGN.md §5): without a token, only loopback clients (and in-process
 * calls, which have no address); with a token, every client must send `Authorization: Bearer <token>`.
 */
export function isAdminAllowed(request: TwinRequest, token: string | undefined): boolean {
  if (token === undefined) return request.remoteAddress === undefined || LOOPBACK.test(request.remoteAddress);
  const sent = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  // An empty token would match a missing header: it never opens the admin API.
  if (sent === '' || token === '') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
