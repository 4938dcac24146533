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
}

/** An entry as kept in the ring: the request's own header record, redacted only when read. */
type StoredEntry = Omit<JournalEntry, 'headers'> & { readonly headers: Readonly<Record<string, string | undefined>> };

/** Filters of `GET /__admin/requests`; all optional, combined with AND. */
export interface JournalFilter {
  readonly path?: string;
  readonly method?: string;
  readonly status?: number;
  readonly session?: string;
  readonly limit?: number;
}

/** Header names whose values never leave the twin (credentials of both vendors and the admin). */
const SECRET_HEADERS = new Set(['x-auth-token', 'api-key', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);
/** Body keys whose values are replaced when the journal is read (Rocket.Chat login, tokens). */
const SECRET_KEYS = new Set(['password', 'authToken', 'token', 'api_key', 'apiKey']);
const REDACTED = '[redacted]';
/** Bodies longer than this are cut in the journal, so each entry's size is bounded. */
const MAX_BODY_CHARS = 16 * 1024;

/**
 * A bounded ring of the last `capacity` requests (research/anchors.md §3: unbounded journals are
 * WireMock's most reported OOM). Credentials are redacted in headers when recorded and in JSON
 * bodies when read, so the hot path stays cheap.
 */
export class Journal {
  private readonly ring: (StoredEntry | undefined)[];
  private next = 0;
  private nextId = 1;

  constructor(readonly capacity: number) {
    this.ring = new Array<StoredEntry | undefined>(Math.max(0, capacity));
  }

  record(entry: Omit<JournalEntry, 'id' | 'headers' | 'body' | 'responseBody'> & { request: TwinRequest; responseBody: string }): void {
    if (this.capacity === 0) return;
    const { request, ...rest } = entry;
    // The request's header record is immutable and built per request, so it is kept by reference
    // and redacted when read: recording stays a few field copies on the hot path.
    this.ring[this.next] = {
      ...rest,
      id: this.nextId++,
      headers: request.headers,
      body: request.body.length > MAX_BODY_CHARS ? request.body.slice(0, MAX_BODY_CHARS) : request.body,
      responseBody: entry.responseBody.length > MAX_BODY_CHARS ? entry.responseBody.slice(0, MAX_BODY_CHARS) : entry.responseBody,
    };
    this.next = (this.next + 1) % this.capacity;
  }

  /** Matching entries, oldest first, with secrets in JSON bodies redacted. */
  find(filter: JournalFilter = {}): JournalEntry[] {
    const ordered = [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    const out: JournalEntry[] = [];
    for (const entry of ordered) {
      if (!entry) continue;
      if (filter.path !== undefined && entry.path !== filter.path) continue;
      if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.session !== undefined && entry.session !== filter.session) continue;
      out.push({ ...entry, headers: redactHeaders(entry.headers), body: redactBody(entry.body), responseBody: redactBody(entry.responseBody) });
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
    if (this.capacity === 0) return;
    const entries = [...other.ring.slice(other.next), ...other.ring.slice(0, other.next)].filter((e) => e !== undefined);
    for (const entry of entries.slice(-this.capacity)) {
      this.ring[this.next] = entry;
      this.next = (this.next + 1) % this.capacity;
    }
  }

  /** Forgets every entry. */
  clear(): number {
    const count = this.ring.filter(Boolean).length;
    this.ring.fill(undefined);
    this.next = 0;
    return count;
  }
}

/** Header record with credential values replaced. */
function redactHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
  return out;
}

/** Replaces the values of secret keys anywhere in a JSON body; non-JSON text is kept as is. */
export function redactBody(text: string): string {
  if (text === '' || (text[0] !== '{' && text[0] !== '[')) return text;
  try {
    return JSON.stringify(JSON.parse(text, (key, value: unknown) => (SECRET_KEYS.has(key) ? REDACTED : value)));
  } catch {
    return text;
  }
}
