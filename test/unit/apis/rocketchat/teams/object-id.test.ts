import { describe, expect, it } from 'vitest';
import { objectId } from '../../../../../src/apis/rocketchat/teams/object-id.ts';
import { seededRandom } from '../support.ts';

describe('team ObjectIds', () => {
  it('24 hex digits: the creation second, then digits from the random source', () => {
    const id = objectId(new Date('2025-01-15T10:00:00.999Z'), seededRandom(1));
    expect(id).toMatch(/^67878720[0-9a-f]{16}$/);
    expect(objectId(new Date('2025-01-15T10:00:00.000Z'), seededRandom(1))).toBe(id);
    expect(objectId(new Date(0), () => 0.999999)).toBe('00000000ffffffffffffffff');
    expect(objectId(new Date(0), () => 1)).toBe('00000000ffffffffffffffff');
  });
});
