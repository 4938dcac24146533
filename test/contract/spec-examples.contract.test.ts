import { describe, expect, it } from 'vitest';
import { expectConforms } from '../support/conform.ts';
import { send, uniqueName, type WireResponse } from '../support/http.ts';
import {
  DEFAULT_CREDENTIALS,
  SPEC_APIS,
  documentedResponse,
  encodeBody,
  loadSpec,
  operationsOf,
  requestExamplesOf,
  requestTarget,
  shapeDifferences,
  type SpecApi,
  type SpecOperation,
} from '../support/spec-examples.ts';

/**
 * Generated from the specs: every named request example of every operation and media type, sent
 * as is to a fresh session of the default fixtures with the API's default credentials, answers
 * the response its `x-twin-response` names (status, schema, and the named example: exactly for an
 * error, by shape for a success, whose ids and timestamps differ). Path and query parameters come
 * from the parameters' own examples (one named like the request example first).
 *
 * Also generated: an operation whose `requestBody.required` is true never answers 2xx without a
 * body, and one that does answer 2xx without a body does not say `required: true`.
 *
 * A fresh session is a new `X-Mock-Session` id per request; the admin API names the session it
 * acts on with its `session` query parameter instead, so that parameter is the fresh id.
 */

function freshSession(api: SpecApi, label: string): { headers: Record<string, string>; overrides: Record<string, string> } {
  const session = uniqueName(`examples-${label}`);
  return { headers: { 'X-Mock-Session': session }, overrides: api === 'admin' ? { session } : {} };
}

function context(label: string, res: WireResponse): string {
  return `${label}: answered ${res.status} ${res.text.slice(0, 400)}`;
}

/** What `x-twin-response` must be for an operation; `undefined` when it is fine. */
function pairingProblem(spec: ReturnType<typeof loadSpec>, op: SpecOperation, pairing: unknown): string | undefined {
  if (typeof pairing !== 'object' || pairing === null || Array.isArray(pairing)) {
    return 'has no x-twin-response: { status, example? } naming the response it is paired with';
  }
  const { status, example, ...rest } = pairing as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `x-twin-response has unknown keys ${Object.keys(rest).join(', ')}`;
  if (typeof status !== 'string') return `x-twin-response.status must be a status code as a string, not ${JSON.stringify(status)}`;
  const response = documentedResponse(spec, op, status);
  if (!response) return `x-twin-response.status ${status} is not a documented response of ${op.operationId}`;
  if (example === undefined) return undefined;
  if (typeof example !== 'string') return `x-twin-response.example must be a name, not ${JSON.stringify(example)}`;
  if (!(example in response.examples)) {
    return `x-twin-response.example "${example}" is not a named example of ${op.operationId}'s ${status} (${Object.keys(response.examples).join(', ')})`;
  }
  return undefined;
}

for (const api of SPEC_APIS) {
  const spec = loadSpec(api);
  const credentials = DEFAULT_CREDENTIALS[api];

  describe(`openapi/${api}.yaml: every named request example replays against the default fixtures`, () => {
    const examples = requestExamplesOf(api, spec);

    it('has named request examples', () => {
      expect(examples.length, `openapi/${api}.yaml names no request example`).toBeGreaterThan(0);
    });

    for (const example of examples) {
      it(`${example.op.operationId} ${example.mediaType} "${example.name}"`, async () => {
        const problem = pairingProblem(spec, example.op, example.twinResponse);
        if (problem !== undefined) expect.fail(`${example.label} ${problem}`);
        const pairing = example.twinResponse as { status: string; example?: string };

        const session = freshSession(api, example.name);
        const { path, query } = requestTarget(example.op, example.name, session.overrides);
        for (const parameter of example.op.parameters) {
          if (parameter.required && parameter.value === undefined && !(example.name in parameter.named)) {
            expect.fail(`${example.label}: required ${parameter.in} parameter "${parameter.name}" has no example`);
          }
        }
        const res = await send(path, {
          method: example.op.method,
          query,
          headers: { ...credentials, ...session.headers, 'content-type': example.mediaType },
          body: encodeBody(example.mediaType, example.value),
        });

        expect(String(res.status), `${context(example.label, res)}; x-twin-response.status is ${pairing.status}`).toBe(pairing.status);
        await expectConforms(api, example.op.operationId, res);
        if (pairing.example === undefined) return;
        const expected = documentedResponse(spec, example.op, pairing.status)?.examples[pairing.example];
        if (res.status >= 300) {
          expect(res.json, `${example.label}: the body is not the ${pairing.status} example "${pairing.example}"`).toEqual(expected);
        } else {
          const differences = shapeDifferences(res.json, expected);
          expect(differences, `${context(example.label, res)}; its shape differs from the ${pairing.status} example "${pairing.example}"`).toEqual([]);
        }
      });
    }
  });

  const withBody = operationsOf(api, spec).filter((op) => Object.keys(op.content).length > 0);
  describe(`openapi/${api}.yaml: requestBody.required matches what the twin does without a body`, () => {
    for (const op of withBody) {
      it(`${op.operationId} (required: ${op.bodyRequired})`, async () => {
        const session = freshSession(api, op.operationId);
        const { path, query } = requestTarget(op, undefined, session.overrides);
        const res = await send(path, { method: op.method, query, headers: { ...(op.secured ? credentials : {}), ...session.headers } });
        const label = `openapi/${api}.yaml ${op.method} ${op.path} (${op.operationId}) without a body`;
        const success = res.status >= 200 && res.status < 300;
        if (op.bodyRequired) {
          expect(success, `${context(label, res)}: requestBody.required is true, so no body must not succeed (or the spec must not say required)`).toBe(false);
        }
        if (success) expect(op.bodyRequired, `${context(label, res)}: the twin accepts no body, so requestBody.required must not be true`).toBe(false);
      });
    }
  });
}
