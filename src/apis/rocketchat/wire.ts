import type { JsonResponse } from '../../core/types.ts';

/**
 * The headers a 7.x/8.x server puts on its REST answers (research notes issue 10 §1.2–§1.3):
 *
 * - every answer: `X-XSS-Protection`, `X-Content-Type-Options` and `X-Frame-Options` (WebApp's
 *   security handler with the default `Iframe_Restrict_Access`), and the `Content-Security-Policy`
 *   of the default `Enable_CSP` (reconstructed from the code with empty CDN settings: modelled);
 * - answers of a route's action, success or failure (the http-router's response block):
 *   `Content-Type: application/json` with no charset (the vendor's own tests compare it exactly),
 *   `Cache-Control: no-store`, `Pragma: no-cache`;
 * - answers of a middleware (the 401 of authentication, the 403 of `permissionsRequired`): Hono's
 *   `c.json`, so `Content-Type: application/json` and no Cache-Control or Pragma.
 */
const SECURITY: Readonly<Record<string, string>> = {
  'x-xss-protection': '1',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'sameorigin',
  'content-security-policy':
    "default-src 'self' ; connect-src *; font-src 'self'  data:; frame-src *; img-src * data: blob:; media-src * data:; script-src 'self' 'unsafe-eval' 'sha256-jqxtvDkBbRAl9Hpqv68WdNOieepg8tJSYu1xIy7zT34='  ; style-src 'self' 'unsafe-inline' ",
};

const ROUTE: Readonly<Record<string, string>> = { ...SECURITY, 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' };
const MIDDLEWARE: Readonly<Record<string, string>> = { ...SECURITY, 'content-type': 'application/json' };

/** Answers made by a middleware rather than a route's action (marked where they are made). */
const middlewareAnswers = new WeakSet<JsonResponse>();

/** Marks `response` as a middleware's answer (auth 401, permissionsRequired 403) and returns it. */
export function fromMiddleware<R extends JsonResponse>(response: R): R {
  middlewareAnswers.add(response);
  return response;
}

/** The vendor's headers for one answer (the twin's own problem+json answers keep the core's). */
export function rocketchatHeaders(response: JsonResponse): Readonly<Record<string, string>> {
  if (response.contentType !== undefined && response.contentType !== 'application/json') return {};
  return middlewareAnswers.has(response) ? MIDDLEWARE : ROUTE;
}
