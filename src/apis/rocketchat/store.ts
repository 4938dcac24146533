import { estimateBytes, unboundedMeter, type Meter } from '../../core/byte-budget.ts';
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

// Fixed heap costs charged to the session's byte budget (bench/memory.ts measures ~600 B of heap
// per room with its creator's subscription): index entries, the room object's own slots.
/** A room's fixed part; its strings, customFields and extraData are estimated on top. */
const ROOM_BYTES = 400;
/** One subscription: the object, its place in the room's list and in the user's set. */
export const SUBSCRIPTION_BYTES = 160;
/** A user's fixed part: the object, its role list and permission set, two index entries. */
const USER_BYTES = 400;
/** One login token: 43 characters, its map entry and its place in the minted set. */
const TOKEN_BYTES = 200;

/** Bytes a room holds against the budget: its fixed part and what the client chose to store in it. */
function roomBytes(room: StoredRoom): number {
  return ROOM_BYTES + estimateBytes([room._id, room.name, room.fname, room.customFields ?? null, room.extra]);
}

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

  /** While true (seeding from fixtures), charges are made even past the budget. */
  private seeding = true;

  constructor(
    limits: StoreLimits = { maxRooms: DEFAULT_MAX_ROOMS },
    private readonly meter: Meter = unboundedMeter(),
  ) {
    this.maxRooms = limits.maxRooms;
  }

  /** Ends seeding: from now on, every write must fit the session's byte budget. */
  sealSeed(): void {
    this.seeding = false;
  }

  /** The session's byte budget (for the error that says it is full). */
  get byteLimit(): number {
    return this.meter.limit;
  }

  /** True when `bytes` more would still fit the budget. */
  fits(bytes: number): boolean {
    return this.seeding || this.meter.fits(bytes);
  }

  private admit(bytes: number): boolean {
    if (this.seeding) {
      this.meter.charge(bytes);
      return true;
    }
    return this.meter.tryCharge(bytes);
  }

  /** Adds a user; usernames are unique (fixtures.ts checks). False when the budget is full. */
  addUser(user: StoredUser): boolean {
    if (!this.admit(USER_BYTES + estimateBytes([user._id, user.username, user.name, user.email ?? null, user.password ?? null]))) return false;
    this.users.set(user._id, user);
    this.usersByName.set(user.username, user);
    return true;
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

  /**
   * Adds a room; its id and name must be free (callers check, so a clash is a bug). False, and
   * nothing stored, when the room and `members` subscriptions do not fit the session's budget.
   */
  insertRoom(room: StoredRoom, members = 0): boolean {
    if (this.roomsById.has(room._id) || this.roomsByName.has(room.name)) throw new Error(`room ${room._id} clashes`);
    if (!this.admit(roomBytes(room))) return false;
    if (!this.fits(members * SUBSCRIPTION_BYTES)) {
      this.meter.release(roomBytes(room));
      return false;
    }
    this.roomsById.set(room._id, room);
    this.roomsByName.set(room.name, room);
    this.subsByRoom.set(room._id, []);
    return true;
  }

  /** Removes a room and every subscription to it, which frees its name (§4, eraseRoom). */
  deleteRoom(rid: string): void {
    const room = this.roomsById.get(rid);
    if (!room) return;
    const subs = this.subsByRoom.get(rid) ?? [];
    this.meter.release(roomBytes(room) + subs.length * SUBSCRIPTION_BYTES);
    for (const sub of subs) this.roomsByUser.get(sub.userId)?.delete(rid);
    this.subsByRoom.delete(rid);
    this.roomsByName.delete(room.name);
    this.roomsById.delete(rid);
  }

  subscription(rid: string, userId: string): Subscription | undefined {
    if (this.roomsByUser.get(userId)?.has(rid) !== true) return undefined;
    return this.subsByRoom.get(rid)?.find((sub) => sub.userId === userId);
  }

  /**
   * Subscribes a user and counts them in `usersCount`. Returns false when already subscribed.
   * Callers check `fits(n * SUBSCRIPTION_BYTES)` for the whole batch first (a room's creation
   * does so in insertRoom), so a batch is never stored in part.
   */
  subscribe(rid: string, userId: string, roles: readonly string[]): boolean {
    const subs = this.subsByRoom.get(rid);
    const room = this.roomsById.get(rid);
    if (!subs || !room) throw new Error(`subscribe to unknown room ${rid}`);
    // Membership through the user's set: O(1), so inviting n users into one room stays linear.
    if (this.roomsByUser.get(userId)?.has(rid) === true) return false;
    this.meter.charge(SUBSCRIPTION_BYTES);
    const sub: Subscription = { rid, userId, roles: this.sharedRoles(roles) };
    // Small rooms get a new exact-size array (`push` onto [] reserves 17 slots, ~150 B, for rooms
    // that hold two); large ones grow in place, so a big invite does not copy the list each time.
    if (subs.length < 16) this.subsByRoom.set(rid, subs.concat(sub));
    else subs.push(sub);
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
    this.admit(TOKEN_BYTES);
  }

  /**
   * Registers a token minted by login. At most MAX_MINTED_TOKENS stay valid per session; past
   * that the oldest minted one is dropped (fixture tokens never are), so a client logging in in a
   * loop cannot grow the session without bound.
   */
  mintToken(token: string, userId: string): void {
    // A full budget makes room by forgetting the oldest minted tokens, so logging in keeps
    // working; with none left to forget the token is charged anyway (one token over, at most).
    while (!this.admit(TOKEN_BYTES)) {
      const [oldest] = this.minted;
      if (oldest === undefined) {
        this.meter.charge(TOKEN_BYTES);
        break;
      }
      this.removeToken(oldest);
    }
    this.tokens.set(token, userId);
    this.minted.add(token);
    if (this.minted.size > MAX_MINTED_TOKENS) {
      const [oldest] = this.minted;
      if (oldest !== undefined) this.removeToken(oldest);
    }
  }

  /** Makes exactly these tokens valid (imported state); they count as fixture tokens. */
  replaceTokens(tokens: readonly { token: string; userId: string }[]): void {
    this.meter.release(this.tokens.size * TOKEN_BYTES);
    this.tokens.clear();
    this.minted.clear();
    for (const { token, userId } of tokens) {
      this.tokens.set(token, userId);
      this.admit(TOKEN_BYTES);
    }
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
    if (this.tokens.delete(token)) this.meter.release(TOKEN_BYTES);
    this.minted.delete(token);
  }
}
