import type { Deps } from '../../../core/types.ts';
import { estimateBytes } from '../../../core/byte-budget.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { refreshLastMessage } from './last-message.ts';
import { messageErrors } from './message-errors.ts';
import { canAccessRoom } from './room-access.ts';

/**
 * `pinMessage(message, userId)` (PIN @b99e84c5; research notes issue 11 §6.5), in the vendor's
 * order: `Message_AllowPinning` → `pin-message` in the room → the room → access → already pinned
 * (answered unchanged) → `pinned`, `pinnedAt`, `pinnedBy` on the message (and on
 * `room.lastMessage`) → a `message_pinned` system message by the pinner quoting the original:
 * `attachments: [{text, author_name, author_icon: /avatar/<username>, ts, attachments}]`.
 * Modelled: the quoted attachments are copied as they are (no quote-chain trimming).
 */
export function pinMessage(store: RocketChatStore, deps: Deps, pinner: StoredUser, original: StoredMessage): Result<StoredMessage> {
  if (!store.settings.boolean('Message_AllowPinning')) return err(messageErrors.pinningDisabled());
  if (!store.authz.hasPermission(pinner, 'pin-message', original.rid)) return err(messageErrors.notAuthorized('pinMessage'));
  const room = store.rooms.room(original.rid);
  if (!room || !canAccessRoom(store, room, pinner)) return err(messageErrors.notAuthorized('pinMessage'));
  if (original.extra.pinned === true) return ok(original);
  const quoted = Array.isArray(original.extra.attachments) ? structuredClone(original.extra.attachments as unknown[]) : [];
  const attachment = { text: original.msg, author_name: original.u.username, author_icon: `/avatar/${original.u.username}`, ts: original.ts, attachments: quoted };
  // The pin marks, the room's snapshot and the system message must all fit, or nothing changes.
  if (!store.rooms.fits(2 * estimateBytes([original.msg, quoted]) + 1200)) return err(rcErrors.sessionFull(store.byteLimit));
  const now = deps.now().toISOString();
  store.messages.update(original, (m) => {
    m.extra = { ...m.extra, pinned: true, pinnedAt: now, pinnedBy: { _id: pinner._id, username: pinner.username } };
    m._updatedAt = now;
  });
  refreshLastMessage(store, original);
  const type = original.t === 'e2e' ? 'message_pinned_e2e' : 'message_pinned';
  const author = { _id: pinner._id, username: pinner.username, name: pinner.name };
  const saved = saveSystemMessage(store, deps, type, room, '', author, { attachments: [attachment] });
  return saved ? ok(saved) : err(rcErrors.sessionFull(store.byteLimit));
}
