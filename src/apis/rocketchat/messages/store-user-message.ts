import type { StoredRoom, Subscription } from '../model.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { setLastMessage } from './last-message.ts';

/**
 * Inserting a user message and what `afterSaveMessage` → `notifyUsersOnMessage` does then (NUM
 * @9d1f9654, research notes issue 11 §6.1):
 * - `msgs` + 1 always; a thread reply not also sent to the room (`tmid` without `tshow`) stops
 *   there;
 * - otherwise `lm`, `lastMessage` and `_updatedAt` of the room, then the other members'
 *   subscriptions: mentioned users get `userMentions` + 1 (and `unread` + 1 unless `Unread_Count`
 *   is `group_mentions_only`); without user mentions, `@all`/`@here` give everyone else
 *   `groupMentions` + 1 (and `unread` + 1 unless `user_mentions_only`); with `all_messages` every
 *   other member gets `unread` + 1; every other member's room gets `alert` and `open`.
 * Thread replies skip the counters (`!message.tmid`), as in the vendor.
 */

/** The unread-counting settings (`Unread_Count`). */
type UnreadCount = 'all_messages' | 'user_mentions_only' | 'group_mentions_only' | 'user_and_group_mentions_only';

/** Stores `message` in `room`; false, with nothing stored, when the session's budget is full. */
export function storeUserMessage(store: RocketChatStore, room: StoredRoom, message: StoredMessage, now: string): boolean {
  if (!store.messages.insert(message)) return false;
  const threadOnly = message.extra.tmid !== undefined && message.extra.tshow !== true;
  if (!threadOnly && !setLastMessage(store, room, message, now)) {
    store.messages.remove(message._id);
    return false;
  }
  room.msgs += 1;
  if (threadOnly) return true;
  const others = store.rooms.subscriptionsOf(room._id).filter((sub) => sub.userId !== message.u._id);
  if (message.extra.tmid === undefined) countUnread(store, others, message, now);
  for (const sub of others) {
    sub.alert = true;
    sub.open = true;
    sub._updatedAt = now;
  }
  return true;
}

function countUnread(store: RocketChatStore, others: readonly Subscription[], message: StoredMessage, now: string): void {
  const setting = store.settings.string('Unread_Count') as UnreadCount;
  const mentions = Array.isArray(message.extra.mentions) ? (message.extra.mentions as unknown[]) : [];
  const ids = new Set<string>();
  let group = false;
  for (const mention of mentions) {
    if (typeof mention !== 'object' || mention === null || !('_id' in mention) || typeof mention._id !== 'string') continue;
    if (mention._id === 'all' || mention._id === 'here') group = true;
    else if (mention._id !== message.u._id) ids.add(mention._id);
  }
  if (ids.size > 0) {
    const unread = setting === 'group_mentions_only' ? 0 : 1;
    for (const sub of others) {
      if (!ids.has(sub.userId)) continue;
      sub.userMentions += 1;
      sub.unread += unread;
      sub._updatedAt = now;
    }
  } else if (group) {
    const unread = setting === 'user_mentions_only' ? 0 : 1;
    for (const sub of others) {
      sub.groupMentions += 1;
      sub.unread += unread;
      sub._updatedAt = now;
    }
  }
  if (!group && setting === 'all_messages') {
    for (const sub of others) {
      if (ids.has(sub.userId)) continue;
      sub.unread += 1;
      sub._updatedAt = now;
    }
  }
}
