/**
 * Rocket.Chat's `parseBodyParams` (research/rocketchat.md §5.3, HR): how the server turns the raw
 * body into `bodyParams`. It never fails: bad JSON becomes `{}`, so groups.create then answers
 * `Body param "name" is required`, and nothing ever answers 415.
 *
 * Safety: JSON.parse and Object.fromEntries define own properties, so a `"__proto__"` key is plain
 * data and never a prototype link. Nothing here copies keys by assignment.
 */

/** A parsed body: an object (or array) whose own keys are the vendor's `bodyParams`. */
export type BodyParams = object;

/** Parses `raw` the way the vendor does for `contentType`. Never throws. */
export function parseRocketChatBody(raw: string, contentType: string | undefined): BodyParams {
  // The vendor tests `includes(...)` on the header; media types are case-insensitive, so lower it.
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/json')) return parseJson(raw);
  if (type.includes('application/x-www-form-urlencoded')) return parseForm(raw);
  if (type.includes('multipart/form-data')) return {}; // left to upload routes
  if (raw === '') return {};
  return spreadText(raw);
}

/** JSON.parse; a failure is swallowed into `{}`. A null or primitive body reads like `{}`. */
function parseJson(raw: string): BodyParams {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  // `bodyParams.name` on a primitive is undefined, exactly as on `{}`; arrays stay arrays.
  return typeof value === 'object' && value !== null ? value : {};
}

/** A flat object of strings; a repeated key keeps its last value (Object.fromEntries). */
function parseForm(raw: string): BodyParams {
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * `{...text}`: one key per UTF-16 code unit, "0", "1", … (so JSON sent as text/plain is not parsed).
 * No route reads a numeric key, so only the first SPREAD_KEYS are built: the answer is the same,
 * and a 1 MB text body no longer builds a million-key object (0.38 s of CPU).
 */
function spreadText(raw: string): BodyParams {
  const entries: [string, string][] = [];
  const end = Math.min(raw.length, SPREAD_KEYS);
  for (let i = 0; i < end; i += 1) entries.push([String(i), raw.charAt(i)]);
  return Object.fromEntries(entries);
}

/** Keys of a spread text body that are built (see spreadText). */
const SPREAD_KEYS = 64;

/**
 * Reads an own data property only: inherited names (`constructor`, `toString`, `__proto__` of a
 * plain object) read as undefined, and getters never run.
 */
export function own(source: unknown, key: string): unknown {
  if (typeof source !== 'object' || source === null || !Object.hasOwn(source, key)) return undefined;
  const value: unknown = Object.getOwnPropertyDescriptor(source, key)?.value;
  return value;
}
