import { OpenAPIRouter } from 'openapi-backend';
import { describe, expect, it, vi } from 'vitest';
import { generateDocument } from '../../../bench/openapi-doc.ts';
import { PathIndex } from '../../../src/core/path-index.ts';
import { SpecRouter } from '../../../src/core/spec-router.ts';
import type { Document } from 'openapi-backend';

describe('PathIndex: templated paths by segment', () => {
  const index = new PathIndex<string>();
  for (const template of ['/pets/{petId}', '/pets/mine', '/pets/{petId}/photos/{photoId}', '/files/{name}.{ext}', '/files/{name}', '/{tenant}/settings']) index.add(template, template);

  it('prefers literal segments, then segments with a template inside, then whole parameters', () => {
    expect(index.match('/pets/mine')).toEqual({ template: '/pets/mine', value: '/pets/mine', params: {} });
    expect(index.match('/pets/42')).toEqual({ template: '/pets/{petId}', value: '/pets/{petId}', params: { petId: '42' } });
    expect(index.match('/files/a.tar.gz')?.params).toEqual({ name: 'a', ext: 'tar.gz' });
    expect(index.match('/files/readme')?.params).toEqual({ name: 'readme' });
    expect(index.match('/pets/1/photos/2')?.params).toEqual({ petId: '1', photoId: '2' });
    expect(index.match('/acme/settings')?.params).toEqual({ tenant: 'acme' });
  });

  it('backtracks when the preferred branch cannot take the rest, or its value is refused', () => {
    // `/pets/mine/photos/1` is not under the literal branch: the parameter branch takes it.
    expect(index.match('/pets/mine/photos/1')?.params).toEqual({ petId: 'mine', photoId: '1' });
    expect(index.match('/pets/mine', (value) => value !== '/pets/mine')?.template).toBe('/pets/{petId}');
  });

  it('a parameter never matches an empty segment or a slash', () => {
    expect(index.match('/pets/')).toBeUndefined();
    expect(index.match('/pets/1/2')).toBeUndefined();
    expect(index.match('/nothing')).toBeUndefined();
  });

  it('the work per match does not grow with the number of templates (2,000 of them)', () => {
    const big = new PathIndex<number>();
    for (let i = 0; i < 2000; i += 1) big.add(`/r${i}/{id}`, i);
    let small = 0;
    let large = 0;
    const tiny = new PathIndex<number>();
    for (let i = 0; i < 10; i += 1) tiny.add(`/r${i}/{id}`, i);
    expect(tiny.match('/r5/7', () => { small += 1; return true; })?.value).toBe(5);
    expect(big.match('/r1999/7', () => { large += 1; return true; })?.value).toBe(1999);
    expect([small, large]).toEqual([1, 1]);
  });
});

describe('SpecRouter on a 2,000-operation document', () => {
  it('routes templated paths without openapi-backend\'s linear matcher', () => {
    const router = SpecRouter.fromDefinition(generateDocument({ operations: 2000 }) as unknown as Document);
    const linear = vi.spyOn(OpenAPIRouter.prototype, 'matchOperation');
    const operations = vi.spyOn(OpenAPIRouter.prototype, 'getOperations');
    expect(router.match('GET', '/r398/5')).toMatchObject({ operationId: 'getR398', params: { id: '5' } });
    expect(router.match('DELETE', '/pets/1/')).toMatchObject({ operationId: 'deletePet', params: { id: '1' } });
    expect(router.match('POST', '/r398/5')).toBeUndefined();
    expect(router.hasPath('/r398/5')).toBe(true);
    expect(linear).not.toHaveBeenCalled();
    expect(operations).not.toHaveBeenCalled();
    linear.mockRestore();
    operations.mockRestore();
  });
});
