import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * The specs' named request examples, read straight from `openapi/*.yaml`, for tests that replay
 * them. Every named Example Object under `requestBody.content.<media>.examples` carries
 * `x-twin-response: { status, example? }`: the response the spec pairs that request with when it
 * is sent to a fresh session of the default fixtures.
 */

export const SPEC_APIS = ['rocketchat', 'roam', 'admin'] as const;
export type SpecApi = (typeof SPEC_APIS)[number];

/**
 * Each API's default credentials in the bundled fixtures: Rocket.Chat's fixture user `tester`,
 * Roam's first project key; the admin API needs none from a loopback client.
 */
export const DEFAULT_CREDENTIALS: Record<SpecApi, Record<string, string>> = {
  rocketchat: { 'X-Auth-Token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'X-User-Id': 'rbAXPnMktTFbNpwtJ' },
  roam: { 'Api-Key': '289eb8eb262140629664078bec76d60c' },
  admin: {},
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type Json = Record<string, unknown>;

/** The parsed spec document of one API (YAML anchors resolved, `$ref`s kept). */
export function loadSpec(api: SpecApi): Json {
  return parse(readFileSync(new URL(`../../openapi/${api}.yaml`, import.meta.url), 'utf8'), { maxAliasCount: -1 }) as Json;
}

/** Follows local `$ref`s (`#/a/b`) until an object without one. */
export function resolve(spec: Json, node: unknown): Json {
  let current = node;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops += 1) {
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) throw new Error(`only local $refs are supported: ${pointer}`);
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), spec);
  }
  return isObject(current) ? current : {};
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parameter of an operation, with the value its own `example`/`examples` gives. */
export interface ParameterExample {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  /** Its `example`, or its first named example (`undefined` when it has none). */
  readonly value: unknown;
  /** Its named `examples`: one named like a request example is used with that request example. */
  readonly named: Record<string, unknown>;
}

/** One operation of a spec, with its resolved pieces. */
export interface SpecOperation {
  readonly api: SpecApi;
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly operation: Json;
  readonly parameters: readonly ParameterExample[];
  /** `requestBody.required`. */
  readonly bodyRequired: boolean;
  /** The resolved `requestBody.content` (empty without a body). */
  readonly content: Record<string, Json>;
  /** Does the operation (or the spec) require credentials? */
  readonly secured: boolean;
}

/** A named request example and the response it is paired with. */
export interface RequestExample {
  readonly op: SpecOperation;
  readonly mediaType: string;
  readonly name: string;
  readonly value: unknown;
  /** `x-twin-response` as written (`undefined` when missing). */
  readonly twinResponse: unknown;
  /** "rocketchat groupsCreate application/json teamBroadcast", for failure messages. */
  readonly label: string;
}

function parameterValue(parameter: Json): unknown {
  if ('example' in parameter) return parameter.example;
  if (isObject(parameter.examples)) {
    const first = Object.values(parameter.examples)[0];
    if (isObject(first)) return first.value;
  }
  const schema = parameter.schema;
  if (isObject(schema)) {
    if ('example' in schema) return schema.example;
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  }
  return undefined;
}

/** Every operation of a spec, in document order. */
export function operationsOf(api: SpecApi, spec: Json = loadSpec(api)): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const paths = spec.paths as Record<string, Json>;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(spec, rawItem);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const merged = new Map<string, Json>();
      for (const raw of [...((item.parameters as unknown[] | undefined) ?? []), ...((operation.parameters as unknown[] | undefined) ?? [])]) {
        const parameter = resolve(spec, raw);
        merged.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
      }
      const parameters = [...merged.values()].map((parameter) => ({
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        value: parameterValue(parameter),
        named: Object.fromEntries(
          Object.entries(isObject(parameter.examples) ? parameter.examples : {}).map(([name, example]) => [name, resolve(spec, example).value]),
        ),
      }));
      const body = operation.requestBody === undefined ? undefined : resolve(spec, operation.requestBody);
      const content: Record<string, Json> = {};
      for (const [media, raw] of Object.entries((body?.content as Record<string, unknown> | undefined) ?? {})) content[media] = resolve(spec, raw);
      const security = (operation.security ?? spec.security ?? []) as Json[];
      operations.push({
        api,
        method: method.toUpperCase(),
        path,
        operationId: String(operation.operationId),
        operation,
        parameters,
        bodyRequired: body?.required === true,
        content,
        secured: security.some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  return operations;
}

/** Every named request example of a spec: every operation, every media type, every name. */
export function requestExamplesOf(api: SpecApi, spec: Json = loadSpec(api)): RequestExample[] {
  const examples: RequestExample[] = [];
  for (const op of operationsOf(api, spec)) {
    for (const [mediaType, media] of Object.entries(op.content)) {
      for (const [name, raw] of Object.entries((media.examples as Record<string, unknown> | undefined) ?? {})) {
        const example = resolve(spec, raw);
        examples.push({
          op,
          mediaType,
          name,
          value: example.value,
          twinResponse: example['x-twin-response'],
          label: `openapi/${api}.yaml ${op.method} ${op.path} (${op.operationId}) ${mediaType} example "${name}"`,
        });
      }
    }
  }
  return examples;
}

/** A documented response of an operation: its schema and named examples (JSON media type). */
export interface DocumentedResponse {
  readonly schema: unknown;
  readonly examples: Record<string, unknown>;
}

/** The documented response for `status` (`undefined` when the operation does not list it). */
export function documentedResponse(spec: Json, op: SpecOperation, status: string): DocumentedResponse | undefined {
  const responses = (op.operation.responses ?? {}) as Record<string, unknown>;
  if (!(status in responses)) return undefined;
  const response = resolve(spec, responses[status]);
  const content = (response.content ?? {}) as Record<string, unknown>;
  const media = resolve(spec, content['application/json'] ?? Object.values(content)[0] ?? {});
  const examples: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries((media.examples as Record<string, unknown> | undefined) ?? {})) examples[name] = resolve(spec, raw).value;
  return { schema: media.schema, examples };
}

/**
 * The request line of an operation: its path with the path parameters filled in, and its query.
 * A parameter's named example called like the request example (`exampleName`) is used; otherwise
 * a required parameter takes its `example` and an optional one is left out. `overrides` win.
 */
export function requestTarget(op: SpecOperation, exampleName?: string, overrides: Record<string, string> = {}): { path: string; query: Record<string, string> } {
  let path = op.path;
  const query: Record<string, string> = {};
  for (const parameter of op.parameters) {
    let value: unknown;
    if (parameter.name in overrides) value = overrides[parameter.name];
    else if (exampleName !== undefined && exampleName in parameter.named) value = parameter.named[exampleName];
    else if (parameter.required) value = parameter.value;
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(text));
    else if (parameter.in === 'query') query[parameter.name] = text;
  }
  return { path, query };
}

/** The wire form of an example value for its media type. */
export function encodeBody(mediaType: string, value: unknown): string {
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [key, item] of Object.entries(value as Json)) {
      for (const one of Array.isArray(item) ? (item as unknown[]) : [item]) form.append(key, String(one));
    }
    return form.toString();
  }
  return JSON.stringify(value);
}

/** The value's shape: key sets of objects (recursively), element shapes of arrays, JSON types. */
export function shapeDifferences(actual: unknown, expected: unknown, at = ''): string[] {
  const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (kind(actual) !== kind(expected)) return [`${at || '/'}: ${kind(actual)} where the example has ${kind(expected)}`];
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (expected.length === 0 || actual.length === 0) return [];
    return actual.flatMap((item, index) => shapeDifferences(item, expected[0], `${at}/${index}`));
  }
  if (isObject(actual) && isObject(expected)) {
    const problems: string[] = [];
    for (const key of Object.keys(expected)) if (!(key in actual)) problems.push(`${at}/${key}: missing`);
    for (const key of Object.keys(actual)) if (!(key in expected)) problems.push(`${at}/${key}: not in the example`);
    for (const key of Object.keys(expected)) if (key in actual) problems.push(...shapeDifferences(actual[key], expected[key], `${at}/${key}`));
    return problems;
  }
  return [];
}
