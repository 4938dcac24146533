import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { refreshLastMessage } from './last-message.ts';
import { messageErrors } from './message-errors.ts';
import { canAccessRoom } from './room-access.ts';

/**
 * `starMessage(userId, {_id, rid, starred: true})` (STAR @bb6cd4f7; research notes issue 11 §6.6):
 * `Message_AllowStarring` → without a subscription to the room nothing happens and the route still
 * answers success → the room and access → `{_id: caller}` added once to `starred` (and to
 * `room.lastMessage.starred`). No system message; `msgs` does not change.
 */
export function starMessage(store: RocketChatStore, deps: Deps, user: StoredUser, message: StoredMessage): Result<true> {
  if (!store.settings.boolean('Message_AllowStarring')) return err(messageErrors.starringDisabled());
  if (!store.rooms.subscription(message.rid, user._id)) return ok(true);
  const room = store.rooms.room(message.rid);
  // A subscription implies room and access here; the vendor's own errors are unreachable.
  if (!room || !canAccessRoom(store, room, user)) return ok(true);
  const starred = Array.isArray(message.extra.starred) ? (message.extra.starred as unknown[]) : [];
  if (starred.some((star) => typeof star === 'object' && star !== null && '_id' in star && star._id === user._id)) return ok(true);
  const now = deps.now().toISOString();
  const changed = store.messages.update(message, (m) => {
    m.extra = { ...m.extra, starred: [...starred, { _id: user._id }] };
    m._updatedAt = now;
  });
  if (!changed || !refreshLastMessage(store, message)) return err(rcErrors.sessionFull(store.byteLimit));
  return ok(true);
}
