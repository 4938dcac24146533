import { estimateBytes } from '../../../core/byte-budget.ts';
import type { StoredUser } from '../model.ts';
import type { Charges } from './charges.ts';

/** A user's fixed part: the object, its role list, preferences map and three index entries. */
const USER_BYTES = 600;

/** Bytes a user holds against the session budget. */
export function userBytes(user: StoredUser): number {
  return USER_BYTES + estimateBytes([user._id, user.username, user.name, user.emails, user.password ?? null, user.preferences, user.customFields ?? null, user.bio ?? null, user.nickname ?? null]);
}

/**
 * The users of one session, by id, by username (exact and case-insensitive, as
 * `findOneByUsernameIgnoringCase`) and by e-mail address (case-insensitive, as Meteor's
 * `findUserByEmail`).
 */
export class UsersStore {
  private readonly byId = new Map<string, StoredUser>();
  private readonly byName = new Map<string, StoredUser>();
  private readonly byLowerName = new Map<string, StoredUser>();
  private readonly byEmail = new Map<string, StoredUser>();

  constructor(private readonly charges: Charges) {}

  /** Adds a user (id, username and e-mails free: callers check). False when the budget is full. */
  add(user: StoredUser): boolean {
    if (!this.charges.admit(userBytes(user))) return false;
    this.index(user);
    return true;
  }

  /** Removes a user and gives its bytes back. */
  remove(id: string): StoredUser | undefined {
    const user = this.byId.get(id);
    if (!user) return undefined;
    this.unindex(user);
    this.charges.release(userBytes(user));
    return user;
  }

  /**
   * Applies `change` to a user, re-indexing its names and charging the difference in size.
   * False, and nothing changed, when the larger user does not fit the budget.
   */
  update(user: StoredUser, change: (user: StoredUser) => void): boolean {
    const before = userBytes(user);
    const copy: StoredUser = { ...user, emails: user.emails.map((e) => ({ ...e })), roles: [...user.roles], preferences: { ...user.preferences } };
    change(copy);
    const growth = userBytes(copy) - before;
    if (growth > 0 && !this.charges.admit(growth)) return false;
    if (growth < 0) this.charges.release(-growth);
    this.unindex(user);
    Object.assign(user, copy);
    this.index(user);
    return true;
  }

  byUserId(id: string): StoredUser | undefined {
    return this.byId.get(id);
  }

  /** Exact username. */
  byUsername(username: string): StoredUser | undefined {
    return this.byName.get(username);
  }

  /** Username ignoring case (`findOneByUsernameIgnoringCase`). */
  byUsernameIgnoringCase(username: string): StoredUser | undefined {
    return this.byLowerName.get(username.toLowerCase());
  }

  /** E-mail address ignoring case. */
  byEmailAddress(address: string): StoredUser | undefined {
    return this.byEmail.get(address.toLowerCase());
  }

  /** Every user, in insertion order (state export, listings). */
  all(): StoredUser[] {
    return [...this.byId.values()];
  }

  private index(user: StoredUser): void {
    this.byId.set(user._id, user);
    this.byName.set(user.username, user);
    this.byLowerName.set(user.username.toLowerCase(), user);
    for (const email of user.emails) this.byEmail.set(email.address.toLowerCase(), user);
  }

  private unindex(user: StoredUser): void {
    this.byId.delete(user._id);
    if (this.byName.get(user.username) === user) this.byName.delete(user.username);
    if (this.byLowerName.get(user.username.toLowerCase()) === user) this.byLowerName.delete(user.username.toLowerCase());
    for (const email of user.emails) if (this.byEmail.get(email.address.toLowerCase()) === user) this.byEmail.delete(email.address.toLowerCase());
  }

  // --- room settings ---

  // --- membership and roles ---

  // --- messages ---

  // --- teams ---

}
