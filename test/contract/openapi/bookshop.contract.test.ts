import { describe, expect, it } from 'vitest';
import { expectDocumented } from '../../support/conform-document.ts';
import { send, uniqueName, type WireRequest, type WireResponse } from '../../support/http.ts';

/**
 * test/openapi/bookshop/bookshop.yaml (OpenAPI 3.1, its schemas, parameters and responses in three
 * other files) served under /shop: uuid ids, allOf/oneOf bodies, page/per_page and cursor paging,
 * a multipart form, a nested collection and three security schemes, over HTTP.
 */
const DOC = 'test/openapi/bookshop/bookshop.yaml';
const BEARER = { Authorization: 'Bearer token-1' };

async function call(operationId: string, path: string, session: string, request: WireRequest = {}): Promise<WireResponse> {
  const res = await send(`/shop${path}`, { ...request, headers: { ...BEARER, 'X-Mock-Session': session, ...request.headers } });
  await expectDocumented(DOC, operationId, res);
  return res;
}

interface Book {
  readonly bookId: string;
  readonly title: string;
  readonly format: { kind: string };
  readonly subtitle?: string | null;
}

const paperback = { title: 'Dune', language: 'en', isbn: '9780441172719', format: { kind: 'paperback', pages: 412 } };
const ebook = { title: 'Emma', subtitle: null, language: 'en', format: { kind: 'ebook', sizeMb: 1.5 } };

describe('bookshop (OpenAPI 3.1, $refs across files) under /shop', () => {
  it('creates, pages, reads, patches and deletes books with uuid ids; oneOf/allOf bodies are kept as sent', async () => {
    const s = uniqueName('books');
    const dune = await call('createBook', '/books', s, { json: paperback });
    const emma = await call('createBook', '/books', s, { json: ebook });
    expect([dune.status, emma.status]).toEqual([201, 201]);
    const first = dune.json as Book;
    expect(first.bookId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).toMatchObject(paperback);
    expect(emma.json).toMatchObject(ebook);
    expect(dune.headers.get('location')).toBe(`/shop/books/${first.bookId}`);

    const page1 = await call('listBooks', '/books', s, { query: { per_page: '1' } });
    expect(page1.json).toMatchObject({ items: [{ title: 'Dune' }], total: 2 });
    const page2 = await call('listBooks', '/books', s, { query: { per_page: '1', page: '2' } });
    expect(page2.json).toMatchObject({ items: [{ title: 'Emma' }], total: 2 });
    expect((await call('listBooks', '/books', s, { query: { page: '3', per_page: '1' } })).json).toMatchObject({ items: [], total: 2 });

    const patched = await call('updateBook', `/books/${first.bookId}`, s, { method: 'PATCH', json: { subtitle: 'Book one' } });
    expect(patched.json).toMatchObject({ ...paperback, bookId: first.bookId, subtitle: 'Book one' });
    expect((await call('getBook', `/books/${first.bookId}`, s)).json).toEqual(patched.json);
    expect((await call('deleteBook', `/books/${first.bookId}`, s, { method: 'DELETE' })).status).toBe(204);
    const gone = await call('getBook', `/books/${first.bookId}`, s);
    expect([gone.status, (gone.json as { type: string }).type]).toEqual([404, 'urn:api-twin:problem:not-found']);
  });

  it('refuses bodies that break the oneOf, the pattern or unevaluatedProperties, with their pointers', async () => {
    const s = uniqueName('invalid-books');
    const wrongFormat = await call('createBook', '/books', s, { json: { ...paperback, format: { kind: 'scroll' } } });
    expect(wrongFormat.status).toBe(400);
    const pointers = (wrongFormat.json as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
    expect(pointers).toContain('/body/format');
    const bad = await call('createBook', '/books', s, { json: { ...paperback, isbn: '123', extra: true } });
    expect((bad.json as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/isbn', reason: 'must match pattern "^97[89][0-9]{10}$"' },
      { pointer: '/body', reason: 'must NOT have unevaluated properties' },
    ]);
    const badId = await call('getBook', '/books/not-a-uuid', s);
    expect([badId.status, (badId.json as { errors: unknown[] }).errors]).toEqual([400, [{ pointer: '/path/bookId', reason: 'must match format "uuid"' }]]);
  });

  it('a multipart form creates an author in an envelope; cursor paging hands out next_cursor', async () => {
    const s = uniqueName('authors');
    const boundary = 'TwinBoundary';
    const form = (fields: Record<string, string>) =>
      `${Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`;
    const headers = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    const names = ['Herbert', 'Austen', 'Le Guin'];
    for (const [i, name] of names.entries()) {
      const created = await call('createAuthor', '/authors', s, { body: form({ name, born: String(1900 + i) }), headers });
      expect([created.status, created.json]).toEqual([201, { data: { id: i + 1, name, born: 1900 + i } }]);
    }
    // limit defaults to 2 (the parameter's default).
    const first = await call('listAuthors', '/authors', s);
    expect(first.json).toEqual({ data: [{ id: 1, name: 'Herbert', born: 1900 }, { id: 2, name: 'Austen', born: 1901 }], next_cursor: '2' });
    const rest = await call('listAuthors', '/authors', s, { query: { cursor: '2' } });
    expect(rest.json).toEqual({ data: [{ id: 3, name: 'Le Guin', born: 1902 }] });
    expect((await call('getAuthor', '/authors/2', s)).json).toEqual({ data: { id: 2, name: 'Austen', born: 1901 } });
    const invalid = await call('createAuthor', '/authors', s, { body: form({ born: 'never' }), headers });
    expect((invalid.json as { errors: unknown[] }).errors).toEqual([
      { pointer: '/body/name', reason: 'is required' },
      { pointer: '/body/born', reason: 'must be integer' },
    ]);
  });

  it('a nested collection keeps each parent\'s items apart', async () => {
    const s = uniqueName('nested');
    await call('createAuthorBook', '/authors/1/books', s, { json: paperback });
    await call('createAuthorBook', '/authors/1/books', s, { json: ebook });
    await call('createAuthorBook', '/authors/2/books', s, { json: ebook });
    expect(((await call('listAuthorBooks', '/authors/1/books', s)).json as Book[]).map((b) => b.title)).toEqual(['Dune', 'Emma']);
    expect(((await call('listAuthorBooks', '/authors/2/books', s)).json as Book[]).map((b) => b.title)).toEqual(['Emma']);
    expect((await call('listAuthorBooks', '/authors/3/books', s)).json).toEqual([]);
  });

  it('three security schemes: Basic, an OAuth bearer token or an API key in the query; none is a 401 naming all three', async () => {
    const s = uniqueName('schemes');
    const none = await send('/shop/authors', { headers: { 'X-Mock-Session': s } });
    await expectDocumented(DOC, 'listAuthors', none);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="bookshop", Bearer realm="bookshop", ApiKey realm="bookshop", in="query", name="api_key"');
    expect((none.json as { detail: string }).detail).toBe('Missing credentials: send basicAuth (Authorization: Basic); or oauth (Authorization: Bearer); or queryKey (query parameter api_key).');
    const basic = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
    expect((await send('/shop/authors', { headers: { 'X-Mock-Session': s, Authorization: basic } })).status).toBe(200);
    expect((await send('/shop/authors', { headers: { 'X-Mock-Session': s }, query: { api_key: 'k' } })).status).toBe(200);
    // A Basic header without user:password is no credential.
    expect((await send('/shop/authors', { headers: { 'X-Mock-Session': s, Authorization: 'Basic bm9wZQ==' } })).status).toBe(401);
    // A public operation of the same document.
    const search = await send('/shop/search', { query: { q: 'dune' } });
    await expectDocumented(DOC, 'search', search);
    expect(search.status).toBe(200);
  });

  it('is served only under its prefix', async () => {
    expect((await send('/books', { headers: BEARER })).status).toBe(404);
    expect((await send('/shop/nothing', { headers: BEARER })).status).toBe(404);
    expect((await send('/shop/books', { method: 'PUT', headers: BEARER, json: {} })).status).toBe(405);
  });
});
