import { readFileSync } from 'node:fs';
import { OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { WireResponse } from './http.ts';

const backends = new Map<string, Promise<OpenAPIBackend>>();

function backendFor(api: string): Promise<OpenAPIBackend> {
  let backend = backends.get(api);
  if (!backend) {
    const definition: unknown = parse(readFileSync(new URL(`../../openapi/${api}.yaml`, import.meta.url), 'utf8'));
    // openapi-backend types its definition as a Document; the YAML was parsed from our own spec.
    backend = new OpenAPIBackend({ definition: definition as never }).init();
    backends.set(api, backend);
  }
  return backend;
}

/**
 * Asserts that `res` is a response the spec documents for `operationId`: its status is listed,
 * its content type is JSON, and its body validates against that status's schema.
 */
export async function expectConforms(api: string, operationId: string, res: WireResponse): Promise<void> {
  const backend = await backendFor(api);
  const operation = backend.getOperation(operationId);
  expect(operation, `operation ${operationId} in openapi/${api}.yaml`).toBeDefined();
  const documented = Object.keys(operation?.responses ?? {});
  expect(documented, `status ${res.status} documented for ${operationId}`).toContain(String(res.status));
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const result = backend.validateResponse(res.json, operationId, res.status);
  expect(result.errors ?? [], `${operationId} ${res.status} body: ${res.text}`).toEqual([]);
}
