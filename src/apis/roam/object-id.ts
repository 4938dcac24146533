/**
 * MongoDB ObjectIds, as every Roam id is one (research/roam.md §7: the first four bytes of the
 * documented ids decode to the record's `created_at` second). Layout as MongoDB's drivers build it:
 * 4-byte big-endian Unix second, 5 random bytes fixed per process, 3-byte counter from a random start.
 */

/** A lower-case 24-hex ObjectId, the form Roam answers with. */
export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/;

/** Makes ObjectIds for records created at a given instant. */
export interface ObjectIdGenerator {
  /** A new id whose first four bytes are `at`'s Unix second. */
  next(at: Date): string;
}

const COUNTER_SPAN = 0x1000000;

/**
 * A generator seeded from `random` (the injected source, so tests can pin it). One generator
 * serves every session of a twin, as one MongoDB client process does: ids stay unique across
 * sessions even when the clock is pinned.
 */
export function createObjectIdGenerator(random: () => number): ObjectIdGenerator {
  let processUnique = '';
  for (let i = 0; i < 5; i += 1) processUnique += hex(Math.floor(random() * 256), 2);
  let counter = Math.floor(random() * COUNTER_SPAN);
  return {
    next(at) {
      const second = Math.floor(at.getTime() / 1000) >>> 0;
      const id = hex(second, 8) + processUnique + hex(counter, 6);
      counter = (counter + 1) % COUNTER_SPAN;
      return id;
    },
  };
}

/** The Unix second encoded in an ObjectId's first four bytes. */
export function objectIdSecond(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16);
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}
