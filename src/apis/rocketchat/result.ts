import type { Failure } from './errors.ts';

/**
 * Expected vendor failures are values, not exceptions (DESIGN.md §3): each domain step returns
 * either its value or the vendor's 400 body.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result carrying the vendor body. */
export function err<T>(error: Failure): Result<T> {
  return { ok: false, error };
}
