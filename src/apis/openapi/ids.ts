import { fakeFromSchema } from '../../core/fake.ts';
import { isRecord, typesOf } from './schema-shape.ts';
import type { ResourceStore } from './store.ts';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A new id for an item of `collection`, shaped by the id's schema: whole numbers count up from the
 * schema's minimum (1 by default) past every id the collection has held; `format: uuid` gives a
 * version 4 UUID; a `pattern` is faked (json-schema-faker, seeded from `random`); any other string
 * is 12 characters of `[a-z0-9]` (within minLength/maxLength). Never an id the collection holds.
 */
export function newId(schema: unknown, store: ResourceStore, collection: string, random: () => number): string | number {
  const s = isRecord(schema) ? schema : {};
  const types = typesOf(s);
  if (types.includes('integer') || types.includes('number')) {
    const minimum = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : typeof s.exclusiveMinimum === 'number' ? Math.floor(s.exclusiveMinimum) + 1 : 1;
    return store.nextInteger(collection, minimum);
  }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const id = stringId(s, random);
    if (!store.has(collection, id)) return id;
  }
  throw new Error(`no free id for ${collection} after 20 attempts (schema ${JSON.stringify(s).slice(0, 200)})`);
}

function stringId(s: Readonly<Record<string, unknown>>, random: () => number): string {
  if (s.format === 'uuid') return uuid(random);
  if (typeof s.pattern === 'string' || Array.isArray(s.enum)) {
    const faked = fakeFromSchema({ ...s, type: 'string' }, Math.floor(random() * 2 ** 31));
    if (typeof faked === 'string') return faked;
  }
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
  const length = Math.max(min, Math.min(12, max));
  let id = '';
  for (let i = 0; i < length; i += 1) id += ALPHABET[Math.floor(random() * ALPHABET.length)] ?? 'a';
  return id;
}

/** RFC 9562 version 4 UUID from `random`. */
function uuid(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(random() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
