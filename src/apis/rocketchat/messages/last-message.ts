import type { StoredRoom } from '../model.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { messageView } from './message-view.ts';
import { isSystemMessage } from './system-types.ts';

/**
 * `room.lastMessage` and `room.lm` (Rooms model, NUM, DEL; research notes issue 11 §6): kept in
 * `room.extra`, which groupView shows as is. `lastMessage` is a snapshot of the message document;
 * pin, star and react update it when they change the room's last message (`isTheLastMessage`).
 */

/** The `_id` of the room's stored last message, if any. */
export function lastMessageId(room: StoredRoom): string | undefined {
  const last = room.extra.get('lastMessage');
  if (typeof last !== 'object' || last === null || !('_id' in last)) return undefined;
  return typeof last._id === 'string' ? last._id : undefined;
}

/** A copy of the room's extra map with `key` set to `value` (undefined removes it). */
function withExtra(room: StoredRoom, entries: readonly (readonly [string, unknown])[]): Map<string, unknown> {
  const next = new Map(room.extra);
  for (const [key, value] of entries) {
    if (value === undefined) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * `setIncMsgCountAndSetLastMessage`: `lm` = the message's `ts`, `lastMessage` = the message when
 * `Store_Last_Message` is on, `_updatedAt` = now. False when the room no longer fits the budget.
 */
export function setLastMessage(store: RocketChatStore, room: StoredRoom, message: StoredMessage, now: string): boolean {
  const entries: [string, unknown][] = [['lm', message.ts]];
  if (store.settings.boolean('Store_Last_Message')) entries.push(['lastMessage', messageView(message)]);
  return store.rooms.update(room, (r) => {
    r.extra = withExtra(room, entries);
    r._updatedAt = now;
  });
}

/** After a change to `message`: when it is the room's last message, the snapshot follows. */
export function refreshLastMessage(store: RocketChatStore, message: StoredMessage): boolean {
  const room = store.rooms.room(message.rid);
  if (!room || lastMessageId(room) !== message._id) return true;
  return store.rooms.update(room, (r) => {
    r.extra = withExtra(room, [['lastMessage', messageView(message)]]);
  });
}

/**
 * chat.delete's `resetLastMessageById(rid, getLastVisibleUserMessageSentByRoomId(rid), -1)`: the
 * newest message that is not hidden, not a system message and not a thread-only reply becomes
 * `lastMessage` (none: the key goes); `lm` stays. `msgs` goes down by one either way (DEL).
 */
export function resetLastMessage(store: RocketChatStore, room: StoredRoom): void {
  let newest: StoredMessage | undefined;
  for (const candidate of store.messages.ofRoom(room._id)) {
    if (candidate.extra._hidden === true || isSystemMessage(candidate)) continue;
    if (candidate.extra.tmid !== undefined && candidate.extra.tshow !== true) continue;
    if (!newest || Date.parse(candidate.ts) >= Date.parse(newest.ts)) newest = candidate;
  }
  // Shrinking or swapping one snapshot for a smaller-or-equal one: a failed charge leaves it as is.
  store.rooms.update(room, (r) => {
    r.extra = withExtra(room, [['lastMessage', newest ? messageView(newest) : undefined]]);
  });
}
