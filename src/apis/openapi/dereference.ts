import { dirname, resolve } from 'node:path';
import { escapePointer, SpecError } from './spec-error.ts';

/** Where an object of the dereferenced document was written: its file and JSON pointer there. */
export interface Origin {
  readonly file: string;
  readonly pointer: string;
}

/** Reads and parses one more file a `$ref` names (throws SpecError when it cannot). */
export type LoadFile = (file: string) => Promise<unknown>;

/** Keys whose values are data, not OpenAPI objects: a `$ref` key inside them is not a reference. */
const DATA_KEYS: ReadonlySet<string> = new Set(['example', 'default', 'enum', 'const']);

/**
 * A place in a file, its pointer built only when asked for: a 5 MB document has hundreds of
 * thousands of objects, and only the one an error names needs its pointer as text.
 */
class Place implements Origin {
  private text: string | undefined;

  constructor(
    readonly file: string,
    private readonly parent: Place | undefined,
    private readonly token: string | number,
    fixed?: string,
  ) {
    this.text = fixed;
  }

  get pointer(): string {
    this.text ??= `${this.parent?.pointer ?? ''}/${escapePointer(String(this.token))}`;
    return this.text;
  }
}

interface Frame {
  readonly holder: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly at: Place;
  /** The key of the holder in its own parent (`properties`, `examples`, …), to tell names from keywords. */
  readonly parentKey: string | number | undefined;
  /** The holder's parent key: `value` of an Example object is data when this is `examples`. */
  readonly grandKey: string | number | undefined;
}

/** Thrown inside the walk when a reference names a file not read yet; the walk reads it and retries. */
class NeedsFile extends Error {
  constructor(
    readonly file: string,
    readonly from: Origin,
  ) {
    super(`needs ${file}`);
  }
}

/**
 * Replaces every `$ref` of `root` (read from `file`) by the object it points to, in place, across
 * files: `#/components/schemas/Pet`, `common.yaml#/Pet`, `./schemas/pet.json`. Each target is
 * shared, so recursive schemas become cycles (openapi-backend's validators and the twin's faker
 * both cope). A reference with siblings other than `description`/`summary` becomes a shallow copy
 * of its target with the siblings on top (3.1 lets schemas add keywords next to `$ref`).
 *
 * Returns where each object came from, so later checks can name the file and pointer to fix.
 * Throws SpecError naming the file and pointer of a reference that does not resolve.
 */
export async function dereference(root: Record<string, unknown>, file: string, load: LoadFile): Promise<WeakMap<object, Origin>> {
  const origins = new WeakMap<object, Origin>();
  const files = new Map<string, unknown>([[file, root]]);
  const rootPlace = new Place(file, undefined, '', '');
  origins.set(root, rootPlace);
  const stack: Frame[] = [];
  const pushChildren = (value: Record<string, unknown> | unknown[], at: Place, parentKey: string | number | undefined, grandKey: string | number | undefined) => {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) if (typeof value[i] === 'object') stack.push({ holder: value, key: i, at: new Place(at.file, at, i), parentKey, grandKey });
      return;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i] as string;
      if (typeof value[key] === 'object') stack.push({ holder: value, key, at: new Place(at.file, at, key), parentKey, grandKey });
    }
  };
  const visited = new WeakSet<object>([root]);
  pushChildren(root, rootPlace, undefined, undefined);

  /** The object a `$ref` string points to, following chains of references. */
  function resolveRef(ref: string, from: Origin): { value: unknown; at: Origin } {
    let current = { ref, base: from.file };
    const seen = new Set<string>();
    for (;;) {
      const hash = current.ref.indexOf('#');
      const location = hash === -1 ? current.ref : current.ref.slice(0, hash);
      const fragment = hash === -1 ? '' : current.ref.slice(hash + 1);
      if (/^[a-z][a-z0-9+.-]*:/i.test(location)) {
        throw new SpecError(from.file, from.pointer, `$ref "${ref}" is remote; only local and relative file references are read (download it next to the document)`);
      }
      const target = location === '' ? current.base : resolve(dirname(current.base), decodeUri(location));
      const key = `${target}#${fragment}`;
      if (seen.has(key)) throw new SpecError(from.file, from.pointer, `$ref "${ref}" is a circular chain of references`);
      seen.add(key);
      if (!files.has(target)) throw new NeedsFile(target, from);
      let value = files.get(target);
      let pointer = '';
      if (fragment !== '' && fragment !== '/') {
        if (!fragment.startsWith('/')) throw new SpecError(from.file, from.pointer, `$ref "${ref}" uses an anchor; only JSON pointers are resolved`);
        for (const token of decodeUri(fragment).split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
          // A reference on the way (`#/components/schemas/Pet/properties/name` where Pet is itself a $ref).
          while (isObject(value) && !Array.isArray(value) && typeof value.$ref === 'string') value = resolveRef(value.$ref, { file: target, pointer }).value;
          const next: unknown = Array.isArray(value) ? (/^\d+$/.test(token) ? value[Number(token)] : undefined) : isObject(value) && Object.hasOwn(value, token) ? value[token] : undefined;
          if (next === undefined) throw new SpecError(from.file, from.pointer, `$ref "${ref}" does not resolve: ${target} has nothing at ${fragment}`);
          value = next;
          pointer += `/${escapePointer(token)}`;
        }
      }
      if (isObject(value) && !Array.isArray(value) && typeof value.$ref === 'string') {
        current = { ref: value.$ref, base: target };
        continue;
      }
      return { value, at: { file: target, pointer } };
    }
  }

  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { holder, key } = frame;
    const found: unknown = Array.isArray(holder) ? holder[key as number] : holder[key as string];
    const dataHere = (typeof key === 'string' && DATA_KEYS.has(key) && frame.parentKey !== 'properties') || (key === 'value' && frame.grandKey === 'examples');
    if (!isObject(found) || dataHere) {
      stack.pop();
      continue;
    }
    let value: Record<string, unknown> | unknown[] = found;
    let at: Origin = frame.at;
    if (!Array.isArray(found) && typeof found.$ref === 'string') {
      let resolved: { value: unknown; at: Origin };
      try {
        resolved = resolveRef(found.$ref, at);
      } catch (error) {
        if (!(error instanceof NeedsFile)) throw error;
        // Read the file, then take the same frame again.
        files.set(error.file, await readOther(error.file, error.from));
        continue;
      }
      const siblings = Object.keys(found).filter((k) => k !== '$ref' && k !== 'description' && k !== 'summary');
      let target = resolved.value;
      if (siblings.length > 0 && isObject(target) && !Array.isArray(target)) {
        // A copy of the target with the siblings on top, walked where the reference was written.
        const merged: Record<string, unknown> = { ...target };
        for (const sibling of siblings) merged[sibling] = found[sibling];
        target = merged;
        origins.set(merged, at);
      }
      if (Array.isArray(holder)) holder[key as number] = target;
      else holder[key as string] = target;
      stack.pop();
      if (!isObject(target)) continue;
      value = target;
      if (!origins.has(value)) origins.set(value, resolved.at);
    } else {
      stack.pop();
      if (!origins.has(found)) origins.set(found, at);
    }
    at = origins.get(value) ?? at;
    if (visited.has(value)) continue;
    visited.add(value);
    pushChildren(value, at instanceof Place ? at : new Place(at.file, undefined, '', at.pointer), key, frame.parentKey);
  }
  return origins;

  async function readOther(target: string, from: Origin): Promise<unknown> {
    let value: unknown;
    try {
      value = await load(target);
    } catch (error) {
      if (error instanceof SpecError) throw error;
      throw new SpecError(from.file, from.pointer, `$ref names ${target}, which cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (isObject(value)) origins.set(value, new Place(target, undefined, '', ''));
    return value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
