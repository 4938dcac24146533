/**
 * Roam timestamps: ISO-8601 in UTC **without** a zone designator and exactly three fractional
 * digits, `YYYY-MM-DDTHH:MM:SS.mmm` (research/roam.md §7, every 2021+ example).
 */

/** Pattern of a timestamp the twin writes. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

/** Formats `at` as Roam does (UTC, milliseconds, no `Z`). */
export function formatTimestamp(at: Date): string {
  // toISOString is always UTC with three fractional digits; Roam drops the trailing `Z`.
  return at.toISOString().slice(0, 23);
}

/** Unix second of a Roam timestamp (read as UTC), or NaN when it is not one. */
export function timestampSecond(timestamp: string): number {
  if (!TIMESTAMP_PATTERN.test(timestamp)) return Number.NaN;
  return Math.floor(Date.parse(`${timestamp}Z`) / 1000);
}
