import type { Document } from 'openapi-backend';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/apis/openapi/classify.ts';
import { SpecRouter } from '../../../../src/core/spec-router.ts';

type Json = Record<string, unknown>;

const ok = (schema: Json, status = '200') => ({ responses: { [status]: { description: 'ok', content: { 'application/json': { schema } } } } });
const item = (extra: Json = {}) => ({ type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, ...extra } });

function plans(paths: Json) {
  const router = SpecRouter.fromDefinition({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths } as unknown as Document);
  return classify(router.operations(), true);
}

function kinds(paths: Json): Record<string, string> {
  return Object.fromEntries([...plans(paths).values()].map((p) => [`${p.method} ${p.path}`, p.kind]));
}

describe('classify', () => {
  it('a collection and its item path: create, list, read, update (PUT and PATCH), delete', () => {
    const param = [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }];
    const result = plans({
      '/pets': { get: ok({ type: 'array', items: item() }), post: ok(item(), '201') },
      '/pets/{petId}': { parameters: param, get: ok(item()), put: ok(item()), patch: ok(item()), delete: { responses: { '204': { description: 'gone' } } } },
    });
    expect([...result.values()].map((p) => [p.method, p.path, p.kind, p.merge ?? '-'])).toEqual([
      ['GET', '/pets', 'list', '-'],
      ['POST', '/pets', 'create', '-'],
      ['GET', '/pets/{petId}', 'read', '-'],
      ['PUT', '/pets/{petId}', 'update', 'put'],
      ['DELETE', '/pets/{petId}', 'delete', '-'],
      ['PATCH', '/pets/{petId}', 'update', 'patch'],
    ]);
    const read = [...result.values()][2];
    expect(read?.resource).toMatchObject({ collection: '/pets', item: '/pets/{petId}', idParam: 'petId', idProperty: 'id' });
  });

  it('takes the id property named like the parameter first, and finds items one envelope deep', () => {
    const result = plans({
      '/users': { get: ok({ type: 'object', properties: { data: { type: 'array', items: item({ userId: { type: 'string' } }) }, total: { type: 'integer' }, next: { type: 'string' } } }) },
      '/users/{userId}': { parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }], get: ok({ type: 'object', properties: { user: item({ userId: { type: 'string' } }) } }) },
    });
    const [list, read] = [...result.values()];
    expect(list).toMatchObject({ kind: 'list', listAt: ['data'], totalAt: 'total', nextCursorAt: 'next' });
    expect(read).toMatchObject({ kind: 'read', itemAt: ['user'], resource: { idProperty: 'userId' } });
  });

  it('reads paging and filters from the list\'s query parameters', () => {
    const q = (name: string, schema: Json = { type: 'integer' }) => ({ name, in: 'query', schema });
    const result = plans({
      '/a': { get: { parameters: [q('page', { type: 'integer', minimum: 0 }), q('per_page', { type: 'integer', default: 5 }), q('name', { type: 'string' })], ...ok({ type: 'array', items: item() }) }, post: ok(item()) },
      '/b': { get: { parameters: [q('cursor', { type: 'string' }), q('limit')], ...ok({ type: 'array', items: item() }) }, post: ok(item()) },
    });
    const [a, , b] = [...result.values()];
    expect(a).toMatchObject({ kind: 'list', paging: { style: 'page', position: 'page', size: 'per_page', sizeDefault: 5, pageBase: 0 }, filters: ['name'] });
    expect(b).toMatchObject({ kind: 'list', paging: { style: 'cursor', position: 'cursor', size: 'limit' }, filters: [] });
  });

  it('everything else is none, with the reason', () => {
    const result = plans({
      '/things': { get: ok({ type: 'array', items: { type: 'object', properties: { label: { type: 'string' } } } }), post: ok({ type: 'object', properties: { label: { type: 'string' } } }) },
      '/things/{thingId}': { parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }], get: ok({ type: 'object', properties: { label: { type: 'string' } } }) },
      '/stats': { get: ok({ type: 'object' }) },
      '/pets': { get: ok({ type: 'object', properties: { count: { type: 'integer' } } }), post: ok(item()) },
    });
    const byPath = Object.fromEntries([...result.values()].map((p) => [`${p.method} ${p.path}`, `${p.kind}: ${p.reason ?? ''}`]));
    expect(byPath).toEqual({
      'GET /things': 'none: no id property (thingId, id, _id, thing_id, uuid) in the item answers',
      'POST /things': 'none: no id property (thingId, id, _id, thing_id, uuid) in the item answers',
      'GET /things/{thingId}': 'none: no id property (thingId, id, _id, thing_id, uuid) in the item answers',
      'GET /stats': 'none: not a collection or item path',
      'GET /pets': 'none: the list answer holds no array of items',
      'POST /pets': 'create: ',
    });
  });

  it('a collection without an item path takes its id from its name; no stateful kinds when inference is off', () => {
    expect(kinds({ '/books': { get: ok({ type: 'array', items: { type: 'object', properties: { bookId: { type: 'string' } } } }), post: ok({ type: 'object', properties: { bookId: { type: 'string' } } }) } })).toEqual({ 'GET /books': 'list', 'POST /books': 'create' });
    const router = SpecRouter.fromDefinition({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/pets': { get: ok({ type: 'array', items: item() }), post: ok(item()) } } });
    expect([...classify(router.operations(), false).values()].map((p) => p.kind)).toEqual(['none', 'none']);
  });

  it('an operation without a JSON (or text with an example) answer cannot be served', () => {
    const result = plans({
      '/photo': { get: { responses: { '200': { description: 'png', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } } } },
      '/ping': { get: { responses: { '200': { description: 'text', content: { 'text/plain': { example: 'pong' } } } } } },
      '/empty': { delete: { responses: { '204': { description: 'no body' } } } },
      '/error-only': { get: { responses: { '404': { description: 'never found' } } } },
    });
    expect([...result.values()].map((p) => (p.success.ok ? `${p.success.response.status} ${p.success.response.mediaType ?? 'no body'}` : p.success.reason))).toEqual([
      'no JSON response (only image/png)',
      '200 text/plain',
      '204 no body',
      'documents no success response',
    ]);
  });
});
