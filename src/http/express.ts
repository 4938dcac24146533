import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Twin } from '../core/twin.ts';
import { readBody, type ReadBody } from './read-body.ts';
import { toTwinRequest } from './twin-request.ts';
import { writeEventStream } from './event-stream.ts';
import { writeAnswer } from './node-server.ts';

/** Options of `twinMiddleware`. */
export interface MiddlewareOptions {
  /** Largest body read, in bytes (default 1 MiB); larger bodies get the vendor's 413. */
  readonly bodyLimitBytes?: number;
  /** Largest `/__admin/*` body (an exported session to import back); default 8 MiB or `bodyLimitBytes` if larger. */
  readonly adminBodyLimitBytes?: number;
}

/**
 * Mounts a twin in an existing express app: `app.use(twinMiddleware(twin))`. Requests under the
 * twin's paths (`/api/v1/`, `/v1/api/`, `/__admin/`) are answered by the twin; everything else
 * goes on to the app's own routes.
 *
 * The app may parse bodies first (`express.json()`): a parsed body is used as the raw body, and
 * the second handler returned here catches body-parser's own failures on the twin's paths
 * (malformed JSON, over the parser's limit) so they get the vendor's answer instead of express's
 * HTML error page (research/aesthetics.md §7.4).
 */
export function twinMiddleware(twin: Twin, options: MiddlewareOptions = {}): [RequestHandler, ErrorRequestHandler] {
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  const adminLimit = options.adminBodyLimitBytes ?? Math.max(limit, 8 * 1024 * 1024);
  const answer = (req: Request, res: Response, read: ReadBody): void => {
    const result = twin.handle(toTwinRequest(req, read));
    if (result.stream !== undefined) {
      // The app's server shuts down its own connections; the stream ends with its client.
      writeEventStream(res, { ...result, stream: result.stream });
      return;
    }
    if (result.delayMs !== undefined && result.delayMs > 0) setTimeout(() => { writeAnswer(res, result); }, result.delayMs);
    else writeAnswer(res, result);
  };
  const handler: RequestHandler = (req, res, next) => {
    if (!twin.serves(req.path)) {
      next();
      return;
    }
    const body: unknown = req.body;
    const max = twin.isAdminPath(req.path) ? adminLimit : limit;
    const read = req.readableEnded || body !== undefined ? Promise.resolve(preParsed(body, max)) : readBody(req, max);
    read.then((r) => { answer(req, res, r); }, next);
  };
  const onParserError: ErrorRequestHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!twin.serves(req.path) || !isBodyParserError(error)) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large') answer(req, res, { text: '', tooLarge: true });
    else answer(req, res, { text: typeof error.body === 'string' ? error.body : '', tooLarge: false });
  };
  return [handler, onParserError];
}

/** body-parser's errors carry `type` and, for parse failures, the raw `body`. */
function isBodyParserError(error: unknown): error is { type: string; body?: unknown } {
  return typeof error === 'object' && error !== null && 'type' in error && typeof error.type === 'string' && error.type.startsWith('entity.');
}

/** A body some earlier middleware consumed, turned back into text. */
function preParsed(body: unknown, limit: number): ReadBody {
  const text = body === undefined ? '' : typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  return Buffer.byteLength(text) > limit ? { text: '', tooLarge: true } : { text, tooLarge: false };
}
