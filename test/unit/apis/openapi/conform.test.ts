import { describe, expect, it } from 'vitest';
import { Conformer } from '../../../../src/apis/openapi/conform.ts';

const schema = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    name: { type: 'string', minLength: 1 },
    kind: { enum: ['a', 'b'] },
    tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
    at: { type: 'string', format: 'date-time' },
  },
};

describe('Conformer', () => {
  const conformer = new Conformer(false);
  const fake = (sub: unknown) => ((sub as { enum?: unknown[] }).enum?.[0] ?? ((sub as { type?: string }).type === 'string' ? 'filled' : 0));

  it('lists ajv errors, with formats checked', () => {
    expect(conformer.errors(schema, { id: 1, name: 'x', kind: 'a' })).toEqual([]);
    expect(conformer.errors(schema, { id: 1, name: 'x', kind: 'a', at: 'yesterday' }).map((e) => e.keyword)).toEqual(['format']);
  });

  it('repairs a value guided by the errors, without touching the original', () => {
    const value = { id: 1, name: '', kind: 'c', extra: true, tags: ['1', '2', '3'] };
    const { value: fixed, fits } = conformer.conform(schema, value, fake);
    expect(fits).toBe(true);
    expect(fixed).toEqual({ id: 1, name: 'filled', kind: 'a', tags: ['1', '2'] });
    expect(value).toEqual({ id: 1, name: '', kind: 'c', extra: true, tags: ['1', '2', '3'] });
    expect(conformer.conform(schema, { id: 2 }, fake).value).toEqual({ id: 2, name: 'filled', kind: 'a' });
  });

  it('compiles a recursive (cyclic) schema', () => {
    const node: Record<string, unknown> = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    expect(conformer.errors(node, { name: 'a', children: [{ name: 'b', children: [] }] })).toEqual([]);
    expect(conformer.errors(node, { name: 'a', children: [{ children: [] }] }).map((e) => e.instancePath)).toEqual(['/children/0']);
  });
});
