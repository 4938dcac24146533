import type { IncomingMessage } from 'node:http';

/** A request body read with a size limit. */
export interface ReadBody {
  readonly text: string;
  readonly tooLarge: boolean;
}

/**
 * Reads the whole body as UTF-8 text (invalid sequences become U+FFFD, so garbage bytes can never
 * crash a parser), keeping at most `limit` bytes. Past the limit the rest is drained and dropped,
 * so memory stays bounded and the client still gets an answer instead of a reset socket.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    readBodyThen(req, limit, resolve, reject);
  });
}

/** `readBody` with callbacks: the node:http server's hot path, without a promise per request. */
export function readBodyThen(req: IncomingMessage, limit: number, done: (body: ReadBody) => void, fail: (error: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) tooLarge = true;
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    const [only] = chunks;
    const text = tooLarge ? '' : chunks.length === 1 && only ? only.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    done({ text, tooLarge });
  });
  req.on('error', fail);
}
