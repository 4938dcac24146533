/**
 * The documents a Rocket.Chat session stores (research/rocketchat.md §3.1, §3.3; research notes
 * issue 10 §3–§7). Plain data: the stores in store/ index them, the views turn them into bodies.
 */

/** An e-mail address of a user. */
export interface UserEmail {
  address: string;
  verified: boolean;
}

/** A user. Fields change through users.update, users.setStatus, login/logout. */
export interface StoredUser {
  readonly _id: string;
  username: string;
  name: string;
  /** Plain-text password (the twin compares it, or its SHA-256 digest); undefined: cannot log in. */
  password: string | undefined;
  emails: UserEmail[];
  status: string;
  statusDefault: string | undefined;
  statusText: string | undefined;
  active: boolean;
  utcOffset: number | undefined;
  /** Global roles (`Users` scope): admin, user, bot, … */
  roles: string[];
  type: 'user' | 'bot' | 'app';
  createdAt: string;
  _updatedAt: string;
  /** The user's own preferences; `me` shows them over the defaults of the settings. */
  preferences: Record<string, unknown>;
  customFields: Record<string, unknown> | undefined;
  bio: string | undefined;
  nickname: string | undefined;
  requirePasswordChange: boolean | undefined;
}

/** `u` of a room or message: who created or wrote it (§3.1: `{_id, username, name}`). */
export interface RoomOwner {
  readonly _id: string;
  readonly username: string;
  readonly name: string;
}

/** A room document. `msgs`, `usersCount` and `_updatedAt` change with invitations and messages. */
export interface StoredRoom {
  readonly _id: string;
  name: string;
  fname: string;
  t: 'c' | 'p';
  msgs: number;
  usersCount: number;
  readonly u: RoomOwner;
  readonly ts: string;
  ro: boolean;
  _updatedAt: string;
  customFields: Readonly<Record<string, unknown>> | undefined;
  teamId: string | undefined;
  teamMain: boolean | undefined;
  /**
   * Keys copied from `extraData` (CR `...extraData`: broadcast, encrypted, topic, …) and the room
   * settings the groups.set* endpoints write, in the order they were first set. Shared empty map
   * for most rooms: replace it (copy on write), never mutate a map you did not create.
   */
  extra: ReadonlyMap<string, unknown>;
}

/** A private group: the only kind the groups.* endpoints return. */
export type PrivateRoom = StoredRoom & { readonly t: 'p' };

/** A user's membership of a room; the creator's carries `roles: ['owner']` (§3.3). */
export interface Subscription {
  readonly _id: string;
  readonly rid: string;
  readonly userId: string;
  /** Room roles (`Subscriptions` scope): owner, moderator, leader. */
  roles: readonly string[];
  /** When the user joined. */
  readonly ts: string;
  /** Shown in the user's sidebar (groups.open/close). */
  open: boolean;
  alert: boolean;
  unread: number;
  userMentions: number;
  groupMentions: number;
  /** Last seen (messages read up to here). */
  ls: string | undefined;
  _updatedAt: string;
}

/** A team member and their team roles (`owner` for the creator; none for others). */
export interface TeamMember {
  readonly userId: string;
  roles: readonly string[];
  readonly createdAt: string;
  readonly createdBy: { readonly _id: string; readonly username: string };
}

/** A team; its main room is `roomId` (a room with `teamMain: true`). */
export interface StoredTeam {
  readonly _id: string;
  name: string;
  /** 0 public (main room `c`), 1 private (main room `p`). */
  type: 0 | 1;
  readonly roomId: string;
  readonly createdAt: string;
  readonly createdBy: { readonly _id: string; readonly username: string };
  _updatedAt: string;
  readonly members: Map<string, TeamMember>;
}

/** A role (research notes issue 10 §5.3). `_id` equals the name for the vendor's defaults. */
export interface StoredRole {
  readonly _id: string;
  readonly name: string;
  readonly scope: 'Users' | 'Subscriptions';
  readonly description: string;
  readonly protected: boolean;
}

/** A permission and the roles it is granted to. */
export interface StoredPermission {
  readonly _id: string;
  roles: string[];
  _updatedAt: string;
}
