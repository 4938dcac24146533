import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { adminBodyLimit, resolveConfig, type TwinConfig } from '../config.ts';
import { createTwin, type ServedDocument } from '../create-twin.ts';
import type { Twin } from '../core/twin.ts';
import type { TwinResponse } from '../core/types.ts';
import { createStateDir } from '../persist/state-dir.ts';
import { answerClientError } from './client-error.ts';
import { Connections } from './connections.ts';
import { isDocsPath, serveDocs } from './docs.ts';
import { writeEventStream } from './event-stream.ts';
import { readBodyThen, type ReadBody } from './read-body.ts';
import { toTwinRequest } from './twin-request.ts';

/** A twin that can be swapped while the server runs (`--watch` reloads). */
export interface TwinHolder {
  current: Twin;
}

/** Body limits of the listener: vendor paths, and admin paths (a whole exported session). */
export interface BodyLimits {
  readonly api: number;
  readonly admin: number;
}

/**
 * node:http request listener that serves a twin (DESIGN.md §1: node:http for the standalone
 * server). Given a holder, each request is answered by the twin it holds at that moment. Given
 * the server's connections, answers carry `Connection: close` once shutdown starts and pending
 * delays are cut short.
 */
export function createRequestListener(
  twinOrHolder: Twin | TwinHolder,
  bodyLimit: number | BodyLimits,
  docsDir: string,
  connections?: Connections,
): (req: IncomingMessage, res: ServerResponse) => void {
  const holder: TwinHolder = 'current' in twinOrHolder ? twinOrHolder : { current: twinOrHolder };
  const limits: BodyLimits = typeof bodyLimit === 'number' ? { api: bodyLimit, admin: bodyLimit } : bodyLimit;
  return (req, res) => {
    const { socket } = req;
    connections?.begin(socket);
    // One listener per request (this runs on every request): the response closes once its bytes
    // are flushed, or when it is abandoned with its connection.
    let unsent = 0;
    res.once('close', () => {
      connections?.end(socket);
      if (unsent > 0) connections?.sent(socket, unsent);
    });
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if ((req.method === 'GET' || req.method === 'HEAD') && isDocsPath(path) && holder.current.hostAllowed(req.headers.host)) {
      connections?.bodyRead(socket);
      serveDocs(docsDir, path, res, req.headers.host, holder.current.controls.documents()).catch(() => res.destroy());
      return;
    }
    const twin = holder.current;
    if (connections?.saturated === true) {
      // Answers already written are waiting on slow readers: no new ones until they drain.
      req.resume();
      writeAnswer(res, busy());
      return;
    }
    const answer = (body: ReadBody): void => {
      connections?.bodyRead(socket);
      const answered = holder.current.handle(toTwinRequest(req, body));
      if (answered.stream !== undefined) {
        const end = writeEventStream(res, { ...answered, stream: answered.stream });
        const forget = connections?.stream(end);
        if (forget) res.once('close', forget);
        return;
      }
      unsent = connections?.sending(Buffer.byteLength(answered.body), socket) ?? 0;
      const closing = (): TwinResponse => (connections?.closing === true ? { ...answered, headers: { ...answered.headers, connection: 'close' } } : answered);
      if (answered.delayMs !== undefined && answered.delayMs > 0) {
        if (connections) connections.delay(answered.delayMs, () => { writeAnswer(res, closing()); });
        else setTimeout(() => { writeAnswer(res, answered); }, answered.delayMs);
      } else writeAnswer(res, closing());
    };
    // Even a request without a body is answered once its (empty) stream ends, never synchronously
    // inside node's parser: answering there a pipelined request whose answer fills the socket
    // buffer leaves node's parser paused with no 'drain' to come, and the connection hangs.
    readBodyThen(req, twin.isAdminPath(path) ? limits.admin : limits.api, answer, () => {
      // The client went away mid-body: nobody is left to answer.
      res.destroy();
    });
  };
}

/** 503 problem+json while too many answer bytes wait on clients (connections.ts). */
function busy(): TwinResponse {
  const body = JSON.stringify({ type: 'urn:api-twin:problem:busy', title: 'The twin is waiting for clients to read earlier answers', status: 503 });
  return { status: 503, headers: { 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '1' }, body };
}

/** Writes the core's answer, or plays its socket fault (`Prefer: fault=reset|empty`). */
export function writeAnswer(res: ServerResponse, answer: TwinResponse): void {
  if (answer.fault === 'reset') {
    // TCP RST: the client sees ECONNRESET (WireMock's CONNECTION_RESET_BY_PEER).
    res.socket?.resetAndDestroy();
    return;
  }
  if (answer.fault === 'empty') {
    // Close without a byte: the client sees an empty reply (WireMock's EMPTY_RESPONSE).
    res.socket?.end();
    res.socket?.destroySoon();
    return;
  }
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}

/** A listening twin. */
export interface RunningTwin {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  /** The twin answering now. */
  readonly twin: Twin;
  /** Serves another twin from the next request on (requests in flight finish on the old one). */
  swap(twin: Twin): void;
  readonly server: Server;
  /**
   * Stops accepting connections, answers requests in flight (pending delays at once, each with
   * `Connection: close`), closes idle and half-received connections, and resolves when all are
   * closed or `graceMs` (default 5 s) has passed, destroying what is left.
   */
  close(graceMs?: number): Promise<void>;
  /** With `stateDir`: the sessions restored from it at start, and those skipped with the reason. */
  readonly restored: { readonly sessions: readonly string[]; readonly skipped: readonly { session: string; why: string }[] };
  /** The OpenAPI documents served with `specs` (as the twin started). */
  readonly documents: readonly ServedDocument[];
}

/** Options of `startTwin`: the twin's config plus where to listen (port 0 picks a free port). */
export interface StartOptions extends Partial<TwinConfig> {
  readonly port?: number;
  readonly host?: string;
  /**
   * Folder where every session's state is kept in the fixture format (state-dir.ts): restored
   * at start, written about a second after each change and at `close()`.
   */
  readonly stateDir?: string;
  /** Where problems writing `stateDir` are reported (default: nowhere). */
  readonly onStateError?: (message: string) => void;
  /**
   * How long a client may take to send its headers and its whole request (default 10 s and
   * 30 s); a slower one gets 408 and the connection is closed.
   */
  readonly timeouts?: { readonly headersMs: number; readonly requestMs: number };
  /** Answer bytes clients may leave unread before new requests get 503 (default 256 MiB). */
  readonly maxUnsentBytes?: number;
}

/** Creates a twin and serves it on node:http. For tests: `startTwin({port: 0})`. */
export async function startTwin(options: StartOptions = {}): Promise<RunningTwin> {
  const config = resolveConfig(options);
  const created = await createTwin(config);
  const holder: TwinHolder = { current: created };
  const state = options.stateDir === undefined ? undefined : createStateDir(options.stateDir, 1000, options.onStateError);
  const restored = state ? await state.restore(holder.current) : { restored: [], skipped: [] };
  state?.follow(holder.current);
  // requireHostHeader off: the core answers a missing Host with problem+json, not node's bare 400.
  const { headersMs, requestMs } = options.timeouts ?? { headersMs: 10_000, requestMs: 30_000 };
  const server = createServer({
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    // node checks the two timeouts every 30 s by default, which lets a slow client hold a
    // connection up to 30 s past them; checking each second keeps the bound close.
    connectionsCheckingInterval: Math.min(1000, headersMs),
    requireHostHeader: false,
    // node's 5 s keep-alive races clients that reuse an idle connection just as it closes (seen
    // as "other side closed" on a busy machine); clients are told this bound (Keep-Alive:
    // timeout=65) and leave a second of margin, and shutdown closes idle connections anyway.
    keepAliveTimeout: 65_000,
  });
  const connections = new Connections(server, options.maxUnsentBytes);
  server.on('request', createRequestListener(holder, { api: config.bodyLimitBytes, admin: adminBodyLimit(config) }, config.docsDir, connections));
  server.on('clientError', answerClientError);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('node:http did not report a TCP address');
  const { port } = address;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    get twin() {
      return holder.current;
    },
    swap(twin) {
      holder.current = twin;
      state?.follow(twin);
    },
    server,
    async close(graceMs = 5000) {
      await connections.shutdown(graceMs);
      await state?.close();
    },
    restored: { sessions: restored.restored, skipped: restored.skipped },
    documents: created.documents,
  };
}
