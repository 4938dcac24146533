import type { StoredRoom, StoredTeam, StoredUser, Subscription } from './model.ts';

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
  private readonly subsByRoom = new Map<string, Map<string, Subscription>>();
  private readonly roomsByUser = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, string>();

  constructor(limits: StoreLimits = { maxRooms: DEFAULT_MAX_ROOMS }) {
    this.maxRooms = limits.maxRooms;
  }

  /** Adds a user; usernames are unique (fixtures.ts checks). */
  addUser(user: StoredUser): void {
    this.users.set(user._id, user);
    this.usersByName.set(user.username, user);
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
    this.subsByRoom.set(room._id, new Map());
  }

  /** Removes a room and every subscription to it, which frees its name (§4, eraseRoom). */
  deleteRoom(rid: string): void {
    const room = this.roomsById.get(rid);
    if (!room) return;
    for (const userId of this.subsByRoom.get(rid)?.keys() ?? []) this.roomsByUser.get(userId)?.delete(rid);
    this.subsByRoom.delete(rid);
    this.roomsByName.delete(room.name);
    this.roomsById.delete(rid);
  }

  subscription(rid: string, userId: string): Subscription | undefined {
    return this.subsByRoom.get(rid)?.get(userId);
  }

  /** Subscribes a user and counts them in `usersCount`. Returns false when already subscribed. */
  subscribe(rid: string, userId: string, roles: readonly string[]): boolean {
    const subs = this.subsByRoom.get(rid);
    const room = this.roomsById.get(rid);
    if (!subs || !room) throw new Error(`subscribe to unknown room ${rid}`);
    if (subs.has(userId)) return false;
    subs.set(userId, { rid, userId, roles: [...roles] });
    let rooms = this.roomsByUser.get(userId);
    if (!rooms) this.roomsByUser.set(userId, (rooms = new Set()));
    rooms.add(rid);
    room.usersCount += 1;
    return true;
  }

  /** Subscriptions of a room, in the order they were made. */
  subscriptionsOf(rid: string): Subscription[] {
    return [...(this.subsByRoom.get(rid)?.values() ?? [])];
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

  /** Registers a login token for a user (fixture tokens are registered at construction). */
  addToken(token: string, userId: string): void {
    this.tokens.set(token, userId);
  }

  /** The `_id` of the user a token belongs to, if it is valid in this session. */
  tokenOwner(token: string): string | undefined {
    return this.tokens.get(token);
  }

  /** Invalidates a token (logout). */
  removeToken(token: string): void {
    this.tokens.delete(token);
  }
}
