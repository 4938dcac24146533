import type { Origin } from './dereference.ts';
import { escapePointer, SpecError } from './spec-error.ts';

/** HTTP methods an OpenAPI path item may hold (OpenAPI 3.1 §4.8.9). */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const LOCATIONS: ReadonlySet<string> = new Set(['query', 'header', 'path', 'cookie']);
const TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const SCHEME_TYPES: ReadonlySet<string> = new Set(['apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS']);

type Obj = Record<string, unknown>;

/** Something the twin served anyway, in a way the document did not say (listed once at start). */
export interface Notice {
  readonly file: string;
  readonly pointer: string;
  readonly reason: string;
}

/**
 * The structural checks a dereferenced document must pass before the twin serves it: whatever
 * would otherwise fail at request time (a path parameter nobody declares, a security scheme that
 * does not exist, a schema ajv cannot compile, two operations with one operationId) stops the start
 * here, naming the file and pointer where it was written (`origins`, from dereference.ts).
 * It is not a full OpenAPI meta-schema validation: descriptions, servers, tags, links and the like
 * are never read by the twin, so they are not judged. A path parameter the template names but no
 * parameter declares (common in published documents) is taken as a string, and returned as a
 * notice to list at start.
 */
export function checkDocument(doc: Obj, origins: WeakMap<object, Origin>): Notice[] {
  const notices: Notice[] = [];
  const root = origins.get(doc) ?? { file: '', pointer: '' };
  const fail = (at: object, tokens: readonly (string | number)[], reason: string): never => {
    const base = origins.get(at) ?? root;
    throw new SpecError(base.file, `${base.pointer}${tokens.map((t) => `/${escapePointer(String(t))}`).join('')}`, reason);
  };
  if (typeof doc.swagger === 'string') fail(doc, ['swagger'], `Swagger ${doc.swagger} is not served; convert the document to OpenAPI 3 first`);
  if (typeof doc.openapi !== 'string' || !/^3\.[01]\.\d+(-[\w.]+)?$/.test(doc.openapi)) {
    fail(doc, ['openapi'], `not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(doc.openapi ?? null)})`);
  }
  const v30 = (doc.openapi as string).startsWith('3.0');
  const components = isObj(doc.components) ? doc.components : {};
  const schemes = isObj(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) checkScheme(scheme, name);
  if (!isObj(doc.paths)) fail(doc, ['paths'], doc.paths === undefined ? 'the document has no paths to serve' : 'must be an object');
  const paths = doc.paths as Obj;
  if (Object.keys(paths).length === 0) fail(doc, ['paths'], 'the document has no paths to serve');
  checkSecurity(doc, ['security']);
  const schemas = new Set<object>();
  const operationIds = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/')) fail(paths, [path], 'a path must start with "/"');
    if (!isObj(item)) fail(paths, [path], 'a path item must be an object');
    const pathItem = item as Obj;
    const names = [...path.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? '');
    if (names.some((n) => n === '') || new Set(names).size !== names.length) fail(paths, [path], 'every {parameter} of a path template needs a distinct name');
    const shared = checkParameters(pathItem, ['parameters']);
    for (const method of METHODS) {
      const op = pathItem[method];
      if (op === undefined) continue;
      if (!isObj(op)) fail(pathItem, [method], 'an operation must be an object');
      const operation = op as Obj;
      const own = checkParameters(operation, ['parameters']);
      for (const name of names) {
        const declared = [...own, ...shared].some((p) => p.in === 'path' && p.name === name);
        if (declared) continue;
        const at = origins.get(operation) ?? root;
        notices.push({ file: at.file, pointer: at.pointer, reason: `path parameter {${name}} of ${path} is not declared (in: path) for ${method.toUpperCase()}; taken as a string` });
        const existing: unknown[] = Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : [];
        operation.parameters = [...existing, { name, in: 'path', required: true, schema: { type: 'string' } }];
      }
      if (operation.operationId !== undefined) {
        if (typeof operation.operationId !== 'string' || operation.operationId === '') fail(operation, ['operationId'], 'must be a non-empty string');
        const id = operation.operationId as string;
        const first = operationIds.get(id);
        if (first !== undefined && first !== `${method} ${path}`) fail(operation, ['operationId'], `operationId "${id}" is also used by ${first.toUpperCase()}`);
        operationIds.set(id, `${method} ${path}`);
      }
      if (operation.requestBody !== undefined) {
        const body = operation.requestBody;
        if (!isObj(body) || !isObj(body.content)) fail(operation, ['requestBody'], 'a request body needs a content map');
        checkContent((body as Obj).content as Obj);
      }
      if (operation.responses === undefined) {
        if (v30) fail(operation, ['responses'], 'an operation must document its responses (OpenAPI 3.0)');
      } else {
        if (!isObj(operation.responses)) fail(operation, ['responses'], 'must be an object');
        for (const [code, response] of Object.entries(operation.responses as Obj)) {
          if (code !== 'default' && !/^[1-5](\d\d|XX)$/.test(code)) fail(operation.responses as Obj, [code], 'a response key is a status code, a range such as 4XX, or default');
          if (!isObj(response)) fail(operation.responses as Obj, [code], 'a response must be an object');
          const res = response as Obj;
          if (res.content !== undefined) {
            if (!isObj(res.content)) fail(res, ['content'], 'must be an object');
            checkContent(res.content as Obj);
          }
          if (isObj(res.headers)) for (const header of Object.values(res.headers)) if (isObj(header) && header.schema !== undefined) collect(header.schema);
        }
      }
      checkSecurity(operation, ['security']);
    }
  }
  if (isObj(components.schemas)) for (const schema of Object.values(components.schemas)) collect(schema);
  for (const schema of schemas) checkSchema(schema as Obj);
  return notices;

  function checkParameters(holder: Obj, tokens: readonly string[]): { name: string; in: string }[] {
    const list = holder.parameters;
    if (list === undefined) return [];
    if (!Array.isArray(list)) fail(holder, tokens, 'must be an array');
    const out: { name: string; in: string }[] = [];
    (list as unknown[]).forEach((p, i) => {
      if (!isObj(p)) fail(holder, [...tokens, i], 'a parameter must be an object');
      const param = p as Obj;
      if (typeof param.name !== 'string' || param.name === '') fail(param, ['name'], 'a parameter needs a name');
      if (typeof param.in !== 'string' || !LOCATIONS.has(param.in)) fail(param, ['in'], 'must be one of query, header, path, cookie');
      if (param.schema !== undefined) collect(param.schema);
      if (isObj(param.content)) checkContent(param.content);
      out.push({ name: param.name as string, in: param.in as string });
    });
    return out;
  }

  function checkContent(content: Obj): void {
    for (const [type, media] of Object.entries(content)) {
      if (!isObj(media)) fail(content, [type], 'a media type must be an object');
      if ((media as Obj).schema !== undefined) collect((media as Obj).schema);
    }
  }

  function checkSecurity(holder: Obj, tokens: readonly string[]): void {
    const requirements = holder.security;
    if (requirements === undefined) return;
    if (!Array.isArray(requirements)) fail(holder, tokens, 'must be an array of security requirements');
    (requirements as unknown[]).forEach((requirement, i) => {
      if (!isObj(requirement)) fail(holder, [...tokens, i], 'a security requirement must be an object');
      for (const name of Object.keys(requirement as Obj)) {
        if (!Object.hasOwn(schemes, name)) fail(holder, [...tokens, i, name], `security scheme "${name}" is not defined in components.securitySchemes`);
      }
    });
  }

  function checkScheme(scheme: unknown, name: string): void {
    if (!isObj(scheme)) return fail(schemes, [name], 'a security scheme must be an object');
    if (typeof scheme.type !== 'string' || !SCHEME_TYPES.has(scheme.type)) fail(scheme, ['type'], 'must be one of apiKey, http, oauth2, openIdConnect, mutualTLS');
    if (scheme.type === 'apiKey') {
      if (typeof scheme.name !== 'string' || scheme.name === '') fail(scheme, ['name'], 'an apiKey scheme needs the name of its header, query parameter or cookie');
      if (scheme.in !== 'header' && scheme.in !== 'query' && scheme.in !== 'cookie') fail(scheme, ['in'], 'must be one of header, query, cookie');
    }
    if (scheme.type === 'http' && (typeof scheme.scheme !== 'string' || scheme.scheme === '')) fail(scheme, ['scheme'], 'an http scheme needs its scheme (basic, bearer, …)');
    return undefined;
  }

  function collect(schema: unknown): void {
    if (isObj(schema)) schemas.add(schema);
  }

  /** Checks the keywords ajv and the faker would fail on, in every schema reachable from `start`. */
  function checkSchema(start: Obj): void {
    const pending: Obj[] = [start];
    while (pending.length > 0) {
      const schema = pending.pop() as Obj;
      if (checked.has(schema)) continue;
      checked.add(schema);
      const type = schema.type;
      if (type !== undefined) {
        const types = Array.isArray(type) ? type : [type];
        if (types.length === 0 || types.some((t) => typeof t !== 'string' || !TYPES.has(t) || (v30 && t === 'null'))) {
          fail(schema, ['type'], `unknown type ${JSON.stringify(type)}`);
        }
      }
      if (schema.required !== undefined && typeof schema.required !== 'boolean') {
        if (!Array.isArray(schema.required) || schema.required.some((r) => typeof r !== 'string')) fail(schema, ['required'], 'must be an array of property names');
      }
      if (schema.pattern !== undefined) {
        if (typeof schema.pattern !== 'string') fail(schema, ['pattern'], 'must be a string');
        try {
          new RegExp(schema.pattern as string, 'u');
        } catch (error) {
          fail(schema, ['pattern'], `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (schema.enum !== undefined && !Array.isArray(schema.enum)) fail(schema, ['enum'], 'must be an array');
      for (const key of ['properties', 'patternProperties'] as const) {
        const map = schema[key];
        if (map === undefined) continue;
        if (!isObj(map) || Array.isArray(map)) fail(schema, [key], 'must be an object of schemas');
        for (const [name, sub] of Object.entries(map as Obj)) {
          if (isObj(sub)) pending.push(sub);
          else if (typeof sub !== 'boolean') fail(map as Obj, [name], 'must be a schema');
        }
      }
      for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
        const list = schema[key];
        if (list === undefined) continue;
        if (!Array.isArray(list) || list.length === 0) fail(schema, [key], 'must be a non-empty array of schemas');
        (list as unknown[]).forEach((sub, i) => {
          if (isObj(sub)) pending.push(sub);
          else if (typeof sub !== 'boolean') fail(schema, [key, i], 'must be a schema');
        });
      }
      for (const key of ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else'] as const) {
        const sub = schema[key];
        if (sub === undefined || typeof sub === 'boolean') continue;
        if (Array.isArray(sub) && key === 'items') sub.forEach((s) => { if (isObj(s)) pending.push(s); });
        else if (isObj(sub)) pending.push(sub);
        else fail(schema, [key], 'must be a schema');
      }
      if (Array.isArray(schema.prefixItems)) for (const sub of schema.prefixItems) if (isObj(sub)) pending.push(sub);
    }
  }
}

const checked = new WeakSet<object>();

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
