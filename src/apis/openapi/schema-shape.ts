/**
 * Reading dereferenced JSON Schemas the way classification needs them: which properties an object
 * schema has once `allOf` parts are merged (and, for `oneOf`/`anyOf`, any branch's), whether a
 * schema is an array, and which media types are JSON.
 */

export type Schema = Readonly<Record<string, unknown>>;

/** The properties of an object schema, `allOf` merged, `oneOf`/`anyOf` branches united. */
export interface Shape {
  readonly properties: ReadonlyMap<string, unknown>;
  readonly required: ReadonlySet<string>;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const shapes = new WeakMap<object, Shape>();

/** The object shape of `schema` (empty for non-objects); cycles and depth are bounded. Memoized. */
export function shapeOf(schema: unknown): Shape {
  if (!isRecord(schema)) return EMPTY_SHAPE;
  let shape = shapes.get(schema);
  if (!shape) shapes.set(schema, (shape = computeShape(schema)));
  return shape;
}

const EMPTY_SHAPE: Shape = { properties: new Map(), required: new Set() };

function computeShape(schema: unknown): Shape {
  const properties = new Map<string, unknown>();
  const required = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (s: unknown, inBranch: boolean, depth: number) => {
    if (!isRecord(s) || seen.has(s) || depth > 8) return;
    seen.add(s);
    if (isRecord(s.properties)) for (const [name, sub] of Object.entries(s.properties)) if (!properties.has(name)) properties.set(name, sub);
    if (!inBranch && Array.isArray(s.required)) for (const name of s.required) if (typeof name === 'string') required.add(name);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part, inBranch, depth + 1);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = s[key];
      if (Array.isArray(branches)) for (const branch of branches) visit(branch, true, depth + 1);
    }
  };
  visit(schema, false, 0);
  return { properties, required };
}

/** The schema's type names (`type: [string, 'null']`, or `nullable`), empty when it has none. */
export function typesOf(schema: unknown): readonly string[] {
  if (!isRecord(schema)) return [];
  const type = schema.type;
  const types = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
  if (types.length === 0 && isRecord(schema.items)) return ['array'];
  if (types.length === 0 && (isRecord(schema.properties) || Array.isArray(schema.allOf))) return ['object'];
  return types;
}

/** The item schema of an array schema, or undefined when `schema` is not an array. */
export function arrayItems(schema: unknown): unknown {
  if (!isRecord(schema)) return undefined;
  if (typesOf(schema).includes('array')) return isRecord(schema.items) ? schema.items : {};
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) {
      const items = arrayItems(part);
      if (items !== undefined) return items;
    }
  }
  return undefined;
}

/** True for scalar schemas (string, number, integer, boolean), whatever else they allow. */
export function isScalar(schema: unknown): boolean {
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' || t === 'null');
}

/** `application/json`, `application/problem+json`, `application/vnd.api+json`, `text/json`… */
export function isJsonMedia(mediaType: string): boolean {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json' || type === '*/*' || type === 'application/*';
}

/** Form media types the twin parses into objects. */
export function isFormMedia(mediaType: string): boolean {
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/** Follows one property path (`['data']`) down an object schema; undefined when it is not there. */
export function schemaAt(schema: unknown, path: readonly string[]): unknown {
  let at = schema;
  for (const name of path) {
    at = shapeOf(at).properties.get(name);
    if (at === undefined) return undefined;
  }
  return at;
}
