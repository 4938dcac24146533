import { redactBody, redactHeadersCounting, redactPrefix, redactQuery } from './redact.ts';
import type { TwinRequest } from './types.ts';

/** One request the twin answered, as `GET /__admin/requests` shows it. */
export interface JournalEntry {
  readonly id: number;
  readonly session: string;
  readonly api: string | null;
  readonly operationId: string | null;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
  readonly responseBody: string;
  /** ISO time the request reached the core. */
  readonly receivedAt: string;
  /** ISO time the answer was decided (a `delay` preference adds `delayMs` on the wire). */
  readonly respondedAt: string;
  readonly delayMs: number;
  /** The request's spec violations the vendor let through (`<pointer> <message>`); empty when none. */
  readonly violations: readonly string[];
}

/** Filters of `GET /__admin/requests`; all optional, combined with AND. */
export interface JournalFilter {
  readonly path?: string;
  readonly method?: string;
  readonly status?: number;
  readonly session?: string;
  /** true: only requests that broke the spec; false: only those that did not. */
  readonly violations?: boolean;
  readonly limit?: number;
}

/** What the core hands over for one answered request. */
export type JournalRecord = Omit<JournalEntry, 'id' | 'headers' | 'body' | 'query' | 'responseBody'> & {
  readonly request: TwinRequest;
  readonly responseBody: string;
};

/** Bodies longer than this many characters are cut, after redaction. */
export const MAX_BODY_CHARS = 16 * 1024;
/** Default bound on the bytes all entries hold together. */
export const DEFAULT_JOURNAL_BYTES = 32 * 1024 * 1024;

/** Called with every entry the journal stores (the dashboard's live stream). */
export type JournalListener = (entry: JournalEntry) => void;

interface Stored {
  readonly entry: JournalEntry;
  readonly bytes: number;
}

/**
 * The last requests the twin answered, bounded twice: at most `capacity` entries and at most
 * `maxBytes` for all of them (research/anchors.md §3: unbounded journals are WireMock's most
 * reported OOM). Each entry is redacted and cut when recorded, and holds only fresh copies of
 * the cut text: a slice of a 1 MB body would keep the whole body alive (V8 sliced strings).
 */
export class Journal {
  // A ring of `capacity` slots: `head` is the oldest entry, `size` how many there are.
  private readonly ring: (Stored | undefined)[];
  private head = 0;
  private size = 0;
  private totalBytes = 0;
  private nextId = 1;
  /** Live readers; a reloaded twin's journal shares its predecessor's set (adopt). */
  private listeners = new Set<JournalListener>();

  constructor(
    readonly capacity: number,
    readonly maxBytes: number = DEFAULT_JOURNAL_BYTES,
  ) {
    this.ring = new Array<Stored | undefined>(Math.max(0, capacity));
  }

  /** Bytes the entries hold now (an estimate: two bytes per character plus the fixed fields). */
  get bytes(): number {
    return this.totalBytes;
  }

  record(record: JournalRecord): void {
    if (this.capacity === 0) return;
    const { request } = record;
    const { headers, chars } = redactHeadersCounting(request.headers);
    // Field by field, not a spread: this runs on every request.
    const entry: JournalEntry = {
      id: this.nextId++,
      session: record.session,
      api: record.api,
      operationId: record.operationId,
      method: record.method,
      path: record.path,
      query: request.query === '' ? '' : cut(redactQuery(request.query)),
      headers,
      body: redactCut(request.body, request.headers['content-type']),
      status: record.status,
      responseBody: redactCut(record.responseBody, 'application/json'),
      receivedAt: record.receivedAt,
      respondedAt: record.respondedAt,
      delayMs: record.delayMs,
      violations: record.violations,
    };
    this.push({ entry, bytes: entryBytes(entry, chars) });
    // Nobody listening (no dashboard open) costs this one check per request.
    if (this.listeners.size !== 0) for (const listener of this.listeners) listener(entry);
  }

  /**
   * Calls `listener` with every entry stored from now on (after redaction and cutting, exactly as
   * `find` returns it); returns the unsubscribe function. A listener must not throw.
   */
  subscribe(listener: JournalListener): () => void {
    const listeners = this.listeners;
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  /** How many listeners are subscribed (the stream's bound on open readers). */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Matching entries, oldest first. */
  find(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (const { entry } of this.ordered()) {
      if (filter.path !== undefined && entry.path !== filter.path) continue;
      if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.session !== undefined && entry.session !== filter.session) continue;
      if (filter.violations !== undefined && entry.violations.length > 0 !== filter.violations) continue;
      out.push(entry);
    }
    return filter.limit === undefined ? out : out.slice(-filter.limit);
  }

  /**
   * Takes over another journal's entries (the newest that fit) and its id counter, so a `--watch`
   * reload keeps the request history and ids keep counting up.
   */
  adopt(other: Journal): void {
    this.clear();
    this.nextId = other.nextId;
    // Open streams keep receiving from the reloaded twin: both journals share one set.
    this.listeners = other.listeners;
    if (this.capacity === 0) return;
    for (const stored of other.ordered()) this.push(stored);
  }

  /** Forgets every entry. */
  clear(): number {
    const count = this.size;
    this.ring.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.totalBytes = 0;
    return count;
  }

  private push(stored: Stored): void {
    if (stored.bytes > this.maxBytes) return;
    while (this.size > 0 && (this.size === this.capacity || this.totalBytes + stored.bytes > this.maxBytes)) this.dropOldest();
    this.ring[(this.head + this.size) % this.capacity] = stored;
    this.size += 1;
    this.totalBytes += stored.bytes;
  }

  private dropOldest(): void {
    const oldest = this.ring[this.head];
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size -= 1;
    this.totalBytes -= oldest?.bytes ?? 0;
  }

  private *ordered(): Generator<Stored> {
    for (let i = 0; i < this.size; i += 1) {
      const stored = this.ring[(this.head + i) % this.capacity];
      if (stored) yield stored;
    }
  }
}

/**
 * A body as the journal keeps it: redacted whole when short; when long, cut first and its prefix
 * scanned field by field (redact.ts), so a 191 MB answer costs a 16 KiB scan, not a parse.
 */
function redactCut(text: string, contentType: string | undefined): string {
  return text.length <= MAX_BODY_CHARS ? redactBody(text, contentType) : redactPrefix(cut(text), contentType);
}

/**
 * The first MAX_BODY_CHARS characters as a string of its own. `slice` would return a V8 sliced
 * string pointing into the original, keeping all of a 1 MB body (or a 24 MB answer) alive.
 */
function cut(text: string): string {
  if (text.length <= MAX_BODY_CHARS) return text;
  return Buffer.from(text.slice(0, MAX_BODY_CHARS), 'utf16le').toString('utf16le');
}

/** Two bytes per character of every text field (`headerChars` for the headers), plus the record's own fields. */
function entryBytes(entry: JournalEntry, headerChars: number): number {
  const chars = entry.violations.join('').length + entry.body.length + entry.responseBody.length + entry.query.length + entry.path.length + entry.session.length + headerChars;
  return 2 * chars + 512;
}
