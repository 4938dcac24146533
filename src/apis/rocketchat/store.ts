import type { RoomOwner, StoredRoom, StoredTeam, StoredUser, Subscription } from './model.ts';

/**
 * The state of Rocket.Chat inside one mock session: users, teams, rooms, subscriptions and login
 * tokens. It only stores and indexes; seed-store.ts fills it from the fixtures, and the vendor's
 * rules live in the domain files (create-group.ts, invite.ts, erase-room.ts, room-lookup.ts,
 * permissions.ts).
 */

/** Limits of one session's store. */
export interface StoreLimits {
  /** Most rooms (seeded ones included) a session may hold; a safety cap, modelled. */
  readonly maxRooms: number;
}

/** Login tokens kept valid per session (fixture tokens not counted). */
export const MAX_MINTED_TOKENS = 10_000;

/** Default cap on rooms per session. */
export const DEFAULT_MAX_ROOMS = 100_000;

/** Indexed state of one session, seeded from a validated fixture. */
export class RocketChatStore {
  readonly maxRooms: number;
  private readonly users = new Map<string, StoredUser>();
  private readonly usersByName = new Map<string, StoredUser>();
  private readonly teams = new Map<string, StoredTeam>();
  private readonly roomsById = new Map<string, StoredRoom>();
  private readonly roomsByName = new Map<string, StoredRoom>();
  // Subscriptions per room in subscription order. An array, not a Map: rooms hold a handful of
  // members, and a Map per room costs ~150 B more (bench/memory.ts).
  private readonly subsByRoom = new Map<string, Subscription[]>();
  private readonly roomsByUser = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, string>();
  /** Tokens minted by login, oldest first. */
  private readonly minted = new Set<string>();
  /** One `u` object per creator, shared by all their rooms (memory: ~1M rooms per twin, issue-6 budget). */
  private readonly owners = new Map<string, RoomOwner>();
  /** One frozen roles array per distinct role list, shared by subscriptions. */
  private readonly roleLists = new Map<string, readonly string[]>();

  constructor(limits: StoreLimits = { maxRooms: DEFAULT_MAX_ROOMS }) {
    this.maxRooms = limits.maxRooms;
  }

  /** Adds a user; usernames are unique (fixtures.ts checks). */
  addUser(user: StoredUser): void {
    this.users.set(user._id, user);
    this.usersByName.set(user.username, user);
  }

  /** The `u` of rooms a user creates (§3.1: `{_id, username, name}`), one shared object per user. */
  ownerOf(user: StoredUser): RoomOwner {
    let owner = this.owners.get(user._id);
    if (!owner) {
      owner = Object.freeze({ _id: user._id, username: user.username, name: user.name });
      this.owners.set(user._id, owner);
    }
    return owner;
  }

  /** Adds a team. */
  addTeam(team: StoredTeam): void {
    this.teams.set(team._id, team);
  }

  user(id: string): StoredUser | undefined {
    return this.users.get(id);
  }

  userByUsername(username: string): StoredUser | undefined {
    return this.usersByName.get(username);
  }

  team(id: string): StoredTeam | undefined {
    return this.teams.get(id);
  }

  room(id: string): StoredRoom | undefined {
    return this.roomsById.get(id);
  }

  /** Exact, case-sensitive match on `name` (Rooms.findOneByName, §2.2 item 12). */
  roomByName(name: string): StoredRoom | undefined {
    return this.roomsByName.get(name);
  }

  get roomCount(): number {
    return this.roomsById.size;
  }

  /** Adds a room; its id and name must be free (callers check, so a clash is a bug). */
  insertRoom(room: StoredRoom): void {
    if (this.roomsById.has(room._id) || this.roomsByName.has(room.name)) throw new Error(`room ${room._id} clashes`);
    this.roomsById.set(room._id, room);
    this.roomsByName.set(room.name, room);
    this.subsByRoom.set(room._id, []);
  }

  /** Removes a room and every subscription to it, which frees its name (§4, eraseRoom). */
  deleteRoom(rid: string): void {
    const room = this.roomsById.get(rid);
    if (!room) return;
    for (const sub of this.subsByRoom.get(rid) ?? []) this.roomsByUser.get(sub.userId)?.delete(rid);
    this.subsByRoom.delete(rid);
    this.roomsByName.delete(room.name);
    this.roomsById.delete(rid);
  }

  subscription(rid: string, userId: string): Subscription | undefined {
    return this.subsByRoom.get(rid)?.find((sub) => sub.userId === userId);
  }

  /** Subscribes a user and counts them in `usersCount`. Returns false when already subscribed. */
  subscribe(rid: string, userId: string, roles: readonly string[]): boolean {
    const subs = this.subsByRoom.get(rid);
    const room = this.roomsById.get(rid);
    if (!subs || !room) throw new Error(`subscribe to unknown room ${rid}`);
    if (subs.some((sub) => sub.userId === userId)) return false;
    // A new exact-size array: `push` onto [] reserves 17 slots (~150 B) for rooms that hold two.
    this.subsByRoom.set(rid, subs.concat({ rid, userId, roles: this.sharedRoles(roles) }));
    let rooms = this.roomsByUser.get(userId);
    if (!rooms) this.roomsByUser.set(userId, (rooms = new Set()));
    rooms.add(rid);
    room.usersCount += 1;
    return true;
  }

  private sharedRoles(roles: readonly string[]): readonly string[] {
    const key = roles.join('\u0000');
    let shared = this.roleLists.get(key);
    if (!shared) {
      shared = Object.freeze([...roles]);
      this.roleLists.set(key, shared);
    }
    return shared;
  }

  /** Subscriptions of a room, in the order they were made. */
  subscriptionsOf(rid: string): Subscription[] {
    return [...(this.subsByRoom.get(rid) ?? [])];
  }

  /** Rooms a user is subscribed to, in subscription order. */
  roomsOf(userId: string): StoredRoom[] {
    const out: StoredRoom[] = [];
    for (const rid of this.roomsByUser.get(userId) ?? []) {
      const room = this.roomsById.get(rid);
      if (room) out.push(room);
    }
    return out;
  }

  /** Registers a fixture token for a user (valid from the start of every session). */
  addToken(token: string, userId: string): void {
    this.tokens.set(token, userId);
  }

  /**
   * Registers a token minted by login. At most MAX_MINTED_TOKENS stay valid per session; past
   * that the oldest minted one is dropped (fixture tokens never are), so a client logging in in a
   * loop cannot grow the session without bound.
   */
  mintToken(token: string, userId: string): void {
    this.tokens.set(token, userId);
    this.minted.add(token);
    if (this.minted.size > MAX_MINTED_TOKENS) {
      const [oldest] = this.minted;
      if (oldest !== undefined) this.removeToken(oldest);
    }
  }

  /** Makes exactly these tokens valid (imported state); they count as fixture tokens. */
  replaceTokens(tokens: readonly { token: string; userId: string }[]): void {
    this.tokens.clear();
    this.minted.clear();
    for (const { token, userId } of tokens) this.tokens.set(token, userId);
  }

  /** Every valid token with its user, in the order they were registered (state export). */
  tokenEntries(): { token: string; userId: string }[] {
    return [...this.tokens].map(([token, userId]) => ({ token, userId }));
  }

  /** Every room, in insertion order (state export). */
  allRooms(): StoredRoom[] {
    return [...this.roomsById.values()];
  }

  /** The `_id` of the user a token belongs to, if it is valid in this session. */
  tokenOwner(token: string): string | undefined {
    return this.tokens.get(token);
  }

  /** Invalidates a token (logout). */
  removeToken(token: string): void {
    this.tokens.delete(token);
    this.minted.delete(token);
  }
}
