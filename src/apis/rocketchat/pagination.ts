import { rcErrors } from './errors.ts';
import { own } from './parse-body.ts';
import { err, ok, type Result } from './result.ts';

/**
 * getPaginationItems and parseJsonQuery (research/rocketchat.md §5.2, PAG) with the settings'
 * defaults: `API_Default_Count` 50, `API_Upper_Count_Limit` 100, `API_Allow_Infinite_Count` on.
 */

/** Default page size. */
export const DEFAULT_COUNT = 50;
/** Largest page size; larger requests are clamped. */
export const MAX_COUNT = 100;

/** A page request: `count` 0 means "everything from offset" (infinite count). */
export interface Page {
  readonly offset: number;
  readonly count: number;
}

/** A parsed sort: field → 1 (ascending) or -1 (descending), in the order given. */
export type SortSpec = readonly (readonly [field: string, direction: 1 | -1])[];

/**
 * Query values arrive as strings, as arrays when repeated, or as numbers once the core coerced
 * them to the spec's integer type; anything else reads as absent.
 */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(','); // what String(array) gives, as the vendor's template would
  return undefined;
}

/**
 * getPaginationItems (`apps/meteor/server/api/lib/getPaginationItems.ts`). `offset`: parseInt, 0
 * when missing or falsy. `count`: parseInt, the default when missing; then anything above the
 * upper limit (the default included) becomes the limit; then 0 means "no limit" only with
 * infinite counts allowed, else the default (unclamped, as the vendor orders it). Modelled: a
 * non-numeric or negative value counts as missing (the vendor's behaviour there is [unverified]).
 */
export function pageOf(query: { readonly offset?: unknown; readonly count?: unknown }, limits: PageLimits = DEFAULT_LIMITS): Page {
  const offset = Number.parseInt(text(query.offset) ?? '', 10);
  const count = Number.parseInt(text(query.count) ?? '', 10);
  let size = Number.isNaN(count) || count < 0 ? limits.defaultCount : count;
  if (size > limits.maxCount) size = limits.maxCount;
  if (size === 0 && !limits.infinite) size = limits.defaultCount;
  return { offset: Number.isNaN(offset) || offset < 0 ? 0 : offset, count: size };
}

/** The page-size settings in force. */
export interface PageLimits {
  readonly defaultCount: number;
  readonly maxCount: number;
  readonly infinite: boolean;
}

const DEFAULT_LIMITS: PageLimits = { defaultCount: DEFAULT_COUNT, maxCount: MAX_COUNT, infinite: true };

/**
 * `API_Default_Count`, `API_Upper_Count_Limit`, `API_Allow_Infinite_Count` as the session's settings
 * say now. As getPaginationItems reads them, a negative limit counts as 100 and a negative default
 * as 50 (0 is kept: an upper limit of 0 turns every count into 0).
 */
export function pageLimits(settings: { number(id: string): number; boolean(id: string): boolean }): PageLimits {
  const upper = settings.number('API_Upper_Count_Limit');
  const fallback = settings.number('API_Default_Count');
  return { defaultCount: fallback < 0 ? DEFAULT_COUNT : fallback, maxCount: upper < 0 ? MAX_COUNT : upper, infinite: settings.boolean('API_Allow_Infinite_Count') };
}

/**
 * parseJsonQuery's sort: a JSON object whose values are all 1 or -1. Anything else →
 * `error-invalid-sort` quoting the raw parameter. Missing or empty → `fallback`.
 * Modelled: JSON that is not an object (number, array, null) is rejected too.
 */
export function sortOf(raw: unknown, fallback: SortSpec): Result<SortSpec> {
  const source = text(raw);
  if (source === undefined || source === '') return ok(fallback);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return err(rcErrors.invalidSort(source));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return err(rcErrors.invalidSort(source));
  const spec: [string, 1 | -1][] = [];
  for (const field of Object.keys(parsed)) {
    const direction = own(parsed, field);
    if (direction !== 1 && direction !== -1) return err(rcErrors.invalidSort(source));
    spec.push([field, direction]);
  }
  return ok(spec);
}

/**
 * Sorts a copy of `items` by `spec`, reading fields with `field`. Values compare like MongoDB's
 * type order, reduced to what rooms hold: missing < numbers < strings < booleans < the rest.
 * Equal keys keep their order (stable sort).
 */
export function sortBy<T>(items: readonly T[], spec: SortSpec, field: (item: T, name: string) => unknown): T[] {
  return [...items].sort((a, b) => {
    for (const [name, direction] of spec) {
      const order = compareValues(field(a, name), field(b, name));
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

/** One page of `items`, plus the numbers a list response carries. */
export function slicePage<T>(items: readonly T[], page: Page): { items: T[]; offset: number; count: number; total: number } {
  const end = page.count === 0 ? undefined : page.offset + page.count;
  const slice = items.slice(page.offset, end);
  return { items: slice, offset: page.offset, count: slice.length, total: items.length };
}

function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 3;
  return 4;
}

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
