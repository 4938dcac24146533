import type { Duplex } from 'node:stream';

/**
 * Answers requests node:http cannot parse (a malformed request line, headers over the size
 * limit) with RFC 9457 problem+json instead of node's bare status line, then closes the
 * connection. No route was matched, so this is the twin's own fault vocabulary, not a vendor's.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const title = tooLarge ? 'Request header fields too large' : 'Malformed HTTP request';
  const body = JSON.stringify({ type: `urn:api-twin:problem:${tooLarge ? 'headers-too-large' : 'malformed-request'}`, title, status });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
