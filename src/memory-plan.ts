import { getHeapStatistics } from 'node:v8';

/**
 * How the heap is shared out (issue "bounded by bytes"): stored documents may take half of V8's
 * heap limit, the other half is left for requests in flight (bodies up to the body limit, answers
 * as large as a whole session's list), parsed specs and V8's own headroom.
 */
const STORED_SHARE = 0.5;
const MIB = 1024 * 1024;
/** A session smaller than this cannot hold a useful story; larger than this, exports get unwieldy. */
const MIN_SESSION_BYTES = MIB;
const MAX_SESSION_BYTES = 256 * MIB;

/** V8's heap limit for this process (`--max-old-space-size` raises it). */
export function heapLimitBytes(): number {
  return getHeapStatistics().heap_size_limit;
}

/**
 * The `default` session (every request without `X-Mock-Session`: a frontend developing offline)
 * gets a quarter of the stored share, at most MAX_SESSION_BYTES.
 */
export function defaultSessionBudget(heapBytes = heapLimitBytes()): number {
  return clamp(Math.floor(heapBytes * STORED_SHARE * 0.25));
}

/** Every other session's budget: the rest of the stored share, less the journal, split over them. */
export function otherSessionBudget(maxSessions: number, journalBytes: number, heapBytes = heapLimitBytes()): number {
  const rest = heapBytes * STORED_SHARE - defaultSessionBudget(heapBytes) - journalBytes;
  return clamp(Math.floor(rest / Math.max(1, maxSessions - 1)));
}

function clamp(bytes: number): number {
  return Math.min(MAX_SESSION_BYTES, Math.max(MIN_SESSION_BYTES, bytes));
}

/** What the start-up check found. */
export interface MemoryPlan {
  /** Sessions × budget + journal, in bytes. */
  readonly needed: number;
  /** The part of the heap stored documents may take. */
  readonly available: number;
  readonly fits: boolean;
  /** One line for the banner or a warning. */
  readonly summary: string;
}

/** Budgets the start-up check looks at. */
export interface MemoryLimits {
  readonly maxSessions: number;
  readonly maxSessionBytes: number;
  readonly defaultSessionBytes: number;
  readonly journalBytes: number;
}

/** Checks that full sessions and a full journal fit the heap together. */
export function memoryPlan(limits: MemoryLimits, heapBytes = heapLimitBytes()): MemoryPlan {
  const others = Math.max(0, limits.maxSessions - 1);
  const needed = limits.defaultSessionBytes + others * limits.maxSessionBytes + limits.journalBytes;
  const available = Math.floor(heapBytes * STORED_SHARE);
  const fits = needed <= available;
  const summary =
    `default session ${mib(limits.defaultSessionBytes)} + ${others} other session(s) × ${mib(limits.maxSessionBytes)} + journal ${mib(limits.journalBytes)} = ${mib(needed)}` +
    (fits ? ` (heap limit ${mib(heapBytes)})` : `, more than half the heap limit of ${mib(heapBytes)}: lower --max-sessions or --max-session-bytes, or raise node's --max-old-space-size`);
  return { needed, available, fits, summary };
}

function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0)} MiB`;
}
