/**
 * Plain values that cross the boundary between an adapter (src/http) and the core.
 * The core never sees node's or express's req/res: it takes a TwinRequest and returns a TwinResponse.
 */

/** A request as the adapter read it off the wire. Header names are lower-case. */
export interface TwinRequest {
  /** Upper-case HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Path without the query string, e.g. `/api/v1/groups.create`. */
  readonly path: string;
  /** Raw query string without the leading `?` (`''` when absent). */
  readonly query: string;
  /** Lower-case header names; repeated headers joined with `, ` as RFC 9110 §5.3 allows. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text, `''` when there was none. */
  readonly body: string;
  /** Set by the adapter when the body exceeded the configured limit; `body` is then `''`. */
  readonly bodyTooLarge?: boolean;
  /** The peer's address, used by the admin API's loopback rule. */
  readonly remoteAddress?: string;
}

/** What the adapter writes back. `body` is already serialised. */
export interface TwinResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Wait this long before writing (`Prefer: delay=MS`); the adapter does the waiting. */
  readonly delayMs?: number;
  /** Instead of answering, `reset` destroys the socket and `empty` closes it without a byte. */
  readonly fault?: 'reset' | 'empty';
  /** After the head, the connection stays open and carries these events (`text/event-stream`). */
  readonly stream?: EventFeed;
}

/**
 * Events an answer keeps sending after its head (Server-Sent Events). The adapter subscribes once
 * it has written the head and unsubscribes when the client goes, is too slow, or shutdown starts.
 */
export interface EventFeed {
  /** Calls `send` with each event's wire text (`event:`/`data:` lines and a blank line); returns the unsubscribe function. */
  subscribe(send: (event: string) => void): () => void;
}

/** A JSON answer before serialisation: what handlers, envelopes and hooks return. */
export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  /** Extra headers beyond `content-type`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Media type; defaults to `application/json`. */
  readonly contentType?: string;
  /** `body` is a string already in its wire form (a served document's own JSON text): sent as is. */
  readonly raw?: boolean;
  /** An event stream follows the head (the body is then empty). */
  readonly stream?: EventFeed;
}

/** Injected sources of time and randomness, so tests can pin every id and timestamp. */
export interface Deps {
  /** Current time. */
  readonly now: () => Date;
  /** Uniform random number in [0, 1), like Math.random. */
  readonly random: () => number;
}
