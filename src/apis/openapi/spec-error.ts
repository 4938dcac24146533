/**
 * A document the twin cannot serve at all: unreadable, not OpenAPI 3.0/3.1, an unresolvable
 * `$ref`, or a structure the twin would fail on at request time. It stops the start with the file,
 * the JSON pointer inside that file and the reason, as FixtureError does for fixtures.
 */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}: ${pointer === '' ? '/' : pointer}: ${reason}`);
    this.name = 'SpecError';
  }
}

/** `a/b~c` as one JSON pointer token (RFC 6901 §3). */
export function escapePointer(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** A JSON pointer from tokens. */
export function pointerOf(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapePointer(String(t))}`).join('');
}
