import { createHash } from 'node:crypto';
/**
 * Meteor's `Random` ids, drawn from the injected random source so tests can pin them.
 * Alphabets and lengths: Meteor's `random` package (research/rocketchat.md §3.2).
 */

/** Meteor's "unmistakable" alphabet for `Random.id()`: no 0/1/I/O/l/o lookalikes. */
export const UNMISTAKABLE_CHARS = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** Meteor's alphabet for `Random.secret()`, which mints login tokens. */
export const BASE64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Length of `Random.id()`: the documented room and user `_id` form (§3.2). */
export const METEOR_ID_LENGTH = 17;

/** Length of `Random.secret()`, the default login token length. */
export const LOGIN_TOKEN_LENGTH = 43;

/** `length` characters of `alphabet`, each picked with one call of `random` (a [0, 1) source). */
export function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    // min() keeps a misbehaving source that returns exactly 1 inside the alphabet.
    const index = Math.min(Math.floor(random() * alphabet.length), alphabet.length - 1);
    out += alphabet.charAt(index);
  }
  return out;
}

/** A 17-character Meteor `Random.id()`, e.g. `NtR6RQ7NvzA9ejecX`. */
export function meteorId(random: () => number): string {
  return randomString(random, UNMISTAKABLE_CHARS, METEOR_ID_LENGTH);
}

/** A 43-character login token like Meteor's `Accounts._generateStampedLoginToken()`. */
export function loginToken(random: () => number): string {
  return randomString(random, BASE64_CHARS, LOGIN_TOKEN_LENGTH);
}

/**
 * A 17-character id in `Random.id()`'s alphabet derived from `seed` (SHA-256): for documents the
 * twin creates as a side effect (subscriptions), so they get stable ids without drawing from the
 * random source, and the ids a test pins for rooms and tokens do not move.
 */
export function derivedId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < METEOR_ID_LENGTH; i += 1) out += UNMISTAKABLE_CHARS.charAt((digest[i] ?? 0) % UNMISTAKABLE_CHARS.length);
  return out;
}
