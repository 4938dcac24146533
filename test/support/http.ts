import { inject } from 'vitest';

/** The server under test: `BASE_URL` when set, else the in-process twin started by global-setup.ts. */
export const baseUrl: string = inject('baseUrl');

/**
 * True when the suite runs through Prism's validation proxy (`npm run test:prism`). Prism parses
 * JSON request bodies itself and answers malformed ones with its own 400 instead of forwarding
 * them, so tests that send malformed JSON cannot reach the server there and are skipped.
 */
export const viaPrismProxy: boolean = process.env.CONTRACT_PROXY === 'prism';

/**
 * Each test file talks to its own twin session, so files running in parallel never see each
 * other's writes (a status set in one file once showed up in another's users.info). A real
 * vendor ignores the header. `MOCK_SESSION=ID` runs the whole suite in one named session instead.
 */
const sessionHeader: Record<string, string> = { 'X-Mock-Session': process.env.MOCK_SESSION || uniqueName('contract-file') };

/** An answer read off the wire. `json` is `undefined` when the body is not JSON. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/** What to send. `json` is serialised with a JSON content type; `body` is sent as is. */
export interface WireRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly body?: string;
  readonly query?: Record<string, string>;
}

/** Sends one request to the server under test and reads the whole answer. */
export async function send(path: string, request: WireRequest = {}): Promise<WireResponse> {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { ...sessionHeader, ...request.headers };
  let body = request.body;
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A name no earlier run used, so tests stay independent on a shared or real server. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
