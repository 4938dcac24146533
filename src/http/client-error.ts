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
  const { status, name, title } = classify(error.code);
  const body = JSON.stringify({ type: `urn:api-twin:problem:${name}`, title, status });
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** node's parser and timeout codes → status (RFC 9110 §15.5.9 for 408, RFC 6585 §5 for 431). */
function classify(code: string | undefined): { status: number; name: string; title: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, name: 'headers-too-large', title: 'Request header fields too large' };
  // headersTimeout / requestTimeout: the client was too slow to send its request.
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, name: 'request-timeout', title: 'The request was not received in time' };
  return { status: 400, name: 'malformed-request', title: 'Malformed HTTP request' };
}
