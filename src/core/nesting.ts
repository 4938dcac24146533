/**
 * Deepest nesting of arrays and objects in a JSON text, counted in one pass without recursion
 * (brackets inside strings are skipped). Used to refuse bodies nested deeper than either vendor
 * can store: MongoDB refuses BSON documents nested over 100 levels (both vendors store in
 * MongoDB), and Python's json module raises RecursionError near 1,000 (Roam runs Django).
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return max;
}

/** The deepest nesting the twin accepts (MongoDB's BSON limit). */
export const MAX_NESTING = 100;
