/**
 * The documents a Rocket.Chat session stores (research/rocketchat.md §3.1, §3.3). Plain data:
 * store.ts indexes them, views.ts turns them into API bodies.
 */

/** A user. Immutable for the life of a session. */
export interface StoredUser {
  readonly _id: string;
  readonly username: string;
  readonly name: string;
  readonly password: string | undefined;
  readonly email: string | undefined;
  readonly status: string;
  readonly active: boolean;
  readonly utcOffset: number;
  readonly roles: readonly string[];
  readonly permissions: ReadonlySet<string>;
}

/** `u` of a room: the creator (§3.1: `{_id, username, name}`). */
export interface RoomOwner {
  readonly _id: string;
  readonly username: string;
  readonly name: string;
}

/** A room document. `msgs`, `usersCount` and `_updatedAt` change with invitations. */
export interface StoredRoom {
  readonly _id: string;
  readonly name: string;
  readonly fname: string;
  readonly t: 'c' | 'p';
  msgs: number;
  usersCount: number;
  readonly u: RoomOwner;
  readonly ts: string;
  readonly ro: boolean;
  _updatedAt: string;
  readonly customFields?: Readonly<Record<string, unknown>>;
  readonly teamId?: string;
  readonly teamMain?: boolean;
  /** Keys copied from `extraData` (CR `...extraData`), e.g. broadcast, encrypted, topic. */
  readonly extra: ReadonlyMap<string, unknown>;
}

/** A private group: the only kind the groups.* endpoints return. */
export type PrivateRoom = StoredRoom & { readonly t: 'p' };

/** A user's membership of a room; the creator's carries `roles: ['owner']` (§3.3). */
export interface Subscription {
  readonly rid: string;
  readonly userId: string;
  readonly roles: readonly string[];
}

/** A team and the permissions its members hold inside it. */
export interface StoredTeam {
  readonly _id: string;
  readonly name: string;
  readonly mainRoomId: string;
  readonly memberPermissions: ReadonlyMap<string, ReadonlySet<string>>;
}
