import type { Twin } from './core/twin.ts';

/** What a reload kept: sessions whose state still passes the new fixture checks, and the rest. */
export interface Reloaded {
  readonly twin: Twin;
  /** Sessions whose state moved into the new twin. */
  readonly kept: readonly string[];
  /** Sessions whose state no longer validates, with the reason; they start again from the new fixtures. */
  readonly dropped: readonly { readonly session: string; readonly why: string }[];
}

/**
 * Builds a new twin (new specs and fixtures) and moves every live session's state into it
 * through the same export/import the admin API offers, so a reload drops only state that the
 * new fixture rules refuse (research/anchors.md §4.10: keep state across spec changes). Only the
 * APIs a session has used move: one it never touched starts from the new fixtures. The journal
 * moves too; coverage does not (it counts the old specs' responses).
 *
 * `build` may throw (a broken fixture or spec): nothing changes and the caller keeps serving the
 * old twin. `install` runs right after the move, in the same synchronous step, so no request
 * can reach the old twin between the export and the swap and be lost.
 */
export async function reloadTwin(old: Twin, build: () => Promise<Twin>, install: (twin: Twin) => void = () => undefined): Promise<Reloaded> {
  const twin = await build();
  const kept: string[] = [];
  const dropped: { session: string; why: string }[] = [];
  // sessions() lists least recently used first, so importing in that order keeps the LRU order.
  for (const session of old.controls.sessions()) {
    const result = twin.controls.importState(session, old.controls.exportSession(session));
    if (result.ok) kept.push(session);
    else dropped.push({ session, why: `${result.api}: ${result.pointer || '/'}: ${result.reason}` });
  }
  twin.controls.journal.adopt(old.controls.journal);
  install(twin);
  return { twin, kept, dropped };
}
