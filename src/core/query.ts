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
    // push, not spread: a key repeated n times costs n steps, not n².
    if (current === undefined) collected.set(key, isList ? [value] : value);
    else if (Array.isArray(current)) current.push(value);
    else collected.set(key, [current, value]);
  }
  // Object.fromEntries defines own properties: a `__proto__` key is data, never a prototype link.
  return Object.fromEntries(collected);
}
