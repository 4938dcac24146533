import { estimateBytes, type Meter } from '../../core/byte-budget.ts';

/** Heap an item costs beyond its own estimate: its Map entry, its id key and its byte record. */
const ITEM_OVERHEAD = 160;

interface Held {
  readonly item: unknown;
  readonly bytes: number;
}

/**
 * The inferred resources of one document in one mock session: per collection path (`/pets`,
 * `/owners/7/pets`, parameters filled in), its items by id in creation order. Every item is charged
 * to the session's byte budget through `meter` (DESIGN.md §6: bytes are the unit of every limit),
 * so a session cannot outgrow its share whatever the items hold; a write that does not fit is
 * refused and changes nothing.
 */
export class ResourceStore {
  private readonly collections = new Map<string, Map<string, Held>>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly meter: Meter) {}

  /** The session's byte budget (for the error that says it is full). */
  get byteLimit(): number {
    return this.meter.limit;
  }

  /** Adds a fixture item, charged even past the budget (fixtures are what every session starts from). */
  seed(collection: string, id: string, item: unknown): void {
    const bytes = ITEM_OVERHEAD + estimateBytes(item);
    this.meter.charge(bytes);
    this.items(collection).set(id, { item, bytes });
    this.noteId(collection, id);
  }

  get(collection: string, id: string): unknown {
    return this.collections.get(collection)?.get(id)?.item;
  }

  has(collection: string, id: string): boolean {
    return this.collections.get(collection)?.has(id) === true;
  }

  /** The collection's items in creation order. */
  list(collection: string): unknown[] {
    const items = this.collections.get(collection);
    return items === undefined ? [] : [...items.values()].map((held) => held.item);
  }

  /** The ids of a collection in creation order. */
  ids(collection: string): string[] {
    return [...(this.collections.get(collection)?.keys() ?? [])];
  }

  /** Stores a new or replaced item; false (and nothing changed) when the budget cannot take it. */
  put(collection: string, id: string, item: unknown): boolean {
    const items = this.items(collection);
    const before = items.get(id);
    const bytes = ITEM_OVERHEAD + estimateBytes(item);
    const growth = bytes - (before?.bytes ?? 0);
    if (growth > 0 && !this.meter.tryCharge(growth)) return false;
    if (growth < 0) this.meter.release(-growth);
    items.set(id, { item, bytes });
    this.noteId(collection, id);
    return true;
  }

  /** Deletes an item; false when there was none. */
  remove(collection: string, id: string): boolean {
    const items = this.collections.get(collection);
    const held = items?.get(id);
    if (!items || !held) return false;
    items.delete(id);
    this.meter.release(held.bytes);
    if (items.size === 0) this.collections.delete(collection);
    return true;
  }

  /** The next whole-number id of a collection: one more than any it has held. */
  nextInteger(collection: string, minimum: number): number {
    const next = Math.max(minimum, (this.counters.get(collection) ?? minimum - 1) + 1);
    this.counters.set(collection, next);
    return next;
  }

  /** Every collection with its items, in creation order (state export). */
  snapshot(): Record<string, unknown[]> {
    const out: Record<string, unknown[]> = {};
    for (const [collection, items] of this.collections) out[collection] = [...items.values()].map((held) => held.item);
    return out;
  }

  private items(collection: string): Map<string, Held> {
    let items = this.collections.get(collection);
    if (!items) this.collections.set(collection, (items = new Map<string, Held>()));
    return items;
  }

  /** Keeps whole-number ids ahead of every id stored (fixtures, client-chosen ids). */
  private noteId(collection: string, id: string): void {
    if (!/^\d{1,15}$/.test(id)) return;
    const n = Number(id);
    if (n > (this.counters.get(collection) ?? Number.NEGATIVE_INFINITY)) this.counters.set(collection, n);
  }
}
