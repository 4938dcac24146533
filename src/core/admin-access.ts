import { createHash, timingSafeEqual } from 'node:crypto';
import { problem } from './problem.ts';
import type { JsonResponse, TwinRequest } from './types.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Who may use `/__admin/*` (DESIGN.md §6: "the admin API is for the user's own tools"). */
export interface AdminPolicy {
  /** When set, every client must send `Authorization: Bearer <token>`; else loopback clients only. */
  readonly token: string | undefined;
  /** Browser origins allowed to call the admin API (none by default). */
  readonly origins: readonly string[];
}

/**
 * The admin API's rules, in order; the first that fails answers 403 (or 415):
 * 1. the client: with a token, the token as bearer or HTTP Basic password (compared in constant
 *    time; the dashboard page asks a browser for it with a 401 Basic challenge); without one, a
 *    loopback peer (in-process calls have no address);
 * 2. web pages: an `Origin` other than the twin's own or a configured one, or
 *    `Sec-Fetch-Site: cross-site`, is refused. A page can send a "simple" cross-origin POST
 *    without a preflight (Fetch standard §3.2.3); this check is what keeps it from resetting
 *    state. curl and test runners send neither header and pass;
 * 3. bodies are JSON: a page cannot send `application/json` cross-origin without a preflight
 *    the twin never grants, so `text/plain` bodies are refused rather than parsed.
 * The `Host` check (host-check.ts) runs before all of this, for every path.
 */
export function adminRefusal(request: TwinRequest, policy: AdminPolicy): JsonResponse | undefined {
  if (!clientAllowed(request, policy.token)) {
    // A browser opening the dashboard cannot add a bearer header: asked with HTTP Basic, it prompts
    // for the token once and then sends it with the page's own calls (same protection space).
    if (policy.token !== undefined && request.path === DASHBOARD_PATH && request.method === 'GET') {
      return {
        ...problem(401, 'admin-unauthorized', 'The dashboard needs the admin token', 'Give the admin token as the password (any user name).'),
        headers: { 'www-authenticate': 'Basic realm="api-twin admin", charset="UTF-8"' },
      };
    }
    return problem(403, 'admin-forbidden', 'The admin API answers loopback clients, or clients with the admin token');
  }
  const origin = request.headers.origin;
  const listed = origin !== undefined && policy.origins.includes(origin);
  if (origin !== undefined && !listed && !isSameOrigin(origin, request.headers.host)) {
    return problem(403, 'admin-cross-origin', 'The admin API does not answer web pages of other origins', `Origin ${origin} is not allowed; start the twin with --admin-origins ${origin} to allow it.`);
  }
  if (request.headers['sec-fetch-site'] === 'cross-site' && !listed) {
    return problem(403, 'admin-cross-origin', 'The admin API does not answer web pages of other origins', 'The browser marked this request cross-site.');
  }
  if (request.body !== '' && !isJson(request.headers['content-type'])) {
    return problem(415, 'admin-not-json', 'Admin request bodies must be JSON', 'Send the body with Content-Type: application/json.');
  }
  return undefined;
}

/** The dashboard page, which a browser opens without a way to send a bearer token. */
const DASHBOARD_PATH = '/__admin/ui';

/**
 * Loopback peer, or the right token: `Bearer <token>`, or HTTP Basic with the token as password
 * (what a browser sends for the dashboard). An empty configured token never opens anything.
 */
function clientAllowed(request: TwinRequest, token: string | undefined): boolean {
  if (token === undefined) return request.remoteAddress === undefined || LOOPBACK.test(request.remoteAddress);
  const authorization = request.headers.authorization ?? '';
  const sent = /^Bearer (.+)$/i.exec(authorization)?.[1] ?? basicPassword(authorization);
  if (sent === '' || token === '') return false;
  // Hashing first gives equal lengths, so timingSafeEqual leaks neither the token nor its length.
  return timingSafeEqual(sha256(sent), sha256(token));
}

/** The password of `Authorization: Basic base64(user:password)`, or `''`. */
function basicPassword(authorization: string): string {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization)?.[1];
  if (encoded === undefined) return '';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? '' : decoded.slice(colon + 1);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A page served by the twin itself (the dashboard): Origin `http://<Host>`. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}
