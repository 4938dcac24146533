import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import { expect } from 'vitest';
import { fromRoot } from '../../src/paths.ts';
import type { WireResponse } from './http.ts';

/**
 * Checks answers against a served document independently of the twin's own loader: the document
 * is read and dereferenced by openapi-backend (json-schema-ref-parser, across files), and each
 * body is validated with a fresh ajv (JSON Schema 2020-12 for OpenAPI 3.1) against the schema the
 * document gives for the answered status and media type.
 */
const documents = new Map<string, Promise<{ operations: Map<string, Operation>; draft2020: boolean }>>();

function load(file: string) {
  let loaded = documents.get(file);
  if (!loaded) {
    loaded = new OpenAPIBackend({ definition: fromRoot(file), quick: true, strict: true }).init().then((backend) => {
      const definition: Document = backend.definition;
      return { operations: new Map(backend.getOperations().map((op) => [op.operationId ?? `${op.method.toUpperCase()} ${op.path}`, op])), draft2020: definition.openapi.startsWith('3.1') };
    });
    documents.set(file, loaded);
  }
  return loaded;
}

const options = { strict: false, allErrors: true, validateFormats: false } as const;
const ajv07 = new Ajv(options);
const ajv20 = new Ajv2020(options);

/**
 * Asserts that `res` is an answer `file` documents for `operationId`: the status (or its range, or
 * `default`) is listed, the content type is one of that response's media types, and the body
 * validates against its schema. A response without content must come without a body.
 */
export async function expectDocumented(file: string, operationId: string, res: WireResponse): Promise<void> {
  const { operations, draft2020 } = await load(file);
  const operation = operations.get(operationId);
  expect(operation, `${operationId} in ${file}`).toBeDefined();
  const responses = (operation?.responses ?? {}) as Record<string, { content?: Record<string, { schema?: object }> }>;
  const code = String(res.status);
  const response = responses[code] ?? responses[`${code.charAt(0)}XX`] ?? responses.default;
  expect(response, `status ${res.status} documented for ${operationId} (${Object.keys(responses).join(', ')})`).toBeDefined();
  const content = response?.content;
  if (content === undefined || Object.keys(content).length === 0) {
    expect(res.text, `${operationId} ${res.status} has no documented body`).toBe('');
    return;
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  expect(Object.keys(content), `${operationId} ${res.status} media types`).toContain(type);
  const schema = content[type]?.schema;
  if (schema === undefined) return;
  const validate = (draft2020 ? ajv20 : ajv07).compile(schema);
  const ok = validate(res.json);
  expect(ok ? [] : validate.errors, `${operationId} ${res.status} body ${res.text.slice(0, 500)}`).toEqual([]);
}
