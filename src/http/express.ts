import type { NextFunction, Request, Response } from 'express';
import type { Twin } from '../core/twin.ts';
import type { TwinRequest } from '../core/types.ts';
import { readBody, type ReadBody } from './read-body.ts';
import { toTwinRequest } from './twin-request.ts';
import { writeAnswer } from './node-server.ts';

/** Options of `twinMiddleware`. */
export interface MiddlewareOptions {
  /** Largest body read, in bytes (default 1 MiB); larger bodies get the vendor's 413. */
  readonly bodyLimitBytes?: number;
}

/**
 * Mounts a twin in an existing express app: `app.use(twinMiddleware(twin))`. Requests under the
 * twin's paths (`/api/v1/`, `/v1/api/`, `/__admin/`) are answered by the twin; everything else
 * goes on to the app's own routes. A body already parsed by `express.json()` or `express.text()`
 * is used as the raw body, so the middleware may sit before or after body parsers.
 */
export function twinMiddleware(twin: Twin, options: MiddlewareOptions = {}): (req: Request, res: Response, next: NextFunction) => void {
  const limit = options.bodyLimitBytes ?? 1024 * 1024;
  return (req, res, next) => {
    if (!twin.serves(req.path)) {
      next();
      return;
    }
    const body: Promise<ReadBody> = req.readableEnded || req.body !== undefined ? Promise.resolve(preParsed(req.body as unknown, limit)) : readBody(req, limit);
    body.then(
      (read) => {
        const request: TwinRequest = toTwinRequest(req, read);
        const answer = twin.handle(request);
        if (answer.delayMs !== undefined && answer.delayMs > 0) setTimeout(() => { writeAnswer(res, answer); }, answer.delayMs);
        else writeAnswer(res, answer);
      },
      (error: unknown) => { next(error); },
    );
  };
}

/** A body some earlier middleware consumed, turned back into text. */
function preParsed(body: unknown, limit: number): ReadBody {
  const text = body === undefined ? '' : typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
  return Buffer.byteLength(text) > limit ? { text: '', tooLarge: true } : { text, tooLarge: false };
}
