import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolveConfig, type TwinConfig } from '../config.ts';
import { createTwin } from '../create-twin.ts';
import type { Twin } from '../core/twin.ts';
import type { TwinResponse } from '../core/types.ts';
import { answerClientError } from './client-error.ts';
import { isDocsPath, serveDocs } from './docs.ts';
import { readBody } from './read-body.ts';
import { toTwinRequest } from './twin-request.ts';

/** A twin that can be swapped while the server runs (`--watch` reloads). */
export interface TwinHolder {
  current: Twin;
}

/**
 * node:http request listener that serves a twin (DESIGN.md §1: node:http for the standalone
 * server). Given a holder, each request is answered by the twin it holds at that moment.
 */
export function createRequestListener(twinOrHolder: Twin | TwinHolder, bodyLimitBytes: number, docsDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const holder: TwinHolder = 'current' in twinOrHolder ? twinOrHolder : { current: twinOrHolder };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if ((req.method === 'GET' || req.method === 'HEAD') && isDocsPath(path)) {
      serveDocs(docsDir, path, res).catch(() => res.destroy());
      return;
    }
    readBody(req, bodyLimitBytes).then(
      (body) => {
        const answer = holder.current.handle(toTwinRequest(req, body));
        if (answer.delayMs !== undefined && answer.delayMs > 0) setTimeout(() => { writeAnswer(res, answer); }, answer.delayMs);
        else writeAnswer(res, answer);
      },
      () => {
        // The client went away mid-body: nobody is left to answer.
        res.destroy();
      },
    );
  };
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
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Options of `startTwin`: the twin's config plus where to listen (port 0 picks a free port). */
export interface StartOptions extends Partial<TwinConfig> {
  readonly port?: number;
  readonly host?: string;
}

/** Creates a twin and serves it on node:http. For tests: `startTwin({port: 0})`. */
export async function startTwin(options: StartOptions = {}): Promise<RunningTwin> {
  const config = resolveConfig(options);
  const holder: TwinHolder = { current: await createTwin(config) };
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, createRequestListener(holder, config.bodyLimitBytes, config.docsDir));
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
    },
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
