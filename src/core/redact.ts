/**
 * Secrets never reach the journal, in any encoding or size (DESIGN.md §6: "secrets are redacted
 * before anything is stored"). Redaction works on the parsed fields, not on a prefix of the text,
 * so a password past the first 16 KiB, in a form body or behind leading whitespace is still found.
 */

export const REDACTED = '[redacted]';

/** Field names (lower case, `-` and `_` removed) whose values are credentials. */
const SECRET_NAMES = new Set(['password', 'passwd', 'pass', 'pwd', 'digest', 'bcrypt', 'resume', 'secret', 'apikey', 'key', 'cookie', 'authorization']);
/** Names ending like these are credentials too: `authToken`, `x-auth-token`, `client_secret`, `x-api-key`. */
const SECRET_SUFFIXES = ['token', 'secret', 'password', 'apikey'];

/** True for a header, query or body field name that holds a credential. */
export function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(key) || SECRET_SUFFIXES.some((suffix) => key.endsWith(suffix));
}

/**
 * Header names seen so far and whether they are secret: every request repeats the same dozen
 * names, so the journal's hot path does one Map lookup per header. Bounded, so a client sending
 * random header names cannot grow it.
 */
const headerVerdicts = new Map<string, boolean>();
const MAX_CACHED_NAMES = 4096;

function isSecretHeader(name: string): boolean {
  let verdict = headerVerdicts.get(name);
  if (verdict === undefined) {
    verdict = SECRET_HEADERS.has(name) || isSecretName(name);
    if (headerVerdicts.size < MAX_CACHED_NAMES) headerVerdicts.set(name, verdict);
  }
  return verdict;
}

/** Header names that hold credentials beyond the pattern: `set-cookie`, `proxy-authorization`. */
const SECRET_HEADERS = new Set(['set-cookie', 'proxy-authorization']);

/** A copy of a header record with every credential value replaced. */
export function redactHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return redactHeadersCounting(headers).headers;
}

/** `redactHeaders`, also counting the characters of the copy (the journal's byte bound). */
export function redactHeadersCounting(headers: Readonly<Record<string, string | undefined>>): { headers: Record<string, string>; chars: number } {
  const out: Record<string, string> = {};
  let chars = 0;
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    const kept = isSecretHeader(name) ? REDACTED : value;
    // Plain assignment is fastest; a `__proto__` name is the one it mishandles, so that one is
    // defined as data.
    if (name === '__proto__') Object.defineProperty(out, name, { value: kept, enumerable: true, writable: true, configurable: true });
    else out[name] = kept;
    // 32 more per header: the property's own slots, counted as characters.
    chars += name.length + kept.length + 32;
  }
  return { headers: out, chars };
}

/** A query string (or form body) with the values of credential fields replaced; the rest kept byte for byte. */
export function redactQuery(raw: string): string {
  if (raw === '' || !SECRET_HINT.test(raw)) return raw;
  return raw
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && isSecretName(decodeName(name).replace(/\[\]$/, '')) ? `${name}=${encodeURIComponent(REDACTED)}` : pair;
    })
    .join('&');
}

/**
 * A body with its credentials replaced. JSON (whatever its content type or leading whitespace)
 * is parsed and every secret key's value replaced at any depth; form bodies field by field; any
 * other text that mentions a secret name is scanned for `"name": value` and `name=value`.
 */
export function redactBody(text: string, contentType: string | undefined): string {
  if (text === '' || !SECRET_HINT.test(text)) return text;
  const type = (contentType ?? '').toLowerCase();
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      return JSON.stringify(JSON.parse(text, (key, value: unknown) => (key !== '' && isSecretName(key) ? REDACTED : value)));
    } catch {
      // Not JSON after all: fall through to the text scan.
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return redactQuery(text);
  return scanText(text);
}

/**
 * The same for the start of a longer text, cut where the journal cuts it: no JSON parse (a cut
 * document does not parse), only the field-by-field scans, which also catch a value cut short
 * (`"password":"hun`). Its cost is bounded by the prefix, whatever the whole body's size.
 */
export function redactPrefix(prefix: string, contentType: string | undefined): string {
  if (!SECRET_HINT.test(prefix)) return prefix;
  if ((contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded')) return redactQuery(prefix);
  return scanText(prefix);
}

function scanText(text: string): string {
  return text.replace(JSON_PAIR, (_match, name: string) => `"${name}":"${REDACTED}"`).replace(FORM_PAIR, (match, lead: string, name: string) =>
    isSecretName(name) ? `${lead}${name}=${encodeURIComponent(REDACTED)}` : match,
  );
}

/** Cheap pre-check: the text mentions something that may be a secret name (case-insensitive). */
const SECRET_HINT = /pass|pwd|digest|bcrypt|resume|secret|key|token|cookie|authori/i;

/** `"secretName" : <string, number, literal or the start of an object/array>` in JSON-like text. */
const JSON_PAIR = /"((?:[^"\\]|\\.){0,64}?(?:pass(?:word|wd)?|pwd|digest|bcrypt|resume|secret|api[-_]?key|key|token))"\s*:\s*(?:"(?:[^"\\]|\\.)*"?|[^,}\]\s]*)/gi;
/** `name=value` pairs in form-like text. */
const FORM_PAIR = /(^|[&\s;?])([\w.[\]-]{1,64})=([^&\s;]*)/g;

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
