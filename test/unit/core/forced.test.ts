import { describe, expect, it } from 'vitest';
import { ForcedStatuses, MAX_FORCED } from '../../../src/core/forced.ts';

describe('ForcedStatuses', () => {
  it('gives a forced status to the first matching request only', () => {
    const forced = new ForcedStatuses();
    forced.set({ session: 's', api: 'roam', operationId: 'createGroup', code: 401 });
    expect(forced.take('other', 'roam', 'createGroup')).toBeUndefined();
    expect(forced.take('s', 'roam', 'listGroups')).toBeUndefined();
    expect(forced.take('s', 'roam', 'createGroup')).toBe(401);
    expect(forced.take('s', 'roam', 'createGroup')).toBeUndefined();
  });

  it('replaces a status set again, clears by session, and drops the oldest past its bound', () => {
    const forced = new ForcedStatuses();
    forced.set({ session: 'a', api: 'x', operationId: 'op', code: 400 });
    forced.set({ session: 'a', api: 'x', operationId: 'op', code: 401 });
    forced.set({ session: 'b', api: 'x', operationId: 'op', code: 404 });
    expect(forced.list().map((f) => f.code)).toEqual([401, 404]);
    expect(forced.clear('a')).toBe(1);
    expect(forced.list().map((f) => f.session)).toEqual(['b']);
    for (let i = 0; i < MAX_FORCED; i += 1) forced.set({ session: `s${i}`, api: 'x', operationId: 'op', code: 200 });
    expect(forced.list()).toHaveLength(MAX_FORCED);
    expect(forced.take('b', 'x', 'op')).toBeUndefined();
    expect(forced.clear()).toBe(MAX_FORCED);
  });
});
