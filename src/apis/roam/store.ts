import { estimateBytes, unboundedMeter, type Meter } from '../../core/byte-budget.ts';
import { DEFAULT_LIMITS, type GroupRecord, type Page, type Project, type RoamLimits, type RoamSeed, type UserRecord } from './model.ts';

/**
 * The state of Roam inside one mock session: projects (by API key), their users and their groups.
 * Records are immutable values; an update replaces the record. Ownership rules follow the vendor's
 * per-project keys (research/roam.md §1): a caller only ever sees its own project's objects, and a
 * group's members are users of the group's project.
 */

// Fixed heap costs charged to the session's byte budget on top of each record's estimated size:
// the record object and its entries in the id map and the creation-order list.
const RECORD_BYTES = 200;

/** Bytes a user or group holds against the session's budget. */
function recordBytes(record: UserRecord | GroupRecord): number {
  return RECORD_BYTES + estimateBytes(record);
}

/** A write refused because the session holds the most records (`count`) or bytes (`bytes`) it may. */
export interface Full {
  readonly full: 'count' | 'bytes';
}

/** True for a refused write. */
export function isFull(result: object): result is Full {
  return 'full' in result;
}

/** One session's Roam state. */
export class RoamStore {
  private readonly projectsByKey = new Map<string, Project>();
  private readonly users = new Map<string, UserRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  // Creation order per project: MongoDB's natural order, which the list endpoints page through.
  private readonly userOrder = new Map<string, string[]>();
  private readonly groupOrder = new Map<string, string[]>();

  /**
   * Seeds the store; the seed is charged to `meter` even past its budget (fixtures are what every
   * session starts from), later writes must fit.
   */
  constructor(
    seed: RoamSeed,
    private readonly limits: RoamLimits = DEFAULT_LIMITS,
    private readonly meter: Meter = unboundedMeter(),
  ) {
    for (const project of seed.projects) this.projectsByKey.set(project.apiKey, project);
    meter.charge(estimateBytes(seed.projects));
    for (const user of seed.users) {
      meter.charge(recordBytes(user));
      this.insertUser(user);
    }
    for (const group of seed.groups) {
      this.assertMembers(group);
      meter.charge(recordBytes(group));
      this.insertGroup(group);
    }
  }

  /** The session's byte budget (for the error that says it is full). */
  get byteLimit(): number {
    return this.meter.limit;
  }

  /** The project an API key belongs to. */
  projectByKey(apiKey: string): Project | undefined {
    return this.projectsByKey.get(apiKey);
  }

  /** A user of `projectId`; another project's user is as unknown as a missing one. */
  user(projectId: string, userId: string): UserRecord | undefined {
    const user = this.users.get(userId);
    return user?.projectId === projectId ? user : undefined;
  }

  /** The ids in `userIds` that are not users of `projectId`, in the given order. */
  unknownUsers(projectId: string, userIds: readonly string[]): string[] {
    return userIds.filter((id) => this.user(projectId, id) === undefined);
  }

  /** A page of `projectId`'s users in creation order. */
  usersOf(projectId: string, offset: number, limit: number): Page<UserRecord> {
    return this.page(this.userOrder.get(projectId), offset, limit, this.users);
  }

  /** Stores a new user, or says which limit of the session it would pass. */
  addUser(user: UserRecord): UserRecord | Full {
    if (this.users.size >= this.limits.maxUsers) return { full: 'count' };
    if (!this.meter.tryCharge(recordBytes(user))) return { full: 'bytes' };
    this.insertUser(user);
    return user;
  }

  /** A group of `projectId`; another project's group is as unknown as a missing one. */
  group(projectId: string, groupId: string): GroupRecord | undefined {
    const group = this.groups.get(groupId);
    return group?.projectId === projectId ? group : undefined;
  }

  /** A page of `projectId`'s groups in creation order. */
  groupsOf(projectId: string, offset: number, limit: number): Page<GroupRecord> {
    return this.page(this.groupOrder.get(projectId), offset, limit, this.groups);
  }

  /** Stores a new group, or says which limit of the session it would pass. */
  addGroup(group: GroupRecord): GroupRecord | Full {
    this.assertMembers(group);
    if (this.groups.size >= this.limits.maxGroups) return { full: 'count' };
    if (!this.meter.tryCharge(recordBytes(group))) return { full: 'bytes' };
    this.insertGroup(group);
    return group;
  }

  /** Replaces an existing group (same id and project), unless the larger group does not fit the budget. */
  replaceGroup(group: GroupRecord): GroupRecord | Full {
    const current = this.groups.get(group.id);
    if (current?.projectId !== group.projectId) throw new Error(`group ${group.id} is not a group of project ${group.projectId}`);
    this.assertMembers(group);
    const growth = recordBytes(group) - recordBytes(current);
    if (growth > 0 && !this.meter.tryCharge(growth)) return { full: 'bytes' };
    if (growth < 0) this.meter.release(-growth);
    this.groups.set(group.id, group);
    return group;
  }

  /** Every project, user and group, users and groups in creation order (for state export). */
  snapshot(): RoamSeed {
    const inOrder = <T>(order: Map<string, string[]>, records: ReadonlyMap<string, T>): T[] =>
      [...order.values()].flat().flatMap((id) => {
        const record = records.get(id);
        return record === undefined ? [] : [record];
      });
    return { projects: [...this.projectsByKey.values()], users: inOrder(this.userOrder, this.users), groups: inOrder(this.groupOrder, this.groups) };
  }

  private insertUser(user: UserRecord): void {
    if (this.users.has(user.id)) throw new Error(`duplicate user id ${user.id}`);
    this.users.set(user.id, user);
    append(this.userOrder, user.projectId, user.id);
  }

  private insertGroup(group: GroupRecord): void {
    if (this.groups.has(group.id)) throw new Error(`duplicate group id ${group.id}`);
    this.groups.set(group.id, group);
    append(this.groupOrder, group.projectId, group.id);
  }

  // A bug guard: handlers check membership first and answer 400; reaching this is a twin bug (500).
  private assertMembers(group: GroupRecord): void {
    const unknown = this.unknownUsers(group.projectId, group.users);
    if (unknown.length > 0) throw new Error(`group ${group.id} lists users outside project ${group.projectId}: ${unknown.join(',')}`);
    if (new Set(group.users).size !== group.users.length) throw new Error(`group ${group.id} lists a user twice`);
  }

  private page<T>(order: readonly string[] | undefined, offset: number, limit: number, records: ReadonlyMap<string, T>): Page<T> {
    const ids = order ?? [];
    const items: T[] = [];
    for (const id of ids.slice(offset, offset + limit)) {
      const record = records.get(id);
      if (record !== undefined) items.push(record);
    }
    return { total: ids.length, items };
  }
}

function append(order: Map<string, string[]>, key: string, id: string): void {
  const ids = order.get(key);
  if (ids) ids.push(id);
  else order.set(key, [id]);
}
