import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as errors from '../../../../src/apis/roam/errors.ts';
import { QUERY_RULES } from '../../../../src/apis/roam/query-params.ts';
import { expectDocumented, roamBackend } from './support.ts';

const OPERATIONS = ['createGroup', 'getGroups', 'updateGroup', 'addUsersToGroup', 'addUsersToGroupPut', 'createUser', 'getUser'];

interface MediaType {
  readonly schema?: unknown;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every (operationId, status, example name, value, schema) of the dereferenced spec. */
async function documentedExamples(): Promise<[string, number, string, unknown, unknown][]> {
  const api = await roamBackend();
  const rows: [string, number, string, unknown, unknown][] = [];
  for (const operationId of OPERATIONS) {
    const responses = api.getOperation(operationId)?.responses ?? {};
    for (const [status, response] of Object.entries(responses)) {
      const content: unknown = isRecord(response) ? response.content : undefined;
      const media = (isRecord(content) ? content['application/json'] : undefined) as MediaType | undefined;
      expect(media?.example, `${operationId} ${status} uses named examples`).toBeUndefined();
      const examples = Object.entries(media?.examples ?? {});
      expect(examples.length, `${operationId} ${status} has named examples`).toBeGreaterThan(0);
      for (const [name, example] of examples) rows.push([operationId, Number(status), name, example.value, media?.schema]);
    }
  }
  return rows;
}

describe('openapi/roam.yaml', () => {
  it('passes openapi-backend document validation and has exactly the seven operations', async () => {
    const api = await roamBackend();
    expect(api.getOperations().map((o) => o.operationId).sort()).toEqual([...OPERATIONS].sort());
  });

  it('declares Api-Key as a global apiKey security scheme, never as a header parameter', async () => {
    const doc: unknown = parse(readFileSync(new URL('../../../../openapi/roam.yaml', import.meta.url), 'utf8'));
    expect(doc).toMatchObject({
      security: [{ ApiKey: [] }],
      components: { securitySchemes: { ApiKey: { type: 'apiKey', in: 'header', name: 'Api-Key' } } },
      servers: [{ url: 'http://127.0.0.1:4010' }, { url: 'https://api.roam.ai' }],
    });
    const api = await roamBackend();
    const headerParams = api.getOperations().flatMap((o) => (o.parameters ?? []).filter((p) => 'in' in p && p.in === 'header'));
    expect(headerParams).toEqual([]);
  });

  it('documents 401 and 413 on every operation', async () => {
    const api = await roamBackend();
    for (const id of OPERATIONS) expect(Object.keys(api.getOperation(id)?.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '413']));
  });

  it('every named example validates against its schema (openapi-backend and JSON Schema 2020-12)', async () => {
    const api = await roamBackend();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const rows = await documentedExamples();
    expect(rows.length).toBeGreaterThan(40);
    for (const [operationId, status, name, value, schema] of rows) {
      const result = api.validateResponse(value, operationId, status);
      expect(result.errors ?? [], `${operationId} ${status} ${name}`).toEqual([]);
      const validate = ajv.compile(isRecord(schema) ? schema : {});
      expect(validate(value), `${operationId} ${status} ${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('declares the query parameters query-params.ts checks', async () => {
    const api = await roamBackend();
    for (const [operationId, rules] of Object.entries(QUERY_RULES)) {
      const names = (api.getOperation(operationId)?.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'query' ? [p.name] : []));
      expect(names, operationId).toEqual(Object.keys(rules));
    }
  });
});

describe('errors.ts envelopes (research/roam.md §3a)', () => {
  it('reproduces the documented bodies byte for byte', () => {
    expect(JSON.stringify(errors.missingApiKey().body)).toBe(
      '{"status":true,"msg":"No Api key in Header provided","code":401,"error":{"ErrorCode":"GS401","ErrorMessage":"Invalid Api key","details":"No Api key in Header provided"}}',
    );
    expect(JSON.stringify(errors.invalidApiKey().body)).toBe(
      '{"status":true,"msg":"Invalid Api key.","code":401,"error":{"ErrorCode":"GS401","ErrorMessage":"Invalid Api key","details":"Invalid Api key."}}',
    );
    expect(JSON.stringify(errors.malformedBody().body)).toBe('{"status":false,"msg":"Unknown Error.","code":400,"error":{"ErrorCode":"GS400","ErrorMessage":"An error occured"}}');
    expect(JSON.stringify(errors.fieldErrors({ description: ['Not a valid string.'] }).body)).toBe(
      '{"status":false,"msg":"Error Occured.","code":400,"error":{"ErrorCode":"GS402","ErrorMessage":"Invalid request","details":{"description":["Not a valid string."]}}}',
    );
    expect(JSON.stringify(errors.doesNotExist('Group').body)).toBe(
      '{"status":false,"msg":"Error Occured.","code":400,"error":{"ErrorCode":"GS400","ErrorMessage":"An error occured","details":"Group does not exist."}}',
    );
    expect(JSON.stringify(errors.payloadTooLarge().body)).toBe(
      '{"status":false,"msg":"Request entity too large.","code":413,"error":{"ErrorCode":"GS413","ErrorMessage":"Request entity too large"}}',
    );
  });

  it.each(OPERATIONS)('validate against the schemas of %s', async (operationId) => {
    for (const response of [
      errors.missingApiKey(),
      errors.invalidApiKey(),
      errors.malformedBody(),
      errors.fieldErrors({ users: { '0': ['"abc" is not a valid ObjectId.'] } }),
      errors.doesNotExist('User'),
      errors.limitReached('Group'),
      errors.unknownUsers(['62eb672606f8a0093ab8e3ac', '62135419cc5d8960bf735b3f']),
      errors.payloadTooLarge(),
    ]) {
      await expectDocumented(operationId, response);
    }
  });
});
