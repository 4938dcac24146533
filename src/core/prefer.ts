/**
 * Parses the per-request control vocabulary: Prism's `Prefer` preferences (`code`, `example`,
 * `dynamic`, `seed`; docs/guides/01-mocking.md in stoplightio/prism) plus `delay` and `fault`
 * (DESIGN.md §5), and `strict` (contract mode for one request). Prism's `__code`, `__example`, `__dynamic` query aliases are accepted too.
 * RFC 7240 §2: preferences are comma-separated `token[=value]` pairs.
 */

/** Socket-level faults for client resilience tests. */
export type Fault = 'reset' | 'empty';

/** What a request asked of the twin. Every field is optional. */
export interface Preferences {
  readonly code?: number;
  readonly example?: string;
  readonly dynamic?: boolean;
  readonly seed?: number;
  readonly delayMs?: number;
  readonly fault?: Fault;
  /** `strict=true`: refuse a request that breaks the spec even where the vendor is lenient. */
  readonly strict?: boolean;
}

/** Parse result: the preferences, or why they are unusable (answered 422 by the core). */
export type PreferResult = { readonly ok: true; readonly prefer: Preferences } | { readonly ok: false; readonly reason: string };

/** Longest delay a request may ask for, so no request can pin a connection for long. */
export const MAX_DELAY_MS = 60_000;

const QUERY_ALIASES: Readonly<Record<string, string>> = { __code: 'code', __example: 'example', __dynamic: 'dynamic' };

/** Query keys that are controls, not vendor parameters: removed before validation. */
export function isControlQueryKey(key: string): boolean {
  return Object.hasOwn(QUERY_ALIASES, key);
}

/** Reads `Prefer` plus the `__` query aliases into Preferences. */
export function parsePreferences(header: string | undefined, query: Readonly<Record<string, string | string[]>>): PreferResult {
  // Most requests ask for nothing: no header and no `__` query keys.
  if (header === undefined && query.__code === undefined && query.__example === undefined && query.__dynamic === undefined) return NOTHING;
  const pairs: [string, string][] = [];
  for (const part of (header ?? '').split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    const key = (eq === -1 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    const value = (eq === -1 ? 'true' : trimmed.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
    pairs.push([key, value]);
  }
  for (const [alias, key] of Object.entries(QUERY_ALIASES)) {
    const value = query[alias];
    if (typeof value === 'string') pairs.push([key, value]);
  }
  const prefer: { -readonly [K in keyof Preferences]: Preferences[K] } = {};
  for (const [key, value] of pairs) {
    switch (key) {
      case 'code': {
        if (!/^[1-5]\d\d$/.test(value)) return { ok: false, reason: `code=${value} is not an HTTP status` };
        prefer.code = Number(value);
        break;
      }
      case 'example':
        if (value === '') return { ok: false, reason: 'example= needs a name' };
        prefer.example = value;
        break;
      case 'dynamic':
        if (value !== 'true' && value !== 'false') return { ok: false, reason: `dynamic=${value} must be true or false` };
        prefer.dynamic = value === 'true';
        break;
      case 'seed':
        if (!/^\d{1,9}$/.test(value)) return { ok: false, reason: `seed=${value} must be a whole number` };
        prefer.seed = Number(value);
        break;
      case 'delay': {
        const ms = Number(value);
        if (!/^\d+$/.test(value) || ms > MAX_DELAY_MS) return { ok: false, reason: `delay=${value} must be 0..${MAX_DELAY_MS} ms` };
        prefer.delayMs = ms;
        break;
      }
      case 'strict':
        if (value !== 'true' && value !== 'false') return { ok: false, reason: `strict=${value} must be true or false` };
        prefer.strict = value === 'true';
        break;
      case 'fault':
        if (value !== 'reset' && value !== 'empty') return { ok: false, reason: `fault=${value} must be reset or empty` };
        prefer.fault = value;
        break;
      default:
        // RFC 7240 §2: a server ignores preferences it does not understand (e.g. return=minimal).
        break;
    }
  }
  return { ok: true, prefer };
}

const NOTHING: PreferResult = { ok: true, prefer: {} };

/** True when the preferences force an answer instead of running the handler. */
export function forcesAnswer(prefer: Preferences): boolean {
  return prefer.code !== undefined || prefer.example !== undefined || prefer.dynamic === true;
}
