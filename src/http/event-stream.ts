import type { ServerResponse } from 'node:http';
import type { EventFeed, TwinResponse } from '../core/types.ts';

/**
 * Unsent bytes one stream reader may leave queued (node's response buffer plus its socket's);
 * an event that would go past it drops the reader instead of buffering without bound.
 */
export const MAX_QUEUED_BYTES = 1024 * 1024;

/**
 * Writes an answer whose events follow its head (`text/event-stream`) and keeps the response open,
 * subscribed to its feed, until the client goes, falls MAX_QUEUED_BYTES behind (its connection is
 * destroyed: the browser's EventSource reconnects and the page fetches what it missed), or the
 * returned function is called (shutdown), which ends the response cleanly.
 */
export function writeEventStream(res: ServerResponse, answer: TwinResponse & { readonly stream: EventFeed }, maxQueuedBytes = MAX_QUEUED_BYTES): () => void {
  // No content-length: chunked. `x-accel-buffering: no` keeps a reverse proxy from holding events back.
  res.writeHead(answer.status, { ...answer.headers, 'x-accel-buffering': 'no' });
  // A comment line sends the head at once, so the client knows the stream is open before any event.
  res.write(': open\n\n');
  let unsubscribe: (() => void) | undefined;
  const stop = (): void => {
    unsubscribe?.();
    unsubscribe = undefined;
  };
  res.once('close', stop);
  unsubscribe = answer.stream.subscribe((event) => {
    if (unsubscribe === undefined) return;
    if (res.writableLength + Buffer.byteLength(event) > maxQueuedBytes) {
      stop();
      res.destroy();
      return;
    }
    res.write(event);
  });
  return () => {
    stop();
    if (!res.writableEnded) res.end();
  };
}
