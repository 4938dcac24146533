import type { ApiSession, ApiSessions } from './api.ts';

/** The id of the session used by requests without an `X-Mock-Session` header. */
export const DEFAULT_SESSION = 'default';

/** Limits that keep the number of sessions bounded (research/anchors.md §3, demand 10). */
export interface SessionLimits {
  /** At most this many sessions live at once; the least recently used one is dropped first. */
  readonly maxSessions: number;
  /** A session unused for this long is dropped (the default session never is). */
  readonly idleMs: number;
}

/**
 * Isolated states keyed by session id. A session is created lazily from the fixtures on first
 * use and holds one ApiSession per API. The default session is never evicted.
 */
export class SessionRegistry {
  // A Map keeps insertion order; re-inserting on use makes its first key the least recently used.
  private readonly sessions = new Map<string, Map<string, ApiSession>>();
  private readonly lastUsed = new Map<string, number>();

  constructor(
    private readonly factories: ReadonlyMap<string, ApiSessions>,
    private readonly limits: SessionLimits,
    private readonly now: () => Date,
  ) {}

  /** The state of `api` in session `id`, created from the fixtures when first asked for. */
  api(id: string, api: string): ApiSession {
    const session = this.session(id);
    let state = session.get(api);
    if (!state) {
      const factory = this.factories.get(api);
      if (!factory) throw new Error(`no fixtures loaded for api ${api}`);
      state = factory.fresh();
      session.set(api, state);
    }
    return state;
  }

  /**
   * Replaces the state of several APIs in session `id` with imported state, all or nothing:
   * the first state that fails its fixture checks aborts the import and nothing changes.
   */
  importStates(id: string, states: Readonly<Record<string, unknown>>): { ok: true } | { ok: false; api: string; pointer: string; reason: string } {
    const built = new Map<string, ApiSession>();
    for (const [api, state] of Object.entries(states)) {
      const factory = this.factories.get(api);
      if (!factory) return { ok: false, api, pointer: '', reason: `no API named ${api}` };
      const result = factory.fromState(state);
      if (!result.ok) return { ok: false, api, pointer: result.pointer, reason: result.reason };
      built.set(api, result.session);
    }
    const session = this.session(id);
    for (const [api, state] of built) session.set(api, state);
    return { ok: true };
  }

  /**
   * The APIs session `id` has state for so far, without creating any and without counting as a
   * use (a `--watch` reload moves exactly these, so an API the session never touched starts from
   * the new fixtures).
   */
  peek(id: string): ReadonlyMap<string, ApiSession> {
    return this.sessions.get(id) ?? new Map<string, ApiSession>();
  }

  /** Drops one session (or all), so the next request starts again from the fixtures. */
  reset(id?: string): number {
    if (id === undefined) {
      const count = this.sessions.size;
      this.sessions.clear();
      this.lastUsed.clear();
      return count;
    }
    const had = this.sessions.has(id);
    this.drop(id);
    return had ? 1 : 0;
  }

  /** Ids of the live sessions, least recently used first. */
  ids(): string[] {
    return [...this.sessions.keys()];
  }

  private session(id: string): Map<string, ApiSession> {
    const now = this.now().getTime();
    this.expire(now);
    this.lastUsed.set(id, now);
    const existing = this.sessions.get(id);
    if (existing) {
      if (id !== DEFAULT_SESSION) {
        this.sessions.delete(id);
        this.sessions.set(id, existing);
      }
      return existing;
    }
    const created = new Map<string, ApiSession>();
    this.sessions.set(id, created);
    this.evict();
    return created;
  }

  private evict(): void {
    for (const id of this.sessions.keys()) {
      if (this.sessions.size <= this.limits.maxSessions) return;
      if (id !== DEFAULT_SESSION) this.drop(id);
    }
  }

  /** Drops sessions idle for longer than `idleMs`; least recently used come first, so the scan stops early. */
  private expire(now: number): void {
    for (const id of this.sessions.keys()) {
      if (id === DEFAULT_SESSION) continue;
      if (now - (this.lastUsed.get(id) ?? now) <= this.limits.idleMs) return;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    this.sessions.delete(id);
    this.lastUsed.delete(id);
  }
}
