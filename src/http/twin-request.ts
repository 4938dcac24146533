import type { IncomingMessage } from 'node:http';
import type { TwinRequest } from '../core/types.ts';
import type { ReadBody } from './read-body.ts';

/** Builds the core's plain request from node's message and the body already read. */
export function toTwinRequest(req: IncomingMessage, body: ReadBody): TwinRequest {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  // Object.fromEntries defines own properties, so a header named `__proto__` stays plain data.
  const headers = Object.fromEntries(
    Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value] as const],
    ),
  );
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: safeDecodePath(q === -1 ? rawUrl : rawUrl.slice(0, q)),
    query: q === -1 ? '' : rawUrl.slice(q + 1),
    headers,
    body: body.text,
    bodyTooLarge: body.tooLarge,
    ...(req.socket.remoteAddress === undefined ? {} : { remoteAddress: req.socket.remoteAddress }),
  };
}

/** Percent-decodes the path; a malformed escape is kept as sent (it will simply not match a route). */
function safeDecodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
