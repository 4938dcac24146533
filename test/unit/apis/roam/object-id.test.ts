import { describe, expect, it } from 'vitest';
import { createObjectIdGenerator, OBJECT_ID_PATTERN, objectIdSecond } from '../../../../src/apis/roam/object-id.ts';
import { formatTimestamp, TIMESTAMP_PATTERN, timestampSecond } from '../../../../src/apis/roam/timestamp.ts';
import { seededRandom } from './support.ts';

describe('ObjectId generator (research/roam.md §7)', () => {
  const at = new Date('2022-09-14T09:23:51.456Z');

  it('puts the creation second in the first four bytes, big-endian', () => {
    const id = createObjectIdGenerator(seededRandom(1)).next(at);
    expect(id).toMatch(OBJECT_ID_PATTERN);
    // The vendor's own example id 63219da7… was created at 2022-09-14T09:23:51 (research §7).
    expect(id.slice(0, 8)).toBe('63219da7');
    expect(objectIdSecond(id)).toBe(Math.floor(at.getTime() / 1000));
  });

  it('keeps the five random bytes fixed and counts up in the last three', () => {
    const ids = createObjectIdGenerator(seededRandom(2));
    const first = ids.next(at);
    const second = ids.next(at);
    expect(second.slice(8, 18)).toBe(first.slice(8, 18));
    expect(Number.parseInt(second.slice(18), 16)).toBe((Number.parseInt(first.slice(18), 16) + 1) % 0x1000000);
    expect(second).not.toBe(first);
  });

  it('is deterministic for a seeded random source', () => {
    expect(createObjectIdGenerator(seededRandom(3)).next(at)).toBe(createObjectIdGenerator(seededRandom(3)).next(at));
    expect(createObjectIdGenerator(seededRandom(3)).next(at)).not.toBe(createObjectIdGenerator(seededRandom(4)).next(at));
  });

  it('wraps the counter at 2^24', () => {
    const ids = createObjectIdGenerator(() => 0.999_999_999_9);
    const last = ids.next(at);
    expect(last.slice(18)).toBe('ffffff');
    expect(ids.next(at).slice(18)).toBe('000000');
  });

  it('writes lower-case hex with leading zeros', () => {
    const id = createObjectIdGenerator(() => 0).next(new Date(1000));
    expect(id).toBe('000000010000000000000000');
  });
});

describe('timestamps (research/roam.md §7)', () => {
  it('formats UTC with milliseconds and no zone', () => {
    expect(formatTimestamp(new Date('2022-09-14T09:23:51.456Z'))).toBe('2022-09-14T09:23:51.456');
    expect(formatTimestamp(new Date('2021-01-21T10:39:57Z'))).toBe('2021-01-21T10:39:57.000');
    expect(formatTimestamp(new Date('2021-06-03T17:13:58.830Z'))).toMatch(TIMESTAMP_PATTERN);
  });

  it('reads the second back as UTC', () => {
    expect(timestampSecond('2022-09-14T09:23:51.456')).toBe(Date.UTC(2022, 8, 14, 9, 23, 51) / 1000);
    expect(timestampSecond('2022-09-14T09:23:51Z')).toBeNaN();
  });

  it('agrees with the id made at the same instant', () => {
    const at = new Date('2030-01-01T00:00:00.999Z');
    const id = createObjectIdGenerator(seededRandom(5)).next(at);
    expect(objectIdSecond(id)).toBe(timestampSecond(formatTimestamp(at)));
  });
});
