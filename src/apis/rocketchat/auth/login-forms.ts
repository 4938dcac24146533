import { createHash } from 'node:crypto';
import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * `loginCompatibility(bodyParams)` and the login handlers Meteor then runs (AC; research notes
 * issue 10 §2.1): every body form the vendor accepts, reduced to who logs in and how.
 */
export type LoginAttempt =
  /** Credentials that name no user or do not match: 401 `Unauthorized` (masked by the vendor). */
  | { readonly kind: 'failed' }
  /** A body Meteor's handlers throw on (`user` a string plus an unknown key): 500. */
  | { readonly kind: 'crash' }
  /** The password or digest matched this user. */
  | { readonly kind: 'password'; readonly user: StoredUser }
  /** `resume` with a token valid for this user: the same token is answered. */
  | { readonly kind: 'resume'; readonly user: StoredUser; readonly token: string };

const COMPATIBLE_KEYS: ReadonlySet<string> = new Set(['user', 'username', 'email', 'password', 'code']);

/** Works out who a login body names and whether its credentials hold. */
export function attemptLogin(store: RocketChatStore, body: unknown): LoginAttempt {
  const password = own(body, 'password');
  if (password === undefined || password === null) return resumeLogin(store, own(body, 'resume'));
  const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  const user = own(body, 'user');
  const raw = keys.some((key) => !COMPATIBLE_KEYS.has(key));
  let selector: { username?: unknown; email?: unknown } | undefined;
  if (raw) {
    // Passed to Meteor unchanged: `user` must be the {username}/{email} object its check wants.
    if (typeof user === 'string') return { kind: 'crash' };
    selector = selectorOf(user);
  } else if (typeof user === 'string') {
    selector = user.includes('@') ? { email: user } : { username: user };
  } else if (own(body, 'username')) {
    selector = { username: own(body, 'username') };
  } else if (own(body, 'email')) {
    selector = { email: own(body, 'email') };
  } else {
    // loginCompatibility leaves `{user: {username}|{email}, password}` as it is.
    selector = selectorOf(user);
  }
  const found = selector === undefined ? undefined : findUser(store, selector);
  if (!found || found.password === undefined || !passwordMatches(found.password, password)) return { kind: 'failed' };
  return { kind: 'password', user: found };
}

function resumeLogin(store: RocketChatStore, resume: unknown): LoginAttempt {
  if (typeof resume !== 'string' || resume === '') return { kind: 'failed' };
  const owner = store.tokens.ownerOf(resume);
  const user = owner === undefined ? undefined : store.users.byUserId(owner);
  return user ? { kind: 'resume', user, token: resume } : { kind: 'failed' };
}

function selectorOf(user: unknown): { username?: unknown; email?: unknown } | undefined {
  if (typeof user !== 'object' || user === null) return undefined;
  const username = own(user, 'username');
  if (username !== undefined) return { username };
  const email = own(user, 'email');
  return email === undefined ? undefined : { email };
}

/** Meteor's `findUserByUsername` (exact, then ignoring case) and `findUserByEmail` (ignoring case). */
function findUser(store: RocketChatStore, selector: { username?: unknown; email?: unknown }): StoredUser | undefined {
  if (typeof selector.username === 'string') return store.users.byUsername(selector.username) ?? store.users.byUsernameIgnoringCase(selector.username);
  if (typeof selector.email === 'string') return store.users.byEmailAddress(selector.email);
  return undefined;
}

/**
 * A plain password, or `{digest, algorithm: 'sha-256'}` with the hex SHA-256 of the UTF-8 password
 * (what the official clients send; Meteor's `passwordValidator`). The digest is compared in lower case.
 */
export function passwordMatches(stored: string, given: unknown): boolean {
  if (typeof given === 'string') return given === stored;
  const digest = own(given, 'digest');
  if (typeof digest !== 'string' || own(given, 'algorithm') !== 'sha-256') return false;
  return digest.toLowerCase() === createHash('sha256').update(stored, 'utf8').digest('hex');
}
