/**
 * Parses a raw query string into a plain record; a repeated key (or `key[]=`) becomes an array.
 */
export function parseQuery(raw: string): Record<string, string | string[]> {
  if (raw === '') return {};
  const collected = new Map<string, string | string[]>();
  for (const [rawKey, value] of new URLSearchParams(raw)) {
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const current = collected.get(key);
    if (current === undefined) collected.set(key, isList ? [value] : value);
    else collected.set(key, Array.isArray(current) ? [...current, value] : [current, value]);
  }
  // Object.fromEntries defines own properties: a `__proto__` key is data, never a prototype link.
  return Object.fromEntries(collected);
}
