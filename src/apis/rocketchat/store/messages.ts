import { estimateBytes } from '../../../core/byte-budget.ts';
import type { Charges } from './charges.ts';

/** The author of a message: `u` (system messages of addUserToRoom carry no `name`). */
export interface MessageAuthor {
  readonly _id: string;
  readonly username: string;
  readonly name?: string;
}

/**
 * A message document (research notes issue 11 §A). `t` marks a system message (`au`, `ru`, `r`,
 * `room_changed_topic`, …); user messages have none. Everything else the vendor stores on a
 * message (groupable, role, attachments, pinned, starred, reactions, mentions, …) lives in
 * `extra`, in the order it was set, and is shown as is.
 */
export interface StoredMessage {
  readonly _id: string;
  readonly rid: string;
  msg: string;
  readonly ts: string;
  readonly u: MessageAuthor;
  _updatedAt: string;
  readonly t: string | undefined;
  extra: Record<string, unknown>;
}

/** A message's fixed part: the object and its index entries. */
const MESSAGE_BYTES = 300;

/** Bytes a message holds against the session budget. */
export function messageBytes(message: StoredMessage): number {
  return MESSAGE_BYTES + estimateBytes([message._id, message.msg, message.extra]);
}

/** The messages of one session, by id and per room in insertion (= `ts`) order. */
export class MessagesStore {
  private readonly byId = new Map<string, StoredMessage>();
  private readonly byRoom = new Map<string, StoredMessage[]>();

  constructor(private readonly charges: Charges) {}

  /** Stores a message; false when it does not fit the session's budget. */
  insert(message: StoredMessage): boolean {
    if (!this.charges.admit(messageBytes(message))) return false;
    this.byId.set(message._id, message);
    let list = this.byRoom.get(message.rid);
    if (!list) this.byRoom.set(message.rid, (list = []));
    list.push(message);
    return true;
  }

  message(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  /**
   * Applies `change` to a message (pin, star, react, edit), charging its growth. False, and
   * nothing changed, when the larger message does not fit.
   */
  update(message: StoredMessage, change: (message: StoredMessage) => void): boolean {
    const before = messageBytes(message);
    const copy: StoredMessage = { ...message, extra: { ...message.extra } };
    change(copy);
    const growth = messageBytes(copy) - before;
    if (growth > 0 && !this.charges.admit(growth)) return false;
    if (growth < 0) this.charges.release(-growth);
    Object.assign(message, copy);
    return true;
  }

  /** A room's messages, oldest first (a copy: callers filter and sort it). */
  ofRoom(rid: string): StoredMessage[] {
    return [...(this.byRoom.get(rid) ?? [])];
  }

  /** Removes one message (chat.delete without history). */
  remove(id: string): void {
    const message = this.byId.get(id);
    if (!message) return;
    this.byId.delete(id);
    const list = this.byRoom.get(message.rid);
    if (list) this.byRoom.set(message.rid, list.filter((m) => m._id !== id));
    this.charges.release(messageBytes(message));
  }

  /** Removes every message of a room (the room was deleted). */
  removeRoom(rid: string): void {
    for (const message of this.byRoom.get(rid) ?? []) {
      this.byId.delete(message._id);
      this.charges.release(messageBytes(message));
    }
    this.byRoom.delete(rid);
  }

  // --- room settings ---

  // --- membership and roles ---

  // --- messages ---

  /**
   * Swaps a stored message for `next` (same `_id` and room, same place in the room's list), e.g. a
   * message chat.delete turns into an `rm` message. False, and nothing changed, when it does not fit.
   */
  replace(next: StoredMessage): boolean {
    const current = this.byId.get(next._id);
    if (current?.rid !== next.rid) return false;
    const growth = messageBytes(next) - messageBytes(current);
    if (growth > 0 && !this.charges.admit(growth)) return false;
    if (growth < 0) this.charges.release(-growth);
    this.byId.set(next._id, next);
    const list = this.byRoom.get(next.rid);
    if (list) this.byRoom.set(next.rid, list.map((m) => (m._id === next._id ? next : m)));
    return true;
  }

  /** An integration's fixed part: its map entry and the object. */
  private static readonly INTEGRATION_BYTES = 200;

  /** Integrations (integrations.create), in creation order; not tied to a room's lifetime. */
  private readonly integrationDocs = new Map<string, Readonly<Record<string, unknown>>>();

  /** Stores an integration document; false when it does not fit the session's budget. */
  insertIntegration(id: string, doc: Readonly<Record<string, unknown>>): boolean {
    if (!this.charges.admit(MessagesStore.INTEGRATION_BYTES + estimateBytes(doc))) return false;
    this.integrationDocs.set(id, doc);
    return true;
  }

  /** Every integration, oldest first. */
  integrations(): Readonly<Record<string, unknown>>[] {
    return [...this.integrationDocs.values()];
  }

  // --- teams ---

  /** Removes every message `userId` wrote (users.delete with `Message_ErasureType` `Delete`); room counters stay. */
  removeByAuthor(userId: string): void {
    for (const [rid, list] of this.byRoom) {
      const kept = list.filter((message) => message.u._id !== userId);
      if (kept.length === list.length) continue;
      for (const message of list) {
        if (message.u._id !== userId) continue;
        this.byId.delete(message._id);
        this.charges.release(messageBytes(message));
      }
      this.byRoom.set(rid, kept);
    }
  }
}
