import { parsePageNumber, queryValue } from './query-params.ts';

/**
 * Roam's v1 pagination (research/roam.md §2): `page_number` query parameter, ten items per page,
 * `{next_page, pages, prev_page, …}` with `null` for an absent neighbour and `pages: 0` when there
 * is nothing; a page past the end is simply empty.
 */

/** Items per page (§2). */
export const PAGE_SIZE = 10;

/** The page fields of a list `data` object, in the documented key order. */
export interface PageLinks {
  readonly next_page: number | null;
  readonly pages: number;
  readonly prev_page: number | null;
}

/**
 * The requested page number, 1 when absent. The core coerces query values when validation
 * passes, but hands them over raw (strings, or arrays for a repeated key) when the only issue was
 * an unknown parameter that rejectInvalid let through, so the value is read from `unknown`.
 */
export function requestedPage(raw: unknown): number {
  const value = queryValue(raw);
  const page = value === undefined ? undefined : parsePageNumber(value);
  return page !== undefined && page >= 1 ? page : 1;
}

/** Offset of the first item of `page`. */
export function pageOffset(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

/** Links for `page` of a list of `total` items. A page past the end still points back (modelled). */
export function pageLinks(page: number, total: number): PageLinks {
  const pages = Math.ceil(total / PAGE_SIZE);
  return { next_page: page < pages ? page + 1 : null, pages, prev_page: page > 1 ? page - 1 : null };
}
