import type { Operation } from 'openapi-backend';
import { successResponse, type Success } from './responses.ts';
import { arrayItems, isRecord, isScalar, schemaAt, shapeOf, typesOf } from './schema-shape.ts';

/** What the twin does with an operation: keep its resource in the session, or answer as documented. */
export type Kind = 'create' | 'read' | 'update' | 'delete' | 'list' | 'none';

/** A collection and its items, inferred from the document's paths. */
export interface ResourceModel {
  /** The collection's path template, `/owners/{ownerId}/pets`. */
  readonly collection: string;
  /** The item's path template, `/owners/{ownerId}/pets/{petId}`, when the document has one. */
  readonly item: string | undefined;
  /** The item path's last parameter (`petId`). */
  readonly idParam: string | undefined;
  /** The item property holding its id (`id`). */
  readonly idProperty: string;
  /** Schema of the id: the item property's, else the path parameter's. */
  readonly idSchema: unknown;
  /** Schema stored items are checked against (fixtures): the read answer's item, else the create's, else the list's. */
  readonly itemSchema: unknown;
}

/** How a list operation pages, from the query parameters it declares. */
export interface Paging {
  readonly style: 'offset' | 'page' | 'cursor';
  /** `offset`/`skip`, `page`, or `cursor`/`after`/`page_token`… */
  readonly position: string;
  /** `limit`/`per_page`/`page_size`… */
  readonly size: string | undefined;
  /** Page size when the request gives none: the parameter's default, else everything. */
  readonly sizeDefault: number | undefined;
  /** First page number (0 when the page parameter's minimum is 0). */
  readonly pageBase: number;
}

/** The plan for one operation, decided once at start. */
export interface Plan {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly kind: Kind;
  readonly resource?: ResourceModel;
  /** For `none`: why no state is kept (shown by `GET /__admin/specs/<name>/operations`). */
  readonly reason?: string;
  /** The response answered by default, or why the operation cannot be served. */
  readonly success: Success;
  /** Where the item sits in the success body (`[]` the body itself, `['data']` an envelope); undefined: no body. */
  readonly itemAt?: readonly string[];
  /** Where the list of items sits in a list body. */
  readonly listAt?: readonly string[];
  readonly paging?: Paging;
  /** Envelope properties filled from the stored list: the total, the next cursor. */
  readonly totalAt?: string;
  readonly nextCursorAt?: string;
  /** Query parameters that are item properties: a list keeps the items whose property equals them. */
  readonly filters?: readonly string[];
  /** PUT replaces the fields it sends; PATCH merges them (RFC 7386). */
  readonly merge?: 'put' | 'patch';
}

const ENVELOPE_ITEM = ['data', 'item', 'result', 'resource', 'value', 'record'];
const ENVELOPE_LIST = ['items', 'data', 'results', 'content', 'records', 'values', 'list', 'entries', 'elements', 'rows'];
const OFFSET = ['offset', 'skip', 'start'];
const PAGE = ['page', 'pagenumber', 'page_number', 'pageno', 'pagenum'];
const CURSOR = ['cursor', 'after', 'page_token', 'pagetoken', 'next_token', 'nexttoken', 'starting_after', 'continuation', 'continuationtoken'];
const SIZE = ['limit', 'per_page', 'perpage', 'page_size', 'pagesize', 'size', 'count', 'take', 'max_results', 'maxresults'];
const TOTAL = ['total', 'totalcount', 'total_count', 'count', 'totalitems', 'total_items', 'totalresults', 'total_results'];
const NEXT = ['next_cursor', 'nextcursor', 'next', 'cursor', 'nextpagetoken', 'next_page_token', 'nexttoken', 'next_token'];

/**
 * Classifies every operation (rules in this folder's README):
 * - a path ending in a whole-segment parameter (`/pets/{petId}`) is an item of the collection its
 *   parent path names (`/pets`); a path with both GET and POST and no item path is a collection too;
 * - the item's id is the property named like the parameter (`petId`), else `id`, `_id`, `pet_id`,
 *   `uuid`, found in the read, create, list or update answer (at the top or one envelope deep);
 * - POST collection = create, GET collection = list (its answer holds an array of items), GET item
 *   = read, PUT/PATCH item = update, DELETE item = delete; everything else, and every operation of
 *   a resource without an id property, is `none` (answered from examples or the schema).
 */
export function classify(operations: readonly Operation[], stateful: boolean): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  const byPath = new Map<string, Map<string, Operation>>();
  for (const op of operations) {
    let methods = byPath.get(op.path);
    if (!methods) byPath.set(op.path, (methods = new Map<string, Operation>()));
    if (!methods.has(op.method)) methods.set(op.method, op);
  }
  const models = new Map<string, Model>();
  if (stateful) {
    // Item paths first: a collection with an item path takes its id from the item's parameter.
    for (const path of byPath.keys()) {
      const last = /\/\{([^{}/]+)\}$/.exec(path);
      if (last?.[1] === undefined) continue;
      const collection = path.slice(0, last.index);
      if (collection !== '' && !models.has(collection)) models.set(collection, model(collection, path, last[1], byPath));
    }
    for (const [path, methods] of byPath) {
      if (methods.has('get') && methods.has('post') && !models.has(path)) models.set(path, model(path, undefined, undefined, byPath));
    }
  }
  for (const op of operations) {
    const operationId = op.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
    const base = { operationId, method: op.method.toUpperCase(), path: op.path, success: successResponse(op) };
    plans.set(operationId, { ...base, ...planFor(op, base.success, models, stateful) });
  }
  return plans;
}

type Decision = Omit<Plan, 'operationId' | 'method' | 'path' | 'success'>;

/** A resource model, or why a collection has none (with its item path, to report on it too). */
type Model = ResourceModel | { readonly reason: string; readonly item: string | undefined };

function planFor(op: Operation, success: Success, models: ReadonlyMap<string, Model>, stateful: boolean): Decision {
  if (!stateful) return { kind: 'none', reason: 'inference is off (--stateless)' };
  const itemOf = /\/\{[^{}/]+\}$/.exec(op.path);
  const collectionPath = itemOf ? op.path.slice(0, itemOf.index) : op.path;
  const found = models.get(collectionPath);
  const isItem = itemOf !== null && found?.item === op.path;
  const isCollection = !isItem && models.has(op.path);
  if (!isItem && !isCollection) return { kind: 'none', reason: 'not a collection or item path' };
  const resource = models.get(isItem ? collectionPath : op.path);
  if (resource === undefined) return { kind: 'none', reason: 'not a collection or item path' };
  if (!('idProperty' in resource)) return { kind: 'none', reason: resource.reason };
  if (!success.ok) return { kind: 'none', reason: success.reason };
  const body = success.response.mediaType === undefined ? undefined : success.response.schema;
  const hasBody = success.response.mediaType !== undefined && success.response.json;
  const method = op.method.toLowerCase();
  const item = () => (hasBody ? locateItem(body, [resource.idProperty]) : { at: [] as string[], empty: true });
  if (isCollection && method === 'post') {
    const at = item();
    if (!at) return { kind: 'none', reason: 'the create answer does not hold the item' };
    return { kind: 'create', resource, ...('empty' in at ? {} : { itemAt: at.at }) };
  }
  if (isCollection && method === 'get') {
    const list = hasBody ? locateList(body, resource.idProperty, resource.collection) : undefined;
    if (!list) return { kind: 'none', reason: 'the list answer holds no array of items' };
    const envelope = list.at.length === 0 ? undefined : shapeOf(body);
    return {
      kind: 'list',
      resource,
      listAt: list.at,
      ...pagingOf(op),
      ...(envelope === undefined ? {} : envelopeFields(envelope.properties)),
      filters: filtersOf(op, resource),
    };
  }
  if (isItem && (method === 'get' || method === 'put' || method === 'patch')) {
    const at = item();
    if (!at) return { kind: 'none', reason: `the ${method === 'get' ? 'read' : 'update'} answer does not hold the item` };
    const itemAt = 'empty' in at ? {} : { itemAt: at.at };
    if (method === 'get') return { kind: 'read', resource, ...itemAt };
    return { kind: 'update', resource, merge: method === 'patch' ? 'patch' : 'put', ...itemAt };
  }
  if (isItem && method === 'delete') return { kind: 'delete', resource };
  return { kind: 'none', reason: `${op.method.toUpperCase()} on a ${isItem ? 'item' : 'collection'} path` };
}

/** The resource model of a collection, or why it has none. */
function model(collection: string, item: string | undefined, idParam: string | undefined, byPath: ReadonlyMap<string, ReadonlyMap<string, Operation>>): Model {
  const candidates = idCandidates(idParam, collection);
  const itemOps = item === undefined ? undefined : byPath.get(item);
  const collectionOps = byPath.get(collection);
  const bodies: unknown[] = [];
  const bodyOf = (op: Operation | undefined) => {
    if (!op) return undefined;
    const success = successResponse(op);
    return success.ok && success.response.json ? success.response.schema : undefined;
  };
  bodies.push(bodyOf(itemOps?.get('get')), bodyOf(collectionOps?.get('post')));
  const listBody = bodyOf(collectionOps?.get('get'));
  bodies.push(bodyOf(itemOps?.get('put')), bodyOf(itemOps?.get('patch')));
  for (const body of bodies) {
    const found = body === undefined ? undefined : locateItem(body, candidates);
    if (found) return finish(found.schema, found.idProperty);
  }
  const list = listBody === undefined ? undefined : locateList(listBody, undefined, collection, candidates);
  if (list?.idProperty !== undefined) return finish(list.items, list.idProperty);
  return { reason: `no id property (${candidates.join(', ')}) in the item answers`, item };

  function finish(itemSchema: unknown, idProperty: string): ResourceModel {
    const fromItem = shapeOf(itemSchema).properties.get(idProperty);
    const op = itemOps?.values().next().value;
    const fromParam = op?.parameters?.find((p) => 'in' in p && p.in === 'path' && p.name === idParam);
    const paramSchema = fromParam && 'schema' in fromParam ? fromParam.schema : undefined;
    return { collection, item, idParam, idProperty, idSchema: isRecord(fromItem) && typesOf(fromItem).length > 0 ? fromItem : (paramSchema ?? fromItem ?? { type: 'string' }), itemSchema };
  }
}

/**
 * `petId` → `petId`, `id`, `_id`, `pet_id`, `uuid`; then from the collection's name (`/books` →
 * `bookId`, `book_id`), which is all a collection without an item path has.
 */
function idCandidates(idParam: string | undefined, collection: string): string[] {
  const names = idParam === undefined ? [] : [idParam];
  names.push('id', '_id');
  if (idParam !== undefined) names.push(idParam.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
  names.push('uuid');
  const last = collection.split('/').pop() ?? '';
  if (/^[A-Za-z][\w-]*$/.test(last)) {
    const singular = last.replace(/ies$/, 'y').replace(/(ss|sh|ch|x)es$/, '$1').replace(/s$/, '');
    names.push(`${singular}Id`, `${singular}_id`);
  }
  return [...new Set(names)];
}

/** Where in an answer schema the item is: the body itself, or one envelope property deep. */
function locateItem(schema: unknown, candidates: readonly string[]): { at: string[]; schema: unknown; idProperty: string } | undefined {
  if (arrayItems(schema) !== undefined) return undefined;
  const shape = shapeOf(schema);
  const own = candidates.find((c) => shape.properties.has(c));
  if (own !== undefined) return { at: [], schema, idProperty: own };
  const names = [...shape.properties.keys()].sort((a, b) => rank(ENVELOPE_ITEM, a) - rank(ENVELOPE_ITEM, b));
  for (const name of names) {
    const sub = shape.properties.get(name);
    if (arrayItems(sub) !== undefined) continue;
    const inner = shapeOf(sub);
    const id = candidates.find((c) => inner.properties.has(c));
    if (id !== undefined) return { at: [name], schema: sub, idProperty: id };
  }
  return undefined;
}

/** Where in a list answer schema the array of items is, and (when asked) the items' id property. */
function locateList(schema: unknown, idProperty: string | undefined, collection: string, candidates: readonly string[] = idProperty === undefined ? [] : [idProperty]): { at: string[]; items: unknown; idProperty?: string } | undefined {
  const idIn = (items: unknown) => candidates.find((c) => shapeOf(items).properties.has(c));
  const top = arrayItems(schema);
  if (top !== undefined) {
    const id = idIn(top);
    return id === undefined && idProperty === undefined ? undefined : { at: [], items: top, ...(id === undefined ? {} : { idProperty: id }) };
  }
  const last = collection.split('/').pop() ?? '';
  const shape = shapeOf(schema);
  const names = [...shape.properties.keys()].sort((a, b) => rank([last, ...ENVELOPE_LIST], a) - rank([last, ...ENVELOPE_LIST], b));
  for (const name of names) {
    const items = arrayItems(shape.properties.get(name));
    if (items === undefined) continue;
    const id = idIn(items);
    if (id !== undefined || (idProperty !== undefined && shapeOf(items).properties.size === 0)) return { at: [name], items, ...(id === undefined ? {} : { idProperty: id }) };
  }
  return undefined;
}

function rank(preferred: readonly string[], name: string): number {
  const i = preferred.indexOf(name.toLowerCase());
  return i === -1 ? preferred.length : i;
}

/** The paging parameters a list operation declares (query only). */
function pagingOf(op: Operation): { paging?: Paging } {
  const query = new Map<string, { name: string; schema: unknown }>();
  for (const p of op.parameters ?? []) {
    if ('in' in p && p.in === 'query' && !query.has(p.name.toLowerCase())) query.set(p.name.toLowerCase(), { name: p.name, schema: 'schema' in p ? p.schema : undefined });
  }
  const find = (names: readonly string[]) => names.map((n) => query.get(n)).find((p) => p !== undefined);
  const size = find(SIZE);
  const sizeDefault = size && isRecord(size.schema) && typeof size.schema.default === 'number' ? size.schema.default : undefined;
  const common = { size: size?.name, sizeDefault };
  const offset = find(OFFSET);
  if (offset) return { paging: { style: 'offset', position: offset.name, pageBase: 0, ...common } };
  const page = find(PAGE);
  if (page) {
    const base = isRecord(page.schema) && page.schema.minimum === 0 ? 0 : 1;
    return { paging: { style: 'page', position: page.name, pageBase: base, ...common } };
  }
  const cursor = find(CURSOR);
  if (cursor) return { paging: { style: 'cursor', position: cursor.name, pageBase: 0, ...common } };
  if (size) return { paging: { style: 'offset', position: '', pageBase: 0, ...common } };
  return {};
}

/** The envelope's total and next-cursor properties, when it has them. */
function envelopeFields(properties: ReadonlyMap<string, unknown>): { totalAt?: string; nextCursorAt?: string } {
  const out: { totalAt?: string; nextCursorAt?: string } = {};
  for (const [name, schema] of properties) {
    const lower = name.toLowerCase();
    const types = typesOf(schema);
    if (out.totalAt === undefined && TOTAL.includes(lower) && (types.includes('integer') || types.includes('number'))) out.totalAt = name;
    if (out.nextCursorAt === undefined && NEXT.includes(lower) && types.includes('string')) out.nextCursorAt = name;
  }
  return out;
}

/** Query parameters of a list that name a scalar property of its items (exact-match filters). */
function filtersOf(op: Operation, resource: ResourceModel): string[] {
  const shape = shapeOf(resource.itemSchema);
  const paging = new Set([...OFFSET, ...PAGE, ...CURSOR, ...SIZE]);
  return (op.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'query' && !paging.has(p.name.toLowerCase()) && isScalar(shape.properties.get(p.name)) ? [p.name] : []));
}

/** The value at `path` inside an answer body, for envelopes. */
export function valueAt(body: unknown, path: readonly string[]): unknown {
  let at = body;
  for (const name of path) at = isRecord(at) ? at[name] : undefined;
  return at;
}

export { schemaAt };
