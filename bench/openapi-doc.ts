// Generates a petstore-like OpenAPI 3.1 document with many operations, for the spec-size tests
// and benchmarks: every resource `r<i>` has list, create, read, update and delete (five operations
// each), with shared component schemas, an API key, paging parameters and a named example.
//   node --import tsx bench/openapi-doc.ts OPERATIONS OUT [--pad BYTES] [--json]
// `--pad` adds descriptions until the document is about BYTES long (the start-up goal is measured
// on a 5 MB document). The first resource is always `pets`, so one request works at every size.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

/** Options of `generateDocument`. */
export interface GenerateOptions {
  /** Operations in the document (at least six). */
  readonly operations: number;
  /** Pad descriptions until the serialised document is about this many bytes. */
  readonly padBytes?: number;
}

type Json = Record<string, unknown>;

/** The document, as a plain object. */
export function generateDocument(options: GenerateOptions): Json {
  // Five operations per resource, one `GET /status` answered from its example, and single-operation
  // paths to make up the exact count.
  const resources = Math.max(1, Math.floor((options.operations - 1) / 5));
  const extra = Math.max(0, options.operations - 1 - resources * 5);
  const paths: Json = {};
  const schemas: Json = {
    Problem: {
      type: 'object',
      required: ['type', 'title', 'status'],
      properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } },
    },
  };
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  // Twelve padded descriptions per resource share what the unpadded document leaves to the goal.
  const base = options.padBytes === undefined ? 0 : JSON.stringify(generateDocument({ operations: options.operations })).length;
  const padding = options.padBytes === undefined ? '' : 'x'.repeat(Math.max(0, Math.floor((options.padBytes - base) / (resources * 12)) - 1));
  for (let i = 0; i < resources; i += 1) {
    const name = i === 0 ? 'pets' : `r${i}`;
    const Item = i === 0 ? 'Pet' : `R${i}`;
    const describe = (text: string) => (padding === '' ? text : `${text} ${padding}`);
    schemas[Item] = {
      type: 'object',
      description: describe(`One ${name} item.`),
      required: ['id', 'name'],
      properties: {
        id: { type: 'integer', format: 'int64', minimum: 1, description: describe('Identifier.') },
        name: { type: 'string', minLength: 1, maxLength: 100, description: describe('Name.') },
        tag: { type: 'string', description: describe('Free tag.') },
        createdAt: { type: 'string', format: 'date-time', description: describe('Creation time.') },
      },
    };
    schemas[`${Item}Input`] = {
      type: 'object',
      description: describe(`What a client sends to create or replace a ${name} item.`),
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, tag: { type: 'string' } },
    };
    const ref = { $ref: `#/components/schemas/${Item}` };
    const input = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${Item}Input` } } } };
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int64', minimum: 1 } };
    paths[`/${name}`] = {
      get: {
        operationId: `list${Item}`,
        summary: `List ${name}`,
        description: describe(`Every ${name} item, in creation order.`),
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': { description: 'The items.', content: { 'application/json': { schema: { type: 'array', items: ref } } } },
          '401': problem('No API key.'),
        },
      },
      post: {
        operationId: `create${Item}`,
        summary: `Create a ${name} item`,
        description: describe(`Stores a new ${name} item.`),
        requestBody: input,
        responses: {
          '201': {
            description: 'Created.',
            content: { 'application/json': { schema: ref, examples: { created: { summary: 'A new item', value: { id: 1, name: 'Rex', tag: 'dog', createdAt: '2026-11-22T10:00:00Z' } } } } },
          },
          '400': problem('Invalid request.'),
          '401': problem('No API key.'),
        },
      },
    };
    paths[`/${name}/{id}`] = {
      parameters: [idParam],
      get: {
        operationId: `get${Item}`,
        summary: `Read a ${name} item`,
        description: describe('One item.'),
        responses: {
          '200': { description: 'The item.', content: { 'application/json': { schema: ref } } },
          '401': problem('No API key.'),
          '404': problem('No such item.'),
        },
      },
      put: {
        operationId: `replace${Item}`,
        summary: `Replace a ${name} item`,
        description: describe('Replaces the item.'),
        requestBody: input,
        responses: {
          '200': { description: 'The item.', content: { 'application/json': { schema: ref } } },
          '400': problem('Invalid request.'),
          '401': problem('No API key.'),
          '404': problem('No such item.'),
        },
      },
      delete: {
        operationId: `delete${Item}`,
        summary: `Delete a ${name} item`,
        description: describe('Deletes the item.'),
        responses: { '204': { description: 'Deleted.' }, '401': problem('No API key.'), '404': problem('No such item.') },
      },
    };
  }
  paths['/status'] = {
    get: {
      operationId: 'getStatus',
      summary: 'Service status (public, answered from its example)',
      security: [],
      responses: {
        '200': {
          description: 'The status.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' }, examples: { ok: { summary: 'Healthy', value: { status: 'ok', version: '1.0.0', items: 2 } } } } },
        },
      },
    },
  };
  schemas.Status = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok', 'degraded'] }, version: { type: 'string' }, items: { type: 'integer' } } };
  for (let i = 0; i < extra; i += 1) {
    paths[`/extra${i}`] = { get: { operationId: `extra${i}`, summary: 'Filler', responses: { '200': { description: 'Fixed.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' } } } } } } };
  }
  return {
    openapi: '3.1.0',
    info: { title: `Generated store (${resources * 5 + 1 + extra} operations)`, version: '1.0.0' },
    security: [{ apiKey: [] }],
    paths,
    components: { schemas, securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
  };
}

/** The document as YAML (or JSON) text. */
export function documentText(options: GenerateOptions, format: 'yaml' | 'json' = 'yaml'): string {
  const doc = generateDocument(options);
  return format === 'json' ? `${JSON.stringify(doc, null, 1)}\n` : stringify(doc, { aliasDuplicateObjects: false });
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { pad: { type: 'string' }, json: { type: 'boolean' } } });
  const [operations = '2000', out] = positionals;
  const text = documentText({ operations: Number(operations), ...(values.pad === undefined ? {} : { padBytes: Number(values.pad) }) }, values.json === true ? 'json' : 'yaml');
  if (out === undefined) process.stdout.write(text);
  else writeFileSync(out, text);
}
