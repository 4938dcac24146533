/** A status the next answer of one operation in one session is forced to (`POST /__admin/forced`). */
export interface ForcedStatus {
  readonly session: string;
  readonly api: string;
  readonly operationId: string;
  readonly code: number;
}

/** At most this many forced statuses wait at once; setting one more drops the oldest. */
export const MAX_FORCED = 1000;

/**
 * One-shot `Prefer: code=<status>` preferences set through the admin API, for clients that cannot
 * add a header (the dashboard's "force" button, a browser app under test). The next request of the
 * operation in the session whose credentials pass takes it, exactly as if it had sent the header.
 * Bounded by count; most twins never hold one, and then `take` costs one size check.
 */
export class ForcedStatuses {
  private readonly pending = new Map<string, ForcedStatus>();

  /** Sets (or replaces) the forced status of an operation in a session. */
  set(forced: ForcedStatus): void {
    const key = keyOf(forced.session, forced.api, forced.operationId);
    this.pending.delete(key);
    if (this.pending.size >= MAX_FORCED) {
      const [oldest] = this.pending.keys();
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    this.pending.set(key, forced);
  }

  /** The forced status for this request, removed as it is used; undefined when none waits. */
  take(session: string, api: string, operationId: string): number | undefined {
    if (this.pending.size === 0) return undefined;
    const key = keyOf(session, api, operationId);
    const forced = this.pending.get(key);
    if (forced === undefined) return undefined;
    this.pending.delete(key);
    return forced.code;
  }

  /** Every waiting forced status, oldest first. */
  list(): ForcedStatus[] {
    return [...this.pending.values()];
  }

  /** Drops the waiting ones of one session, or all; returns how many. */
  clear(session?: string): number {
    if (session === undefined) {
      const count = this.pending.size;
      this.pending.clear();
      return count;
    }
    let count = 0;
    for (const [key, forced] of this.pending) {
      if (forced.session !== session) continue;
      this.pending.delete(key);
      count += 1;
    }
    return count;
  }
}

function keyOf(session: string, api: string, operationId: string): string {
  // NUL cannot occur in a session id, an API name or an operationId that reach here as keys.
  return `${session}\u0000${api}\u0000${operationId}`;
}
