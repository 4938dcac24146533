import { expect } from 'vitest';
import type { WireResponse } from './http.ts';
import { documentedStatuses, responseErrors } from './spec-responses.ts';

/**
 * Asserts that `res` is a response the spec documents for `operationId`: its status is listed,
 * its content type is JSON, and its body validates against that status's schema (formats too).
 */
export function expectConforms(api: 'rocketchat' | 'roam' | 'admin', operationId: string, res: WireResponse): Promise<void> {
  const documented = documentedStatuses(api, operationId);
  expect(documented, `operation ${operationId} in openapi/${api}.yaml`).toBeDefined();
  expect(documented, `status ${res.status} documented for ${operationId}`).toContain(String(res.status));
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(responseErrors(api, operationId, res.status, res.json), `${operationId} ${res.status} body: ${res.text}`).toEqual([]);
  // A promise, so callers written for an asynchronous check keep working unchanged.
  return Promise.resolve();
}
