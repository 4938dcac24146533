/**
 * The records Roam's state is made of, as immutable values (an update replaces the record).
 * Field meanings follow research/roam.md: projects own keys (§1), users (§6), groups (§4).
 */

/** A project and the key that authenticates as it (§1: keys are per project). */
export interface Project {
  readonly projectId: string;
  readonly accountId: string;
  readonly apiKey: string;
}

/** A user (§6). */
export interface UserRecord {
  readonly id: string;
  readonly projectId: string;
  /** 1 = Android, 2 = iOS (§6). */
  readonly appType: 1 | 2;
  readonly deviceToken: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, unknown>> | null;
  readonly createdAt: string;
}

/** A user group (§4). */
export interface GroupRecord {
  readonly id: string;
  readonly projectId: string;
  readonly description: string | null;
  /** Member user ids, unique, in the order they joined. */
  readonly users: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a session starts from (the fixtures). */
export interface RoamSeed {
  readonly projects: readonly Project[];
  readonly users: readonly UserRecord[];
  readonly groups: readonly GroupRecord[];
}

/** Per-session caps, so a runaway test cannot grow a session without bound (twin limits, not Roam's). */
export interface RoamLimits {
  readonly maxUsers: number;
  readonly maxGroups: number;
}

/** Default caps per session. */
export const DEFAULT_LIMITS: RoamLimits = { maxUsers: 100_000, maxGroups: 100_000 };

/** A slice of a project's records in creation order. */
export interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}
