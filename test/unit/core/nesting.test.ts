import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../../src/core/nesting.ts';

describe('nestingDepth', () => {
  it('counts arrays and objects, ignoring brackets in strings', () => {
    expect(nestingDepth('')).toBe(0);
    expect(nestingDepth('"[[[{"')).toBe(0);
    expect(nestingDepth('{"a":[1,{"b":"]]\\"[["}]}')).toBe(3);
    expect(nestingDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
  });
});
