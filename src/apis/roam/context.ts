import type { ObjectIdGenerator } from './object-id.ts';
import type { Project } from './model.ts';
import type { RoamStore } from './store.ts';

/** What every Roam handler works with: the session's state, the caller's project, clock and ids. */
export interface RoamContext {
  /** The state of the request's mock session. */
  readonly store: RoamStore;
  /** The project the `Api-Key` belongs to; handlers only see this project's objects. */
  readonly project: Project;
  /** The injected clock (tests pin it). */
  readonly now: () => Date;
  /** ObjectId source shared by every session of the twin. */
  readonly ids: ObjectIdGenerator;
}
