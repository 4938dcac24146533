import type { Meter } from '../../../../src/core/byte-budget.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { documentedStatuses, responseErrors } from '../../../support/spec-responses.ts';
import { expect } from 'vitest';
import { seededRandom } from '../../../support/seeded-random.ts';

export { seededRandom };
import type { ApiSession, ParsedInput } from '../../../../src/core/api.ts';
import { readFixtureFile } from '../../../../src/core/fixtures.ts';
import type { Deps, JsonResponse } from '../../../../src/core/types.ts';
import { DEFAULT_FIXTURES_DIR } from '../../../../src/config.ts';
import { fixtureSchema, type RocketChatFixture } from '../../../../src/apis/rocketchat/fixture-format.ts';
import type { StoredUser } from '../../../../src/apis/rocketchat/model.ts';
import { seedStore } from '../../../../src/apis/rocketchat/seed-store.ts';
import { createRocketChatSession, type RocketChatOptions } from '../../../../src/apis/rocketchat/session.ts';
import type { RocketChatStore, StoreLimits } from '../../../../src/apis/rocketchat/store/store.ts';

/** Ids and credentials of fixtures/default/rocketchat.json. */
export const TESTER_ID = 'rbAXPnMktTFbNpwtJ';
export const TESTER_TOKEN = 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f';
export const LIMITED_ID = 'vWxKq8Rm3NbTz5Hye';
export const LIMITED_TOKEN = 'limited-user-token-6bM2qX8vR4tN9wK3pZ7yH5jD1fG';
export const TEAM_ID = '658441562dd9f928ad9951aa';
export const PINNED_NOW = '2025-01-15T10:00:00.000Z';


/** A clock the test moves by hand, plus a seeded random. */
export function pinnedDeps(start = PINNED_NOW): Deps & { set: (iso: string) => void } {
  let current = new Date(start);
  return { now: () => new Date(current), random: seededRandom(7), set: (iso) => (current = new Date(iso)) };
}

/** The default fixture, validated by the same schema the twin uses. */
export const defaultFixture: RocketChatFixture = await readFixtureFile(DEFAULT_FIXTURES_DIR, 'rocketchat.json', fixtureSchema);

/** A fresh store of the default fixture. */
export function freshStore(limits?: StoreLimits, meter?: Meter): RocketChatStore {
  return seedStore(defaultFixture, meter, limits);
}

/** A user of the store that must exist. */
export function userOf(store: RocketChatStore, username: string): StoredUser {
  const user = store.users.byUsername(username);
  if (!user) throw new Error(`no fixture user ${username}`);
  return user;
}

/** A session over `store` (default: a fresh one). */
export function freshSession(deps: Deps = pinnedDeps(), options?: RocketChatOptions, store = freshStore()): ApiSession {
  return createRocketChatSession(store, deps, options);
}

/** Auth headers of a fixture user. */
export function authHeaders(userId = TESTER_ID, token = TESTER_TOKEN): Record<string, string> {
  return { 'x-user-id': userId, 'x-auth-token': token };
}

/** Authenticates with `headers` and runs `operationId`, as the core does after validation. */
export function call(
  session: ApiSession,
  operationId: string,
  input: { body?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> } = {},
): JsonResponse {
  const headers = input.headers ?? authHeaders();
  const auth = session.authenticate(operationId, headers);
  if (!auth.ok) return auth.response;
  const parsed: ParsedInput = { body: input.body, query: input.query ?? {}, params: {}, headers };
  return auth.run(operationId, parsed);
}

let parsedSpec: unknown;

/** The parsed YAML of openapi/rocketchat.yaml (read on first use). */
export function specDocument(): unknown {
  parsedSpec ??= parse(readFileSync(new URL('../../../../openapi/rocketchat.yaml', import.meta.url), 'utf8'));
  return parsedSpec;
}

/** Asserts `response` is documented for `operationId` and its body validates against the spec. */
export function expectDocumented(operationId: string, response: JsonResponse): Promise<void> {
  expect(documentedStatuses('rocketchat', operationId)).toContain(String(response.status));
  expect(responseErrors('rocketchat', operationId, response.status, response.body), JSON.stringify(response.body)).toEqual([]);
  return Promise.resolve();
}
