import { describe, expect, it } from 'vitest';
import { ByteBudget, Meter, estimateBytes, unboundedMeter } from '../../../src/core/byte-budget.ts';

describe('estimateBytes', () => {
  it('grows with every kind of content, including Maps, Sets and depth', () => {
    expect(estimateBytes('a'.repeat(1000))).toBeGreaterThanOrEqual(1000);
    expect(estimateBytes('é'.repeat(1000))).toBeGreaterThanOrEqual(1000);
    expect(estimateBytes('€'.repeat(1000))).toBeGreaterThanOrEqual(2000);
    expect(estimateBytes({ a: 'x'.repeat(100) })).toBeGreaterThan(estimateBytes({ a: 'x' }));
    expect(estimateBytes(new Map([['k', 'v'.repeat(500)]]))).toBeGreaterThan(500);
    expect(estimateBytes(new Set(['v'.repeat(500)]))).toBeGreaterThan(500);
    expect(estimateBytes([1, null, true, undefined])).toBeGreaterThan(0);
  });

  it('walks 100,000 levels without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(estimateBytes(deep)).toBeGreaterThan(100_000);
  });

  it('is at least the JSON size of a 52,000-key object (what it bounds is heap, which is larger)', () => {
    const object = Object.fromEntries(Array.from({ length: 52_000 }, (_, i) => [`key${i}`, `value${i}`]));
    expect(estimateBytes(object)).toBeGreaterThan(JSON.stringify(object).length);
  });
});

describe('ByteBudget and Meter', () => {
  it('refuses what does not fit, and releases what a meter holds', () => {
    const budget = new ByteBudget(100);
    const a = new Meter(budget);
    const b = new Meter(budget);
    expect(a.tryCharge(60)).toBe(true);
    expect(b.tryCharge(50)).toBe(false);
    expect(b.fits(40)).toBe(true);
    expect(b.tryCharge(40)).toBe(true);
    expect(budget.used).toBe(100);
    a.release(1000);
    expect(a.bytes).toBe(0);
    expect(budget.used).toBe(40);
  });

  it('moves a measured meter onto a budget only when it fits there', () => {
    const measured = unboundedMeter();
    measured.charge(80);
    const small = new ByteBudget(50);
    expect(measured.moveTo(small, 0)).toBe(false);
    const roomy = new ByteBudget(100);
    roomy.charge(30);
    expect(measured.moveTo(roomy, 30)).toBe(true);
    expect(roomy.used).toBe(80);
    expect(measured.limit).toBe(100);
  });
});
