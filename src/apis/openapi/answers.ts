import { estimateBytes } from '../../core/byte-budget.ts';
import { fakeFromSchema } from '../../core/fake.ts';
import type { JsonResponse } from '../../core/types.ts';
import type { Conformer } from './conform.ts';
import { documentedExample, type Documented } from './responses.ts';
import { isRecord, shapeOf, typesOf } from './schema-shape.ts';

/** Bytes of faked bodies kept for reuse, all documents' sessions together. */
const CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Documented answers: the first named example, then `example`, then a body faked from the schema.
 * A faked body is seeded by what asks for it (the session, the operation, the path), so the same
 * request in the same session shows the same data after a reload, and another session other data.
 * json-schema-faker costs ~0.25 ms a body, so faked bodies are kept in a byte-bounded cache.
 */
export class Answers {
  private readonly cache = new Map<string, unknown>();
  private cachedBytes = 0;

  constructor(private readonly conformer: Conformer) {}

  /**
   * The answer for `documented`: its example, or a body faked with `seed` that fits its schema
   * (`seed` is a function: an example needs none, and hashing costs on every request).
   */
  answer(documented: Documented, seed: number | (() => number), key: string): JsonResponse {
    if (documented.mediaType === undefined) return { status: documented.status, body: undefined };
    const example = documentedExample(documented);
    const body = example !== undefined ? example.value : this.fake(documented.schema, typeof seed === 'number' ? seed : seed(), key);
    return { status: documented.status, contentType: documented.mediaType, body };
  }

  /**
   * An error answer in the document's own shape: its example, else a faked body whose usual
   * fields say what happened (`status`/`code` the status, `title`/`message`/`error`/`detail` the
   * text, a problem `type` the twin's), still fitting the schema.
   */
  error(documented: Documented, seed: number, key: string, what: { readonly name: string; readonly title: string; readonly detail: string }): JsonResponse {
    const answer = this.answer(documented, seed, key);
    if (documentedExample(documented) !== undefined || !isRecord(answer.body)) return answer;
    const body: Record<string, unknown> = { ...answer.body };
    const shape = shapeOf(documented.schema);
    for (const [name, sub] of shape.properties) {
      const types = typesOf(sub);
      const lower = name.toLowerCase();
      if ((lower === 'status' || lower === 'code' || lower === 'statuscode' || lower === 'status_code') && (types.includes('integer') || types.includes('number'))) body[name] = documented.status;
      else if (!types.includes('string')) continue;
      else if (lower === 'title' || lower === 'error' || lower === 'message' || lower === 'msg') body[name] = what.title;
      else if (lower === 'detail' || lower === 'details' || lower === 'description' || lower === 'error_description') body[name] = what.detail;
      else if (lower === 'type') body[name] = `urn:api-twin:problem:${what.name}`;
    }
    const fitted = this.conformer.conform(documented.schema, body, (sub) => fakeFromSchema(sub, seed)).value;
    return { ...answer, body: fitted };
  }

  /** A body faked from `schema` with `seed`, repaired to fit it where the faker missed (cached). */
  fake(schema: unknown, seed: number, key: string): unknown {
    const cacheKey = `${key}\u0000${seed}`;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const faked = this.conformer.conform(schema, fakeFromSchema(schema, seed), (sub) => fakeFromSchema(sub, seed + 1)).value;
    const bytes = estimateBytes(faked) + cacheKey.length;
    if (bytes <= CACHE_BYTES / 16) {
      // Oldest first (a Map keeps insertion order) until the new body fits.
      for (const [k, v] of this.cache) {
        if (this.cachedBytes + bytes <= CACHE_BYTES) break;
        this.cache.delete(k);
        this.cachedBytes -= estimateBytes(v) + k.length;
      }
      this.cache.set(cacheKey, faked);
      this.cachedBytes += bytes;
    }
    return faked;
  }
}

/** FNV-1a over the parts: a stable 31-bit seed for a session, an operation, a path. */
export function seedOf(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash & 0x7fffffff;
}
