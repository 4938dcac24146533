import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dereference } from '../../../../src/apis/openapi/dereference.ts';
import { loadDocument } from '../../../../src/apis/openapi/load.ts';
import { SpecError } from '../../../../src/apis/openapi/spec-error.ts';

const noFiles = () => Promise.reject(new Error('no other files'));

describe('dereference', () => {
  it('replaces local references by their (shared) targets; a recursive schema becomes a cycle', async () => {
    const doc: Record<string, unknown> = {
      a: { $ref: '#/defs/Node' },
      b: { $ref: '#/defs/Node' },
      defs: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/defs/Node' } }, name: { $ref: '#/defs/Name' } } }, Name: { type: 'string' } },
    };
    await dereference(doc, '/x/doc.yaml', noFiles);
    const node = doc.a as { properties: { children: { items: unknown }; name: unknown } };
    expect(doc.b).toBe(node);
    expect(node.properties.children.items).toBe(node);
    expect(node.properties.name).toEqual({ type: 'string' });
  });

  it('a reference with siblings becomes a copy with the siblings on top; data keys are not references', async () => {
    const doc: Record<string, unknown> = {
      s: { $ref: '#/defs/S', description: 'kept as the target has it', nullable: true },
      e: { example: { $ref: 'not a reference' }, enum: [{ $ref: 'data' }] },
      defs: { S: { type: 'string' } },
    };
    await dereference(doc, '/x/doc.yaml', noFiles);
    expect(doc.s).toEqual({ type: 'string', nullable: true });
    expect(doc.e).toEqual({ example: { $ref: 'not a reference' }, enum: [{ $ref: 'data' }] });
  });

  it('names the file and pointer of a reference that does not resolve, is remote or loops', async () => {
    const error = async (doc: Record<string, unknown>) => {
      try {
        await dereference(doc, '/x/doc.yaml', noFiles);
      } catch (e) {
        return e as SpecError;
      }
      throw new Error('resolved');
    };
    const missing = await error({ paths: { '/a': { get: { $ref: '#/nowhere' } } } });
    expect([missing.file, missing.pointer, missing.reason]).toEqual(['/x/doc.yaml', '/paths/~1a/get', '$ref "#/nowhere" does not resolve: /x/doc.yaml has nothing at /nowhere']);
    expect((await error({ a: { $ref: 'https://example.com/s.json' } })).reason).toMatch(/is remote/);
    expect((await error({ a: { $ref: '#/b' }, b: { $ref: '#/a' } })).reason).toMatch(/circular chain/);
  });

  it('reads relative files once each, relative to the file that names them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-deref-'));
    await writeFile(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "./parts/responses.yaml#/Ok" }\n');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'parts'));
    await writeFile(join(dir, 'parts', 'responses.yaml'), 'Ok:\n  description: ok\n  content:\n    application/json:\n      schema: { $ref: "./schemas.json#/Thing" }\n');
    await writeFile(join(dir, 'parts', 'schemas.json'), JSON.stringify({ Thing: { type: 'object', properties: { id: { type: 'integer' } } } }));
    const loaded = await loadDocument({ file: join(dir, 'api.yaml') });
    const schema = (loaded.definition.paths?.['/a']?.get?.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;
    expect(schema).toEqual({ type: 'object', properties: { id: { type: 'integer' } } });
    expect(loaded).toMatchObject({ name: 'api', mediaType: 'application/yaml', mountPath: '' });
  });
});
