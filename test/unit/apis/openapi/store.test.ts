import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter } from '../../../../src/core/byte-budget.ts';
import { ResourceStore } from '../../../../src/apis/openapi/store.ts';
import { newId } from '../../../../src/apis/openapi/ids.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

describe('ResourceStore', () => {
  it('keeps items per collection path in creation order, charged to the session budget', () => {
    const budget = new ByteBudget(10_000);
    const store = new ResourceStore(new Meter(budget));
    expect(store.put('/pets', '1', { id: 1, name: 'a' })).toBe(true);
    expect(store.put('/pets', '2', { id: 2, name: 'b' })).toBe(true);
    expect(store.put('/owners/7/pets', '1', { id: 1, name: 'c' })).toBe(true);
    expect(store.list('/pets')).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
    expect(store.snapshot()).toEqual({ '/pets': [{ id: 1, name: 'a' }, { id: 2, name: 'b' }], '/owners/7/pets': [{ id: 1, name: 'c' }] });
    const used = budget.used;
    expect(used).toBeGreaterThan(0);
    expect(store.remove('/pets', '1')).toBe(true);
    expect(store.remove('/pets', '1')).toBe(false);
    expect(budget.used).toBeLessThan(used);
  });

  it('refuses a write past the budget and changes nothing', () => {
    const budget = new ByteBudget(600);
    const store = new ResourceStore(new Meter(budget));
    expect(store.put('/a', '1', { text: 'x'.repeat(100) })).toBe(true);
    expect(store.put('/a', '2', { text: 'x'.repeat(1000) })).toBe(false);
    expect(store.ids('/a')).toEqual(['1']);
    // Growing an item in place is charged too.
    expect(store.put('/a', '1', { text: 'x'.repeat(1000) })).toBe(false);
    expect(store.get('/a', '1')).toEqual({ text: 'x'.repeat(100) });
  });
});

describe('newId', () => {
  const store = () => new ResourceStore(new Meter(new ByteBudget(1e9)));

  it('counts whole numbers up from the minimum, past every id held', () => {
    const s = store();
    expect(newId({ type: 'integer' }, s, '/a', Math.random)).toBe(1);
    s.put('/a', '41', {});
    expect(newId({ type: 'integer', minimum: 10 }, s, '/a', Math.random)).toBe(42);
    expect(newId({ type: 'integer', minimum: 10 }, s, '/b', Math.random)).toBe(10);
  });

  it('uuid, pattern and plain string ids, never one the collection holds', () => {
    const random = seededRandom(3);
    expect(newId({ type: 'string', format: 'uuid' }, store(), '/a', random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId({ type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, store(), '/a', random)).toMatch(/^[A-Z]{3}-\d{4}$/);
    expect(newId({ type: 'string', maxLength: 6 }, store(), '/a', random)).toMatch(/^[a-z0-9]{6}$/);
  });
});
