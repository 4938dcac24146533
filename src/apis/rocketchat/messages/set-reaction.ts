import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { isKnownEmoji, normalizeReaction } from './emoji.ts';
import { refreshLastMessage } from './last-message.ts';
import { messageErrors } from './message-errors.ts';
import { canAccessRoom, listed } from './room-access.ts';

/** `{":name:": {usernames}}` as stored. */
type Reactions = Record<string, { usernames: string[] }>;

/** A fresh copy of the message's reactions (undefined when it has none). */
function reactionsOf(message: StoredMessage): Reactions | undefined {
  const stored = message.extra.reactions;
  if (typeof stored !== 'object' || stored === null) return undefined;
  return Object.fromEntries(
    Object.entries(stored).map(([emoji, value]) => {
      const usernames = own(value, 'usernames');
      return [emoji, { usernames: Array.isArray(usernames) ? usernames.filter((name): name is string => typeof name === 'string') : [] }];
    }),
  );
}

/**
 * `executeSetReaction(userId, reaction, message, shouldReact)` and `setReaction` (REACT, newest;
 * research notes issue 11 §6.7), in the vendor's order: the emoji is known → already in the wanted
 * state: nothing to do → the room → access (`not-authorized`) → muted → read-only (unless
 * `reactWhenReadOnly`, `post-readonly` or unmuted) → add or remove the caller's username; the last
 * one out removes the emoji, and an empty map removes `reactions`. Without `shouldReact` the
 * reaction toggles. As in the vendor, `shouldReact: false` on a message without any reaction
 * adds it (its "already reacted" is undefined there, not false).
 */
export function setReaction(store: RocketChatStore, deps: Deps, user: StoredUser, message: StoredMessage, given: string, shouldReact: boolean | undefined): Result<true> {
  const reaction = normalizeReaction(given);
  if (!isKnownEmoji(reaction)) return err(messageErrors.invalidEmoji());
  const reactions = reactionsOf(message);
  const already = reactions === undefined ? undefined : (reactions[reaction]?.usernames.includes(user.username) ?? false);
  const wanted = shouldReact ?? !already;
  if (already === wanted) return ok(true);
  const room = store.rooms.room(message.rid);
  if (!room) return err(messageErrors.reactNotAllowed());
  if (!canAccessRoom(store, room, user)) return err(messageErrors.notAuthorized('setReaction'));
  if (listed(room, 'muted', user.username)) return err(messageErrors.reactMuted(room._id));
  if (room.ro && room.extra.get('reactWhenReadOnly') !== true && !store.authz.hasPermission(user, 'post-readonly', room._id) && !listed(room, 'unmuted', user.username)) {
    return err(messageErrors.readOnly());
  }
  const current = reactions ?? {};
  const usernames = already
    ? (current[reaction]?.usernames ?? []).filter((name) => name !== user.username)
    : [...(current[reaction]?.usernames ?? []), user.username];
  const next: Reactions = Object.fromEntries(Object.entries({ ...current, [reaction]: { usernames } }).filter(([, value]) => value.usernames.length > 0));
  const now = deps.now().toISOString();
  const changed = store.messages.update(message, (m) => {
    m.extra = Object.keys(next).length > 0 ? { ...m.extra, reactions: next } : Object.fromEntries(Object.entries(m.extra).filter(([key]) => key !== 'reactions'));
    m._updatedAt = now;
  });
  if (!changed || !refreshLastMessage(store, message)) return err(rcErrors.sessionFull(store.byteLimit));
  return ok(true);
}
