/**
 * Memory bounded by bytes, not by counts (DESIGN.md §6: "bytes are the unit of every limit"). A
 * room count cap let 853 rooms of 914 KB of `customFields` each take the process down; a byte
 * budget per session cannot be outgrown that way, whatever the shape of what is stored.
 */

/** One mock session's budget, shared by all of its APIs. */
export class ByteBudget {
  private usedBytes = 0;

  constructor(readonly limit: number) {}

  /** Bytes charged so far. */
  get used(): number {
    return this.usedBytes;
  }

  /** Charges `bytes` when they fit; false (and nothing charged) when they do not. */
  tryCharge(bytes: number): boolean {
    if (this.usedBytes + bytes > this.limit) return false;
    this.usedBytes += bytes;
    return true;
  }

  /** Charges `bytes` even past the limit (the fixtures every session starts from). */
  charge(bytes: number): void {
    this.usedBytes += bytes;
  }

  release(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }
}

/**
 * What one API of one session has charged to its session's budget. Stores charge through their
 * meter, so an API's share can be released whole when its state is replaced (`PUT /__admin/state`).
 */
export class Meter {
  private ownBytes = 0;

  constructor(private budget: ByteBudget) {}

  /** Bytes this API holds in its session. */
  get bytes(): number {
    return this.ownBytes;
  }

  /** The session budget's limit (for error messages). */
  get limit(): number {
    return this.budget.limit;
  }

  /** True when `bytes` more would fit the session's budget (nothing is charged). */
  fits(bytes: number): boolean {
    return this.budget.used + bytes <= this.budget.limit;
  }

  tryCharge(bytes: number): boolean {
    if (!this.budget.tryCharge(bytes)) return false;
    this.ownBytes += bytes;
    return true;
  }

  charge(bytes: number): void {
    this.budget.charge(bytes);
    this.ownBytes += bytes;
  }

  release(bytes: number): void {
    const released = Math.min(bytes, this.ownBytes);
    this.budget.release(released);
    this.ownBytes -= released;
  }

  /**
   * Moves this meter's bytes onto `budget` (imported state is built on an unbounded budget, then
   * checked against the session's). False, and nothing moved, when they do not fit there.
   */
  moveTo(budget: ByteBudget, replacing: number): boolean {
    if (budget.used - replacing + this.ownBytes > budget.limit) return false;
    budget.release(replacing);
    budget.charge(this.ownBytes);
    this.budget = budget;
    return true;
  }
}

/** A meter on a budget without a limit: for state that is measured before it is admitted. */
export function unboundedMeter(): Meter {
  return new Meter(new ByteBudget(Number.POSITIVE_INFINITY));
}

// V8 heap costs on 64-bit with pointer compression off (Node's default build): a header of two
// words per object, a word per slot. Rounded up, so the estimate errs on the safe side; calibrated
// against heap snapshots by bench/memory.ts (rooms with 52k-key customFields: estimate ≥ heap).
const WORD = 8;
const OBJECT_HEADER = 3 * WORD;
/** Per key of an object in dictionary mode (key, value, details: three words), plus hash-table slack. */
const PROPERTY = 6 * WORD;
const ARRAY_HEADER = 4 * WORD;
const STRING_HEADER = 3 * WORD;
const HEAP_NUMBER = 2 * WORD;
const MAP_ENTRY = 4 * WORD;

/**
 * Estimates the heap bytes a JSON-like value holds: strings, numbers, arrays, plain objects, Maps
 * and Sets. Iterative, so depth costs no stack, and linear in the size of the value. Shared
 * sub-values are counted at every place they appear (an over-estimate, never an under-estimate).
 */
export function estimateBytes(value: unknown): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    switch (typeof item) {
      case 'string':
        total += stringBytes(item);
        break;
      case 'number':
        total += HEAP_NUMBER;
        break;
      case 'object':
        if (item === null) {
          total += WORD;
        } else if (Array.isArray(item)) {
          total += ARRAY_HEADER + item.length * WORD;
          for (const element of item) pending.push(element);
        } else if (item instanceof Map) {
          total += OBJECT_HEADER * 2 + item.size * MAP_ENTRY;
          for (const [key, entry] of item) pending.push(key, entry);
        } else if (item instanceof Set) {
          total += OBJECT_HEADER * 2 + item.size * MAP_ENTRY;
          for (const entry of item) pending.push(entry);
        } else {
          const keys = Object.keys(item);
          total += OBJECT_HEADER + keys.length * PROPERTY;
          for (const key of keys) {
            total += stringBytes(key);
            pending.push(Object.getOwnPropertyDescriptor(item, key)?.value);
          }
        }
        break;
      default:
        // booleans and undefined are shared oddballs: one slot, counted by their container.
        break;
    }
  }
  return total;
}

/** A string's heap size: one byte per character when all are Latin-1, else two. */
function stringBytes(text: string): number {
  // eslint-disable-next-line no-control-regex -- the test is exactly "any character above U+00FF"
  const wide = /[^\u0000-\u00ff]/.test(text);
  return STRING_HEADER + Math.ceil((text.length * (wide ? 2 : 1)) / WORD) * WORD;
}
