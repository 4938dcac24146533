import type { TwinRequest } from './types.ts';

/**
 * Which browser origins may call the twin. `'localhost'` (the default) allows any port on
 * localhost, 127.0.0.1 and [::1], so a dev server on any port works without configuration.
 */
export type CorsPolicy = 'localhost' | '*' | 'off' | readonly string[];

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

function allowed(policy: CorsPolicy, origin: string): boolean {
  if (policy === 'off') return false;
  if (policy === '*') return true;
  if (policy === 'localhost') return LOCAL_ORIGIN.test(origin);
  return policy.includes(origin);
}

/** CORS headers for an answer to `request` (Fetch standard, "CORS protocol"); none when not allowed. */
export function corsHeaders(policy: CorsPolicy, request: TwinRequest): Record<string, string> {
  const origin = request.headers.origin;
  if (origin === undefined || !allowed(policy, origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, x-api-twin-violations',
    vary: 'Origin',
  };
}

/** True for a CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
export function isPreflight(request: TwinRequest): boolean {
  return request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined;
}

/** The 204 answer to an allowed preflight, or undefined when the origin is not allowed. */
export function preflightHeaders(policy: CorsPolicy, request: TwinRequest): Record<string, string> | undefined {
  const base = corsHeaders(policy, request);
  if (Object.keys(base).length === 0) return undefined;
  return {
    ...base,
    'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'access-control-allow-headers':
      request.headers['access-control-request-headers'] ?? 'content-type, x-auth-token, x-user-id, api-key, prefer, x-mock-session',
    'access-control-max-age': '600',
  };
}
