import { createTwin } from '../../src/create-twin.ts';
import type { TwinConfig } from '../../src/config.ts';
import type { Twin } from '../../src/core/twin.ts';
import type { Deps, TwinRequest, TwinResponse } from '../../src/core/types.ts';
import { seededRandom } from './seeded-random.ts';

/** A clock that starts at a fixed instant and moves one millisecond per reading. */
export function pinnedDeps(start = Date.parse('2026-11-22T10:00:00.000Z'), seed = 42): Deps {
  let now = start;
  return { now: () => new Date(now++), random: seededRandom(seed) };
}

/** A twin over the bundled fixtures with a pinned clock and ids. */
export function testTwin(config: Partial<TwinConfig> = {}): Promise<Twin> {
  return createTwin({ deps: pinnedDeps(), ...config });
}

/** The Rocket.Chat credentials of the fixture user `tester`. */
export const TESTER = {
  'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f',
  'x-user-id': 'rbAXPnMktTFbNpwtJ',
} as const;

/** The Roam key of the first fixture project. */
export const ROAM_KEY = { 'api-key': '289eb8eb262140629664078bec76d60c' } as const;

/** An in-process request: no sockets, straight into `twin.handle`. */
export interface Call {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly json?: unknown;
  readonly body?: string;
  readonly query?: string;
  readonly remoteAddress?: string;
}

/** `twin.handle` plus JSON parsing of the answer. */
export function call(twin: Twin, path: string, request: Call = {}): TwinResponse & { json: unknown } {
  const body = request.json === undefined ? (request.body ?? '') : JSON.stringify(request.json);
  const headers: Record<string, string> = {
    ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
    // A request off a socket always has a Host; in-process calls (no address) need none.
    ...(request.remoteAddress === undefined ? {} : { host: '127.0.0.1:4010' }),
    ...request.headers,
  };
  const twinRequest: TwinRequest = {
    method: request.method ?? (body === '' ? 'GET' : 'POST'),
    path,
    query: request.query ?? '',
    headers,
    body,
    ...(request.remoteAddress === undefined ? {} : { remoteAddress: request.remoteAddress }),
  };
  const res = twin.handle(twinRequest);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { ...res, json };
}
