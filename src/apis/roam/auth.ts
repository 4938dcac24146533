import type { ParsedInput } from '../../core/api.ts';
import { invalidApiKey, missingApiKey, type Unauthorized } from './errors.ts';
import type { Project } from './model.ts';
import type { RoamStore } from './store.ts';

/** Who a request authenticates as, or the vendor's 401. */
export type RoamAuth = { readonly ok: true; readonly project: Project } | { readonly ok: false; readonly response: Unauthorized };

/**
 * Resolves the `Api-Key` header to its project (research/roam.md §1). Header names arrive
 * lower-cased, so `Api-Key`, `Api-key`, `APi-Key` and `api-key` (all used by Roam's own docs and
 * libraries) are one header. The key's format is not checked: any key no project owns is invalid
 * (§1: the docs' 31-character placeholder). Missing or blank → "No Api key…" 401, unknown →
 * "Invalid Api key." 401 (§3a).
 */
export function authenticateKey(store: RoamStore, headers: ParsedInput['headers']): RoamAuth {
  const key = headers['api-key']?.trim() ?? '';
  if (key === '') return { ok: false, response: missingApiKey() };
  const project = store.projectByKey(key);
  return project ? { ok: true, project } : { ok: false, response: invalidApiKey() };
}
