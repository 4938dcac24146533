import { unboundedMeter } from '../../../../src/core/byte-budget.ts';
import { readFileSync } from 'node:fs';
import { OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';
import { documentedStatuses, responseErrors } from '../../../support/spec-responses.ts';
import { expect } from 'vitest';
import { seededRandom } from '../../../support/seeded-random.ts';

export { seededRandom };
import type { ApiSession, ParsedInput } from '../../../../src/core/api.ts';
import type { Deps, JsonResponse } from '../../../../src/core/types.ts';
import { DEFAULT_FIXTURES_DIR } from '../../../../src/config.ts';
import { loadRoamFixtures } from '../../../../src/apis/roam/fixtures.ts';

/** Keys and ids of fixtures/default/roam.json. */
export const KEY_1 = '289eb8eb262140629664078bec76d60c';
export const KEY_2 = 'a88d1dddd5ec4be18d7009e0ed4ad59f';
export const PROJECT_1 = '620e3ab8dea1d50efec54581';
export const ACCOUNT_1 = '620e3a9cdea1d50efec5456f';
export const PROJECT_2 = '60094dd8ffb3fb482ec5cdc3';
export const USER_A = '62eb672606f8a0093ab8e3ab';
export const USER_B = '621e0782aa28db38198093e6';
export const USER_C = '621e078684540e101ead29e1';
export const USER_OTHER = '62135419cc5d8960bf735b3f';
export const GROUP_OTHER = '600959fdffb3fb11b5c66b58';


/** A clock the test moves by hand. */
export function manualClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start);
  return { now: () => new Date(current), set: (iso) => (current = new Date(iso)) };
}

/** Pinned deps: the vendor's example instant (research/roam.md §4) and a seeded random. */
export function pinnedDeps(start = '2022-09-14T09:23:51.456Z'): Deps & { clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(start);
  return { now: clock.now, random: seededRandom(42), clock };
}

/** A fresh session of the default fixtures. */
export async function freshSession(deps: Deps = pinnedDeps()): Promise<ApiSession> {
  const factory = await loadRoamFixtures(DEFAULT_FIXTURES_DIR, deps);
  return factory.fresh(unboundedMeter());
}

/** Authenticates with `key` and runs `operationId` with `body`/`query`, as the core would after validation. */
export function call(session: ApiSession, operationId: string, key: string, input: Partial<ParsedInput> = {}): JsonResponse {
  const auth = session.authenticate(operationId, { 'api-key': key });
  if (!auth.ok) return auth.response;
  return auth.run(operationId, { body: input.body, query: input.query ?? {}, params: {}, headers: input.headers ?? { 'api-key': key } });
}

let backend: Promise<OpenAPIBackend> | undefined;

/** openapi-backend over openapi/roam.yaml (full document validation, not quick). */
export function roamBackend(): Promise<OpenAPIBackend> {
  if (!backend) {
    const definition: unknown = parse(readFileSync(new URL('../../../../openapi/roam.yaml', import.meta.url), 'utf8'));
    // openapi-backend types its definition as a Document; the YAML is our own spec.
    backend = new OpenAPIBackend({ definition: definition as never, strict: true }).init();
  }
  return backend;
}

/** Asserts `response` is documented for `operationId` and its body validates against the spec. */
export function expectDocumented(operationId: string, response: JsonResponse): Promise<void> {
  expect(documentedStatuses('roam', operationId)).toContain(String(response.status));
  expect(responseErrors('roam', operationId, response.status, response.body), JSON.stringify(response.body)).toEqual([]);
  return Promise.resolve();
}

/** The body as a plain JSON value (for toEqual and key-order checks). */
export function json(response: JsonResponse): unknown {
  return JSON.parse(JSON.stringify(response.body));
}
