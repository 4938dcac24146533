import { estimateBytes } from '../../../core/byte-budget.ts';
import type { RoomOwner, StoredRoom, StoredUser, Subscription } from '../model.ts';
import type { Charges } from './charges.ts';

/** Default cap on rooms per session (a count cap beside the byte budget). */
export const DEFAULT_MAX_ROOMS = 100_000;

// Fixed heap costs charged to the session's byte budget (bench/memory.ts measures ~600 B of heap
// per room with its creator's subscription): index entries, the room object's own slots.
/** A room's fixed part; its strings, customFields and extraData are estimated on top. */
const ROOM_BYTES = 400;
/** One subscription: the object with its counters, its place in the room's list and the user's set. */
export const SUBSCRIPTION_BYTES = 260;

/** Bytes a room holds against the budget: its fixed part and what the client chose to store in it. */
export function roomBytes(room: StoredRoom): number {
  return ROOM_BYTES + estimateBytes([room._id, room.name, room.fname, room.customFields ?? null, room.extra]);
}

/** The fields of a new subscription other than who and where. */
export interface SubscriptionInit {
  readonly roles: readonly string[];
  readonly ts: string;
  readonly _id: string;
  /** addUserToRoom opens the room with an alert and one unread; the creator's is opened quietly. */
  readonly open?: boolean;
  readonly alert?: boolean;
  readonly unread?: number;
  readonly userMentions?: number;
}

/**
 * Rooms and subscriptions of one session: rooms by id and by exact name, subscriptions per room
 * (in subscription order) and the rooms of each user. Every write is charged to the budget.
 */
export class RoomsStore {
  private readonly byId = new Map<string, StoredRoom>();
  private readonly byName = new Map<string, StoredRoom>();
  /** Display names, for the duplicate check when names are slugs (special characters allowed). */
  private readonly byFname = new Map<string, StoredRoom>();
  // Subscriptions per room in subscription order. An array, not a Map: rooms hold a handful of
  // members, and a Map per room costs ~150 B more (bench/memory.ts).
  private readonly subsByRoom = new Map<string, Subscription[]>();
  private readonly roomsByUser = new Map<string, Set<string>>();
  /** One `u` object per creator, shared by all their rooms (memory: ~1M rooms per twin). */
  private readonly owners = new Map<string, RoomOwner>();
  /** One frozen roles array per distinct role list, shared by subscriptions. */
  private readonly roleLists = new Map<string, readonly string[]>();

  constructor(
    private readonly charges: Charges,
    readonly maxRooms: number = DEFAULT_MAX_ROOMS,
  ) {}

  /** The `u` of rooms a user creates (§3.1: `{_id, username, name}`), one shared object per user. */
  ownerOf(user: StoredUser): RoomOwner {
    let owner = this.owners.get(user._id);
    if (owner?.username !== user.username || owner.name !== user.name) {
      owner = Object.freeze({ _id: user._id, username: user.username, name: user.name });
      this.owners.set(user._id, owner);
    }
    return owner;
  }

  room(id: string): StoredRoom | undefined {
    return this.byId.get(id);
  }

  /** Exact, case-sensitive match on `name` (Rooms.findOneByName, §2.2 item 12). */
  roomByName(name: string): StoredRoom | undefined {
    return this.byName.get(name);
  }

  /** A room whose display name is exactly `fname`. */
  roomByFname(fname: string): StoredRoom | undefined {
    return this.byFname.get(fname);
  }

  get count(): number {
    return this.byId.size;
  }

  /** True when `bytes` more would fit the session's budget. */
  fits(bytes: number): boolean {
    return this.charges.fits(bytes);
  }

  /**
   * Adds a room; its id and name must be free (callers check, so a clash is a bug). False, and
   * nothing stored, when the room and `members` subscriptions do not fit the session's budget.
   */
  insert(room: StoredRoom, members = 0): boolean {
    if (this.byId.has(room._id) || this.byName.has(room.name)) throw new Error(`room ${room._id} clashes`);
    if (!this.charges.fits(roomBytes(room) + members * SUBSCRIPTION_BYTES)) return false;
    this.charges.admit(roomBytes(room));
    this.byId.set(room._id, room);
    this.byName.set(room.name, room);
    this.byFname.set(room.fname, room);
    this.subsByRoom.set(room._id, []);
    return true;
  }

  /**
   * Applies `change` to a room (rename, settings), re-indexing its name and charging the growth.
   * False, and nothing changed, when the larger room does not fit; a taken name is the caller's check.
   */
  update(room: StoredRoom, change: (room: StoredRoom) => void): boolean {
    const before = roomBytes(room);
    const copy: StoredRoom = { ...room };
    change(copy);
    const growth = roomBytes(copy) - before;
    if (growth > 0 && !this.charges.admit(growth)) return false;
    if (growth < 0) this.charges.release(-growth);
    if (copy.name !== room.name) {
      this.byName.delete(room.name);
      this.byName.set(copy.name, room);
    }
    if (copy.fname !== room.fname) {
      if (this.byFname.get(room.fname) === room) this.byFname.delete(room.fname);
      this.byFname.set(copy.fname, room);
    }
    Object.assign(room, copy);
    return true;
  }

  /** Removes a room and every subscription to it, which frees its name (§4, eraseRoom). */
  delete(rid: string): void {
    const room = this.byId.get(rid);
    if (!room) return;
    const subs = this.subsByRoom.get(rid) ?? [];
    this.charges.release(roomBytes(room) + subs.length * SUBSCRIPTION_BYTES);
    for (const sub of subs) this.roomsByUser.get(sub.userId)?.delete(rid);
    this.subsByRoom.delete(rid);
    this.byName.delete(room.name);
    if (this.byFname.get(room.fname) === room) this.byFname.delete(room.fname);
    this.byId.delete(rid);
  }

  subscription(rid: string, userId: string): Subscription | undefined {
    if (this.roomsByUser.get(userId)?.has(rid) !== true) return undefined;
    return this.subsByRoom.get(rid)?.find((sub) => sub.userId === userId);
  }

  /** The room roles of a user in a room (none without a subscription). */
  rolesIn(rid: string, userId: string): readonly string[] {
    return this.subscription(rid, userId)?.roles ?? [];
  }

  /**
   * Subscribes a user and counts them in `usersCount`. Returns undefined when already subscribed.
   * Callers check `fits(n * SUBSCRIPTION_BYTES)` for the whole batch first (a room's creation
   * does so in insert), so a batch is never stored in part.
   */
  subscribe(rid: string, userId: string, init: SubscriptionInit): Subscription | undefined {
    const subs = this.subsByRoom.get(rid);
    const room = this.byId.get(rid);
    if (!subs || !room) throw new Error(`subscribe to unknown room ${rid}`);
    // Membership through the user's set: O(1), so inviting n users into one room stays linear.
    if (this.roomsByUser.get(userId)?.has(rid) === true) return undefined;
    this.charges.force(SUBSCRIPTION_BYTES);
    const sub: Subscription = {
      _id: init._id,
      rid,
      userId,
      roles: this.sharedRoles(init.roles),
      ts: init.ts,
      open: init.open ?? true,
      alert: init.alert ?? false,
      unread: init.unread ?? 0,
      userMentions: init.userMentions ?? 0,
      groupMentions: 0,
      ls: undefined,
      _updatedAt: init.ts,
    };
    // Small rooms get a new exact-size array (`push` onto [] reserves 17 slots, ~150 B, for rooms
    // that hold two); large ones grow in place, so a big invite does not copy the list each time.
    if (subs.length < 16) this.subsByRoom.set(rid, subs.concat(sub));
    else subs.push(sub);
    let rooms = this.roomsByUser.get(userId);
    if (!rooms) this.roomsByUser.set(userId, (rooms = new Set()));
    rooms.add(rid);
    room.usersCount += 1;
    return sub;
  }

  /** Removes a user's subscription (kick, leave, users.delete); `usersCount` goes down. */
  unsubscribe(rid: string, userId: string): boolean {
    const subs = this.subsByRoom.get(rid);
    const room = this.byId.get(rid);
    if (!subs || !room || this.roomsByUser.get(userId)?.has(rid) !== true) return false;
    this.subsByRoom.set(rid, subs.filter((sub) => sub.userId !== userId));
    this.roomsByUser.get(userId)?.delete(rid);
    room.usersCount -= 1;
    this.charges.release(SUBSCRIPTION_BYTES);
    return true;
  }

  /** Replaces a subscription's room roles (add/remove owner, moderator, leader). */
  setRoles(sub: Subscription, roles: readonly string[]): void {
    sub.roles = this.sharedRoles(roles);
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
      const room = this.byId.get(rid);
      if (room) out.push(room);
    }
    return out;
  }

  /** Every room, in insertion order (state export, groups.listAll). */
  all(): StoredRoom[] {
    return [...this.byId.values()];
  }

  // --- room settings ---

  // --- membership and roles ---

  /**
   * Subscriptions whose document keeps a `roles` field although it is empty: `$addToSet` creates
   * the field and `$pull` leaves `[]` behind, while members added without a role have none. The
   * role-removal methods tell the two apart (research notes issue 11 §5.3).
   */
  private readonly rolesFieldKept = new WeakSet<Subscription>();

  /** Writes a subscription's room roles as the vendor's role methods do (the field stays), at `at`. */
  writeRoles(sub: Subscription, roles: readonly string[], at: string): void {
    this.setRoles(sub, roles);
    sub._updatedAt = at;
    this.rolesFieldKept.add(sub);
  }

  /** False when the vendor's subscription document would have no `roles` field at all. */
  hasRolesField(sub: Subscription): boolean {
    return sub.roles.length > 0 || this.rolesFieldKept.has(sub);
  }

  // --- messages ---

  // --- teams ---

}
