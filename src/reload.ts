import type { Twin } from './core/twin.ts';

/** What a reload kept: sessions whose state still passes the new fixture checks, and the rest. */
export interface Reloaded {
  readonly twin: Twin;
  /** Sessions whose state moved into the new twin. */
  readonly kept: readonly string[];
  /** Sessions whose state no longer validates; they start again from the new fixtures. */
  readonly dropped: readonly { readonly session: string; readonly why: string }[];
}

/**
 * Builds a new twin (new specs and fixtures) and moves every live session's state into it
 * through the same export/import the admin API offers, so a reload drops only state that the
 * new fixture rules refuse (research/anchors.md §4.10: keep state across spec changes).
 * `build` may throw (a broken fixture or spec): the caller keeps serving the old twin then.
 */
export async function reloadTwin(old: Twin, build: () => Promise<Twin>): Promise<Reloaded> {
  const twin = await build();
  const kept: string[] = [];
  const dropped: { session: string; why: string }[] = [];
  for (const session of old.controls.sessions()) {
    const states = Object.fromEntries(old.controls.apis.map((api) => [api, old.controls.exportState(session, api)]));
    const result = twin.controls.importState(session, states);
    if (result.ok) kept.push(session);
    else dropped.push({ session, why: `${result.api}: ${result.pointer || '/'}: ${result.reason}` });
  }
  return { twin, kept, dropped };
}
