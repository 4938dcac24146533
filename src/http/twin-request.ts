import type { IncomingMessage } from 'node:http';
import type { TwinRequest } from '../core/types.ts';
import type { ReadBody } from './read-body.ts';

/** Builds the core's plain request from node's message and the body already read. */
export function toTwinRequest(req: IncomingMessage, body: ReadBody): TwinRequest {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  // Own properties defined one by one (this runs on every request): a header named `__proto__`
  // stays plain data, as Object.fromEntries would keep it.
  const headers: Record<string, string> = {};
  const raw = req.headers;
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === '__proto__') Object.defineProperty(headers, name, { value: text, enumerable: true, writable: true, configurable: true });
    else headers[name] = text;
  }
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
