import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/**
 * Response checks against the specs, compiled one schema at a time as tests reach them.
 *
 * It reads the dereferenced definition that `npm run generate` commits next to the types
 * (`src/generated/<api>.openapi.json`, kept fresh by `npm run check`), so no `$ref` is left to
 * resolve. Building openapi-backend over the whole Rocket.Chat spec compiles every request
 * validator first (~2.4 s per test file on the CI machine); a test file checks a handful of
 * responses, so compiling only those keeps each file's cost to what it uses.
 */

type Json = Record<string, unknown>;
type Api = 'rocketchat' | 'roam' | 'admin';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

// Formats are checked: what the twin answers must be usable by a client (a date-time a
// `new Date()` can read, an email, a uri), not only of the right JSON type.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
// ajv-formats is CommonJS (`module.exports = plugin; exports.default = plugin`); under NodeNext
// the default import is the module object, whose `default` is the plugin.
ajvFormats.default(ajv);

const operationsByApi = new Map<Api, Map<string, Json>>();
const compiled = new WeakMap<object, ValidateFunction>();

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function operations(api: Api): Map<string, Json> {
  let byId = operationsByApi.get(api);
  if (byId) return byId;
  const file: unknown = JSON.parse(readFileSync(new URL(`../../src/generated/${api}.openapi.json`, import.meta.url), 'utf8'));
  const definition = isObject(file) ? file.definition : undefined;
  const paths = isObject(definition) && isObject(definition.paths) ? definition.paths : {};
  byId = new Map();
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (METHODS.has(method) && isObject(operation) && typeof operation.operationId === 'string') byId.set(operation.operationId, operation);
    }
  }
  operationsByApi.set(api, byId);
  return byId;
}

/** The statuses `operationId` documents, or `undefined` when the spec has no such operation. */
export function documentedStatuses(api: Api, operationId: string): string[] | undefined {
  const operation = operations(api).get(operationId);
  if (!operation) return undefined;
  return isObject(operation.responses) ? Object.keys(operation.responses) : [];
}

/**
 * Why `body` is not the documented JSON body of `operationId`'s `status` (its own entry, else
 * `default`): one line per ajv error, empty when it validates or the response has no JSON schema.
 */
export function responseErrors(api: Api, operationId: string, status: number, body: unknown): string[] {
  const operation = operations(api).get(operationId);
  if (!operation) return [`openapi/${api}.yaml has no operation ${operationId}`];
  const responses = isObject(operation.responses) ? operation.responses : {};
  const response = responses[String(status)] ?? responses.default;
  if (!isObject(response)) return [`${operationId} documents no ${status} response`];
  const content = isObject(response.content) ? response.content['application/json'] : undefined;
  const schema = isObject(content) ? content.schema : undefined;
  if (!isObject(schema)) return [];
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
}
