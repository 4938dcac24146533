import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { lastMessageId, resetLastMessage } from './last-message.ts';
import { messageErrors } from './message-errors.ts';
import { canAccessRoom, listed } from './room-access.ts';

/**
 * `canDeleteMessageAsync(user, message)` (CDM; research notes issue 11 §6.8): the room → access →
 * `force-delete-message` allows anything → `Message_AllowDeleting` → `delete-message`, or one's own
 * message with `delete-own-message` → `Message_AllowDeleting_BlockDeleteInMinutes` (unless
 * `bypass-time-limit-edit-and-delete`) → a read-only room needs `post-readonly` (a plain Error).
 */
function canDelete(store: RocketChatStore, user: StoredUser, message: StoredMessage, nowMs: number): Result<boolean> {
  const room = store.rooms.room(message.rid);
  if (!room || !canAccessRoom(store, room, user)) return ok(false);
  if (store.authz.hasPermission(user, 'force-delete-message', room._id)) return ok(true);
  if (!store.settings.boolean('Message_AllowDeleting')) return ok(false);
  const allowed =
    store.authz.hasPermission(user, 'delete-message', room._id) ||
    (user._id === message.u._id && store.authz.hasPermission(user, 'delete-own-message', room._id));
  if (!allowed) return ok(false);
  if (!store.authz.hasPermission(user, 'bypass-time-limit-edit-and-delete', room._id)) {
    const limit = store.settings.number('Message_AllowDeleting_BlockDeleteInMinutes');
    if (limit) return ok(Math.round((nowMs - Date.parse(message.ts)) / 60_000) <= limit);
  }
  if (room.ro && !store.authz.hasPermission(user, 'post-readonly', room._id) && !listed(room, 'unmuted', user.username)) {
    return err(messageErrors.deleteReadOnly());
  }
  return ok(true);
}

/**
 * `deleteMessageValidatingPermission` → `deleteMessage` (DEL): refused → `Not allowed
 * [error-action-not-allowed]`; otherwise, by the settings, the message is removed
 * (`Message_KeepHistory`: hidden; `Message_ShowDeletedStatus`: turned into an empty `rm` message
 * edited by the deleter), `msgs` − 1, and `lastMessage` is reset when it was this message (or
 * there was none). Modelled: no history copy is kept.
 */
export function deleteMessage(store: RocketChatStore, actor: StoredUser, message: StoredMessage, now: Date): Result<true> {
  const allowed = canDelete(store, actor, message, now.getTime());
  if (!allowed.ok) return allowed;
  if (!allowed.value) return err(messageErrors.deleteNotAllowed());
  const at = now.toISOString();
  const showDeleted = store.settings.boolean('Message_ShowDeletedStatus');
  if (showDeleted) {
    const rest = Object.fromEntries(Object.entries(message.extra).filter(([key]) => !['md', 'blocks', 'tshow'].includes(key)));
    const extra = { ...rest, urls: [], mentions: [], attachments: [], reactions: {}, editedAt: at, editedBy: { _id: actor._id, username: actor.username } };
    if (!store.messages.replace({ ...message, msg: '', t: 'rm', _updatedAt: at, extra })) return err(rcErrors.sessionFull(store.byteLimit));
  } else if (store.settings.boolean('Message_KeepHistory')) {
    const hidden = store.messages.update(message, (m) => {
      m.extra = { ...m.extra, _hidden: true };
      m._updatedAt = at;
    });
    if (!hidden) return err(rcErrors.sessionFull(store.byteLimit));
  } else {
    store.messages.remove(message._id);
  }
  const room = store.rooms.room(message.rid);
  if (room) {
    const last = lastMessageId(room);
    if (store.settings.boolean('Store_Last_Message') && (last === undefined || last === message._id)) resetLastMessage(store, room);
    room.msgs = Math.max(0, room.msgs - 1);
  }
  return ok(true);
}
