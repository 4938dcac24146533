import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection idle at shutdown may still start a request (bytes already in flight). */
const IDLE_DRAIN_MS = 250;
/**
 * Answer bytes written but not yet taken by clients, across all connections, past which new
 * requests get 503: clients that ask for large answers (a whole session's `groups.list?count=0`)
 * and do not read them would otherwise hold every answer in memory.
 */
export const MAX_UNSENT_BYTES = 256 * 1024 * 1024;

/**
 * The server's connections and what each is doing, for a graceful shutdown (issue "bounded by
 * bytes", shutdown): stop accepting, answer what is in flight with `Connection: close`, play
 * pending delays at once, close idle and half-received connections, and be done within the grace
 * period whatever clients do.
 *
 * node's own `server.close()` destroys idle keep-alive connections at once; a client that had
 * just sent its next request on one sees a reset although the twin was still willing to answer.
 * Here a connection idle at shutdown gets IDLE_DRAIN_MS for a request already on its way.
 */
export class Connections {
  private readonly active = new Map<Socket, number>();
  /** Requests whose body is still arriving: closed at shutdown (nothing can be answered yet). */
  private readonly reading = new Set<Socket>();
  /** Answers waiting on a `Prefer: delay`: written at once when shutdown starts. */
  private readonly delayed = new Map<NodeJS.Timeout, () => void>();
  /** Open event streams (the dashboard's request stream): ended when shutdown starts. */
  private readonly streams = new Set<() => void>();
  private stopping = false;
  private unsent = 0;
  /** Unsent answer bytes per connection: all of them are given back when it closes. */
  private readonly unsentBy = new Map<Socket, number>();

  constructor(
    private readonly server: Server,
    private readonly maxUnsentBytes = MAX_UNSENT_BYTES,
  ) {
    server.on('connection', (socket: Socket) => {
      this.active.set(socket, 0);
      socket.once('close', () => {
        this.active.delete(socket);
        this.reading.delete(socket);
        // Pipelined answers queued behind an unread one never finish: count them all out here.
        this.unsent -= this.unsentBy.get(socket) ?? 0;
        this.unsentBy.delete(socket);
      });
    });
  }

  /** True once shutdown started: answers then carry `Connection: close`. */
  get closing(): boolean {
    return this.stopping;
  }

  /** A request arrived on `socket`; its body is being read. */
  begin(socket: Socket): void {
    this.active.set(socket, (this.active.get(socket) ?? 0) + 1);
    this.reading.add(socket);
  }

  /** The body of the request on `socket` has been read. */
  bodyRead(socket: Socket): void {
    this.reading.delete(socket);
  }

  /** The answer on `socket` is written (or the request was abandoned). */
  end(socket: Socket): void {
    const left = (this.active.get(socket) ?? 1) - 1;
    this.active.set(socket, Math.max(0, left));
    this.reading.delete(socket);
  }

  /** True while clients have not taken MAX_UNSENT_BYTES of answers: new requests get 503 then. */
  get saturated(): boolean {
    return this.unsent > this.maxUnsentBytes;
  }

  /**
   * Counts an answer of `bytes` on `socket` as unsent until `sent` (its response closed: flushed,
   * or abandoned) or the connection closes. Returns the bytes counted (0 on a destroyed socket).
   */
  sending(bytes: number, socket: Socket): number {
    if (socket.destroyed) return 0;
    this.unsent += bytes;
    this.unsentBy.set(socket, (this.unsentBy.get(socket) ?? 0) + bytes);
    return bytes;
  }

  /** The answer of `bytes` counted by `sending` left the process (or will never leave it). */
  sent(socket: Socket, bytes: number): void {
    const left = this.unsentBy.get(socket);
    // A closed connection already gave back everything it held.
    if (left === undefined) return;
    this.unsent -= bytes;
    this.unsentBy.set(socket, left - bytes);
  }

  /**
   * Registers an open event stream's `end`, called when shutdown starts so streams never hold it
   * up; returns the function that forgets it (the stream closed by itself). Once shutdown has
   * started, a new stream is ended at once.
   */
  stream(end: () => void): () => void {
    if (this.stopping) {
      end();
      return () => undefined;
    }
    this.streams.add(end);
    return () => {
      this.streams.delete(end);
    };
  }

  /** Runs `write` after `ms`, or at once if shutdown starts first. */
  delay(ms: number, write: () => void): void {
    if (this.stopping) {
      write();
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      write();
    }, ms);
    this.delayed.set(timer, write);
  }

  /**
   * Stops accepting, then resolves once every connection is closed, or after `graceMs` when the
   * remaining ones are destroyed.
   */
  shutdown(graceMs: number): Promise<void> {
    this.stopping = true;
    for (const [timer, write] of this.delayed) {
      clearTimeout(timer);
      write();
    }
    this.delayed.clear();
    for (const end of this.streams) end();
    this.streams.clear();
    for (const socket of this.reading) socket.destroy();
    return new Promise((resolve) => {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        clearTimeout(drain);
        resolve();
      };
      const deadline = setTimeout(() => {
        for (const socket of this.active.keys()) socket.destroy();
        finish();
      }, graceMs);
      // setImmediate runs after the poll phase: requests that arrived while the loop was busy
      // are parsed (and counted as active) before idle connections are closed.
      const drain = setTimeout(() => {
        setImmediate(() => {
          for (const [socket, requests] of this.active) if (requests === 0) socket.end();
        });
      }, Math.min(IDLE_DRAIN_MS, graceMs));
      // net's close, not http's: stop accepting without destroying idle keep-alive connections.
      NetServer.prototype.close.call(this.server, () => { finish(); });
    });
  }
}
