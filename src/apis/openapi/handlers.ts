import type { ParsedInput } from '../../core/api.ts';
import { fakeFromSchema } from '../../core/fake.ts';
import type { Deps, JsonResponse } from '../../core/types.ts';
import type { Operation } from 'openapi-backend';
import { seedOf, type Answers } from './answers.ts';
import { valueAt, type Plan, type ResourceModel } from './classify.ts';
import type { Conformer } from './conform.ts';
import { newId } from './ids.ts';
import { conflict, notFound, sessionFull, unservable } from './problems.ts';
import { errorResponse, type Documented } from './responses.ts';
import { isRecord, schemaAt, shapeOf } from './schema-shape.ts';
import type { ResourceStore } from './store.ts';

/** What every session of one document shares. */
export interface Engine {
  readonly name: string;
  /** `''` or the prefix the document is served under. */
  readonly mountPath: string;
  readonly answers: Answers;
  readonly conformer: Conformer;
  readonly deps: Deps;
  /** The operation of each plan (its documented responses). */
  operation(operationId: string): Operation | undefined;
}

/** One request's view of its session. */
export interface GenericContext {
  readonly engine: Engine;
  readonly store: ResourceStore;
  /** Stable for the session id, so faked data survives a reload. */
  readonly sessionSeed: number;
  /** The faked item each create operation merges its request over, once per session. */
  readonly bases: Map<string, unknown>;
}

/** Answers one operation by its plan (classify.ts). */
export function handle(plan: Plan, input: ParsedInput, ctx: GenericContext): JsonResponse {
  if (!plan.success.ok) return unservable(plan.success.reason);
  const success = plan.success.response;
  if (plan.kind === 'none' || plan.resource === undefined) {
    return ctx.engine.answers.answer(success, () => seedOf(ctx.sessionSeed, plan.operationId, concretePath(plan.path, input.params)), plan.operationId);
  }
  const resource = plan.resource;
  const collection = concretePath(resource.collection, input.params);
  switch (plan.kind) {
    case 'create':
      return create(plan, resource, collection, success, input, ctx);
    case 'list':
      return list(plan, resource, collection, success, input, ctx);
    default: {
      const id = text(input.params[resource.idParam ?? '']);
      const stored = ctx.store.get(collection, id);
      if (stored === undefined) return missing(plan, collection, id, ctx);
      if (plan.kind === 'read') return itemAnswer(plan, success, stored, ctx);
      if (plan.kind === 'delete') {
        ctx.store.remove(collection, id);
        return ctx.engine.answers.answer(success, () => seedOf(ctx.sessionSeed, plan.operationId), plan.operationId);
      }
      return update(plan, resource, collection, id, stored, success, input, ctx);
    }
  }
}

function create(plan: Plan, resource: ResourceModel, collection: string, success: Documented, input: ParsedInput, ctx: GenericContext): JsonResponse {
  const itemSchema = plan.itemAt === undefined ? resource.itemSchema : schemaAt(success.schema, plan.itemAt);
  const body = isRecord(input.body) ? input.body : {};
  const given = body[resource.idProperty];
  const id = given === undefined || given === null ? newId(resource.idSchema, ctx.store, collection, ctx.engine.deps.random) : given;
  const key = text(id);
  if (ctx.store.has(collection, key)) return conflictAnswer(plan, collection, key, ctx);
  // The request's fields over a body faked once per session and operation, with its id.
  let base = ctx.bases.get(plan.operationId);
  if (base === undefined) {
    base = ctx.engine.answers.fake(itemSchema, seedOf(ctx.sessionSeed, plan.operationId, 'item'), `${plan.operationId} item`);
    ctx.bases.set(plan.operationId, base);
  }
  const item = stamp({ ...(isRecord(base) ? base : {}), ...body, [resource.idProperty]: id }, itemSchema, ctx.engine.deps, true);
  const stored = fit(itemSchema, item, ctx, resource.idProperty);
  if (!ctx.store.put(collection, key, stored)) return sessionFull(ctx.store.byteLimit);
  // The body is the item itself when it sits at the top: it was just fitted to that very schema.
  const answered = (plan.itemAt ?? []).length === 0 && itemSchema === success.schema && success.json ? answerWith(success, stored) : itemAnswer(plan, success, stored, ctx);
  if (resource.item === undefined) return answered;
  return { ...answered, headers: { ...answered.headers, location: `${ctx.engine.mountPath}${collection}/${encodeURIComponent(key)}` } };
}

function update(plan: Plan, resource: ResourceModel, collection: string, id: string, stored: unknown, success: Documented, input: ParsedInput, ctx: GenericContext): JsonResponse {
  const body = isRecord(input.body) ? input.body : {};
  const current = isRecord(stored) ? stored : {};
  const merged = plan.merge === 'patch' ? mergePatch(current, body) : { ...current, ...body };
  const itemSchema = plan.itemAt === undefined ? resource.itemSchema : schemaAt(success.schema, plan.itemAt);
  // The id stays the one the path names, whatever the body says.
  const item = stamp({ ...(isRecord(merged) ? merged : {}), [resource.idProperty]: current[resource.idProperty] }, itemSchema, ctx.engine.deps, false);
  const updated = fit(itemSchema, item, ctx, resource.idProperty);
  if (!ctx.store.put(collection, id, updated)) return sessionFull(ctx.store.byteLimit);
  return itemAnswer(plan, success, updated, ctx);
}

function list(plan: Plan, resource: ResourceModel, collection: string, success: Documented, input: ParsedInput, ctx: GenericContext): JsonResponse {
  let items = ctx.store.list(collection);
  for (const name of plan.filters ?? []) {
    const wanted = input.query[name];
    if (wanted === undefined) continue;
    const values = new Set((Array.isArray(wanted) ? (wanted as unknown[]) : [wanted]).map(text));
    items = items.filter((item) => isRecord(item) && values.has(text(item[name])));
  }
  const total = items.length;
  let next: string | undefined;
  const paging = plan.paging;
  if (paging) {
    const size = whole(paging.size === undefined ? undefined : input.query[paging.size]) ?? paging.sizeDefault ?? total;
    let start = 0;
    const position = paging.position === '' ? undefined : input.query[paging.position];
    if (paging.style === 'offset') start = whole(position) ?? 0;
    else if (paging.style === 'page') start = Math.max(0, (whole(position) ?? paging.pageBase) - paging.pageBase) * size;
    else if (typeof position === 'string' && position !== '') {
      // A cursor is the id of the last item of the previous page.
      const after = items.findIndex((item) => isRecord(item) && text(item[resource.idProperty]) === position);
      start = after === -1 ? total : after + 1;
    }
    const page = items.slice(start, start + size);
    const last = page[page.length - 1];
    if (start + size < total && isRecord(last)) next = text(last[resource.idProperty]);
    items = page;
  }
  const listAt = plan.listAt ?? [];
  let body: unknown = items;
  if (listAt.length > 0) {
    const envelope = envelopeBase(plan, success, ctx);
    setAt(envelope, listAt, items);
    if (plan.totalAt !== undefined) envelope[plan.totalAt] = total;
    if (plan.nextCursorAt !== undefined) {
      if (next !== undefined) envelope[plan.nextCursorAt] = next;
      else Reflect.deleteProperty(envelope, plan.nextCursorAt);
    }
    body = envelope;
  }
  return answerWith(success, fit(success.schema, body, ctx));
}

/** The item as the operation's success body: the item itself, or inside its documented envelope. */
function itemAnswer(plan: Plan, success: Documented, item: unknown, ctx: GenericContext): JsonResponse {
  if (success.mediaType === undefined || !success.json) return { status: success.status, body: undefined };
  const at = plan.itemAt ?? [];
  let body: unknown = item;
  if (at.length > 0) {
    const envelope = envelopeBase(plan, success, ctx);
    setAt(envelope, at, item);
    body = envelope;
  }
  return answerWith(success, fit(success.schema, body, ctx));
}

/** The envelope around items: the documented example when it is an object, else a faked one (a fresh copy). */
function envelopeBase(plan: Plan, success: Documented, ctx: GenericContext): Record<string, unknown> {
  const [named] = success.examples.values();
  const example = success.examples.size > 0 ? named : success.example?.value;
  const base = isRecord(example) ? example : ctx.engine.answers.fake(success.schema, seedOf(ctx.sessionSeed, plan.operationId, 'envelope'), `${plan.operationId} envelope`);
  return isRecord(base) ? structuredClone(base) : {};
}

/** 404 in the document's own error shape when it documents one, else problem+json. */
function missing(plan: Plan, collection: string, id: string, ctx: GenericContext): JsonResponse {
  const operation = ctx.engine.operation(plan.operationId);
  const documented = operation === undefined ? undefined : errorResponse(operation, 404);
  if (!documented) return notFound(collection, id);
  return ctx.engine.answers.error(documented, seedOf(ctx.sessionSeed, plan.operationId, 404), `${plan.operationId} 404`, { name: 'not-found', title: 'No such item', detail: `${collection} holds no item ${id} in this session.` });
}

/** 409 in the document's own shape when it documents one, else problem+json. */
function conflictAnswer(plan: Plan, collection: string, id: string, ctx: GenericContext): JsonResponse {
  const operation = ctx.engine.operation(plan.operationId);
  const documented = operation === undefined ? undefined : errorResponse(operation, 409);
  if (!documented) return conflict(collection, id);
  return ctx.engine.answers.error(documented, seedOf(ctx.sessionSeed, plan.operationId, 409), `${plan.operationId} 409`, { name: 'conflict', title: 'An item with this id exists', detail: `${collection} already holds an item ${id} in this session.` });
}

function answerWith(success: Documented, body: unknown): JsonResponse {
  return { status: success.status, body, ...(success.mediaType === undefined ? {} : { contentType: success.mediaType }) };
}

/** `value`, repaired to fit `schema` where it does not (the id is never replaced). */
function fit(schema: unknown, value: unknown, ctx: GenericContext, keep?: string): unknown {
  const fake = (sub: unknown) => fakeFromSchema(sub, seedOf(ctx.sessionSeed, 'repair'));
  const { value: fitted } = ctx.engine.conformer.conform(schema, value, fake);
  if (keep !== undefined && isRecord(fitted) && isRecord(value) && fitted[keep] !== value[keep]) return { ...fitted, [keep]: value[keep] };
  return fitted;
}

const STAMPS = /^(created|updated|modified|last_?modified|last_?updated)(_?at|_?on|_?date|_?time)?$/i;

/** The date-time properties of an item schema set on creation, and those set on every update. */
interface Stamps {
  readonly create: readonly string[];
  readonly update: readonly string[];
}

const stampsOf = new WeakMap<object, Stamps>();

/** Sets date-time properties named like `createdAt`/`updated_at` to now (creation: both; update: not `created*`). */
function stamp(item: Record<string, unknown>, schema: unknown, deps: Deps, creating: boolean): Record<string, unknown> {
  if (!isRecord(schema)) return item;
  let stamps = stampsOf.get(schema);
  if (!stamps) {
    const names = [...shapeOf(schema).properties].filter(([name, sub]) => STAMPS.test(name) && isRecord(sub) && sub.format === 'date-time').map(([name]) => name);
    stamps = { create: names, update: names.filter((name) => !/^created/i.test(name)) };
    stampsOf.set(schema, stamps);
  }
  const names = creating ? stamps.create : stamps.update;
  if (names.length === 0) return item;
  const now = deps.now().toISOString();
  for (const name of names) item[name] = now;
  return item;
}

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, anything else replaces. Never mutates. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(out, key);
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** A path template with the request's parameters in it: `/owners/{ownerId}/pets` → `/owners/7/pets`. */
export function concretePath(template: string, params: Readonly<Record<string, unknown>>): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => text(params[name]));
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at: Record<string, unknown> = target;
  path.slice(0, -1).forEach((name) => {
    const next = at[name];
    at = isRecord(next) ? next : (at[name] = {});
  });
  const last = path[path.length - 1];
  if (last !== undefined) at[last] = value;
}

/** A parameter or id as text (ids are strings or numbers; anything else is shown as JSON). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined ? '' : JSON.stringify(value);
}

function whole(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return n === undefined || !Number.isSafeInteger(n) || n < 0 ? undefined : n;
}

export { valueAt };
