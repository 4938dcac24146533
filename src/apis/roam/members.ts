import { unknownUsers, type BadRequest } from './errors.ts';
import type { RoamStore } from './store.ts';

/** Group members resolved against the store, or the 400 for ids outside the project. */
export type MembersResult = { readonly ok: true; readonly users: string[] } | { readonly ok: false; readonly response: BadRequest };

/**
 * Normalises requested member ids: lower case (ObjectIds print in lower case, §7), each id once
 * (modelled: a set, like MongoDB's `$addToSet`), every id a user of `projectId` (a user of another
 * project is reported like an unknown one: 400, never 404, §3a).
 */
export function resolveMembers(store: RoamStore, projectId: string, requested: readonly string[]): MembersResult {
  const users = unique(requested.map((id) => id.toLowerCase()));
  const unknown = store.unknownUsers(projectId, users);
  return unknown.length > 0 ? { ok: false, response: unknownUsers(unknown) } : { ok: true, users };
}

/** `current` followed by the ids of `added` it lacks, each once. */
export function mergeMembers(current: readonly string[], added: readonly string[]): string[] {
  return unique([...current, ...added]);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
