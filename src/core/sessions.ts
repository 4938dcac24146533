import type { ApiSession, ApiSessions } from './api.ts';
import { ByteBudget, Meter, unboundedMeter } from './byte-budget.ts';

/** The id of the session used by requests without an `X-Mock-Session` header. */
export const DEFAULT_SESSION = 'default';

/** Limits that keep sessions bounded (research/anchors.md §3, demand 10). */
export interface SessionLimits {
  /** At most this many sessions live at once; the least recently used one is dropped first. */
  readonly maxSessions: number;
  /** A session unused for this long is dropped (the default session never is). */
  readonly idleMs: number;
  /** Bytes of stored documents one session may hold, all its APIs together (byte-budget.ts). */
  readonly maxBytes: number;
  /** The same for the default session (more by default: it is the one a frontend uses). */
  readonly defaultMaxBytes?: number;
}

/** What happened to a session: its state changed, or it was dropped (reset, evicted, expired). */
export type SessionEvent = 'changed' | 'dropped';

/** A session's state of one API, handed out before its credentials are known. */
export interface Lease {
  readonly state: ApiSession;
  /**
   * Keeps the state: a new session is created only now, after its credentials passed, so
   * unauthenticated requests never create or evict sessions. `changed` marks the state as
   * written (for `--state-dir`).
   */
  commit(changed: boolean): void;
}

/** Result of an import: the first failing API names where and why. */
export type ImportOutcome = { ok: true } | { ok: false; api: string; pointer: string; reason: string };

interface Held {
  readonly state: ApiSession;
  readonly meter: Meter;
}

interface Session {
  readonly apis: Map<string, Held>;
  readonly budget: ByteBudget;
}

/**
 * Isolated states keyed by session id. A session is created from the fixtures on the first
 * request whose credentials pass, and holds one ApiSession per API on one byte budget. The
 * default session is never evicted.
 */
export class SessionRegistry {
  // A Map keeps insertion order; re-inserting on use makes its first key the least recently used.
  private readonly sessions = new Map<string, Session>();
  private readonly lastUsed = new Map<string, number>();
  private readonly listeners = new Set<(id: string, event: SessionEvent) => void>();

  constructor(
    private readonly factories: ReadonlyMap<string, ApiSessions>,
    private readonly limits: SessionLimits,
    private readonly now: () => Date,
  ) {}

  /**
   * The state of `api` in session `id` for one request. An existing one is returned as it is (no
   * use is counted yet); a missing one is built from the fixtures but kept only on `commit`.
   */
  lease(id: string, api: string): Lease {
    this.expire(this.now().getTime());
    const existing = this.sessions.get(id);
    const held = existing?.apis.get(api);
    if (existing && held) {
      return { state: held.state, commit: (changed) => { this.touch(id); if (changed) this.emit(id, 'changed'); } };
    }
    const budget = existing?.budget ?? this.newBudget(id);
    const meter = new Meter(budget);
    const state = this.factory(api).fresh(meter, id);
    return {
      state,
      commit: (changed) => {
        const session = this.session(id, budget);
        if (!session.apis.has(api)) session.apis.set(api, { state, meter });
        if (changed) this.emit(id, 'changed');
      },
    };
  }

  /** The state of `api` in session `id`, created from the fixtures when first asked for (admin export). */
  api(id: string, api: string): ApiSession {
    const lease = this.lease(id, api);
    lease.commit(false);
    return lease.state;
  }

  /**
   * Replaces the state of several APIs in session `id` with imported state, all or nothing: the
   * first state that fails its fixture checks, or that does not fit the session's byte budget,
   * aborts the import and nothing changes.
   */
  importStates(id: string, states: Readonly<Record<string, unknown>>): ImportOutcome {
    const built = new Map<string, Held>();
    for (const [api, state] of Object.entries(states)) {
      const factory = this.factories.get(api);
      if (!factory) return { ok: false, api, pointer: '', reason: `no API named ${api}` };
      const meter = unboundedMeter();
      const result = factory.fromState(state, meter, id);
      if (!result.ok) return { ok: false, api, pointer: result.pointer, reason: result.reason };
      built.set(api, { state: result.session, meter });
    }
    const current = this.sessions.get(id);
    let need = 0;
    for (const [api, held] of current?.apis ?? []) if (!built.has(api)) need += held.meter.bytes;
    for (const held of built.values()) need += held.meter.bytes;
    const limit = this.limitOf(id);
    if (need > limit) {
      const api = [...built.keys()].join(', ');
      return { ok: false, api, pointer: '', reason: `the state needs ${need} bytes, more than the session budget of ${limit} (--max-session-bytes)` };
    }
    const session = this.session(id, current?.budget ?? this.newBudget(id));
    // Fits, as just checked: each replaced API's bytes make way for the imported ones.
    for (const [api, held] of built) held.meter.moveTo(session.budget, session.apis.get(api)?.meter.bytes ?? 0);
    for (const [api, held] of built) session.apis.set(api, held);
    this.emit(id, 'changed');
    return { ok: true };
  }

  /**
   * The APIs session `id` has state for so far, without creating any and without counting as a
   * use (a `--watch` reload and `--state-dir` move exactly these).
   */
  peek(id: string): ReadonlyMap<string, ApiSession> {
    return new Map([...(this.sessions.get(id)?.apis ?? [])].map(([api, held]) => [api, held.state]));
  }

  /** Bytes session `id` holds against its budget (0 when it does not exist). */
  bytes(id: string): number {
    return this.sessions.get(id)?.budget.used ?? 0;
  }

  /** Drops one session (or all), so the next request starts again from the fixtures. */
  reset(id?: string): number {
    if (id === undefined) {
      const ids = [...this.sessions.keys()];
      for (const each of ids) this.drop(each);
      return ids.length;
    }
    const had = this.sessions.has(id);
    this.drop(id);
    return had ? 1 : 0;
  }

  /** Ids of the live sessions, least recently used first. */
  ids(): string[] {
    return [...this.sessions.keys()];
  }

  /** Calls `listener` on every change and drop; returns a function that stops it. */
  subscribe(listener: (id: string, event: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private limitOf(id: string): number {
    return id === DEFAULT_SESSION ? (this.limits.defaultMaxBytes ?? this.limits.maxBytes) : this.limits.maxBytes;
  }

  private newBudget(id: string): ByteBudget {
    return new ByteBudget(this.limitOf(id));
  }

  private factory(api: string): ApiSessions {
    const factory = this.factories.get(api);
    if (!factory) throw new Error(`no fixtures loaded for api ${api}`);
    return factory;
  }

  /** The session `id`, created on `budget` when missing, and marked as just used. */
  private session(id: string, budget: ByteBudget): Session {
    this.touch(id);
    let session = this.sessions.get(id);
    if (!session) {
      session = { apis: new Map(), budget };
      this.sessions.set(id, session);
      this.evict();
    }
    return session;
  }

  private touch(id: string): void {
    const now = this.now().getTime();
    const existing = this.sessions.get(id);
    if (existing && id !== DEFAULT_SESSION) {
      this.sessions.delete(id);
      this.sessions.set(id, existing);
    }
    this.lastUsed.set(id, now);
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
    const had = this.sessions.delete(id);
    this.lastUsed.delete(id);
    if (had) this.emit(id, 'dropped');
  }

  private emit(id: string, event: SessionEvent): void {
    for (const listener of this.listeners) listener(id, event);
  }
}
