import type { Deps } from '../../../core/types.ts';
import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { composeAndStore } from './compose-message.ts';
import { messageErrors } from './message-errors.ts';
import { canSendMessage } from './room-access.ts';

/**
 * `executeSendMessage(user, message, {previewUrls})` (ESM; research notes issue 11 §6.1), after
 * the route's schema and system-type checks, in the vendor's order: `tshow` needs `tmid` →
 * threads enabled → `ts` within 60 s (older than 10 s: replaced by now) → `Message_MaxAllowedSize`
 * → the thread root gives `rid` → `rid` present → canSendMessage → the E2E rule → sendMessage.
 * Modelled: a `ts` that is not a date counts as absent.
 */
export function executeSendMessage(
  store: RocketChatStore,
  deps: Deps,
  user: StoredUser,
  message: Readonly<Record<string, unknown>>,
  previewUrls: readonly string[] | undefined,
): Result<StoredMessage> {
  const tmid = typeof message.tmid === 'string' ? message.tmid : undefined;
  if (message.tshow === true && !tmid) return err(messageErrors.tshowWithoutTmid());
  if (tmid && !store.settings.boolean('Threads_enabled')) return err(messageErrors.threadsDisabled());
  const now = deps.now();
  let ts = now.toISOString();
  const given = own(message, 'ts');
  if (given !== undefined && given !== null && given !== '' && given !== 0 && given !== false) {
    const parsed = typeof given === 'string' || typeof given === 'number' ? new Date(given) : new Date(Number.NaN);
    const diff = Math.abs(parsed.getTime() - now.getTime());
    if (diff > 60_000) return err(messageErrors.tsOutOfSync(given, now.getTime()));
    if (diff <= 10_000) ts = parsed.toISOString();
  }
  const msg = typeof message.msg === 'string' ? message.msg : '';
  if (msg.length > store.settings.number('Message_MaxAllowedSize')) return err(messageErrors.sizeExceeded());
  let rid = typeof message.rid === 'string' ? message.rid : undefined;
  let root = tmid;
  if (tmid) {
    // No nested threads: a reply to a reply belongs to the root; the parent's room wins.
    const parent = store.messages.message(tmid);
    const parentRoot = parent?.extra.tmid;
    root = typeof parentRoot === 'string' && parentRoot !== '' ? parentRoot : tmid;
    if (parent) rid = parent.rid;
  }
  if (!rid) return err(messageErrors.ridMissing());
  const room = store.rooms.room(rid);
  if (!room) return err(messageErrors.invalidRoom());
  const allowed = canSendMessage(store, room, user);
  if (!allowed.ok) return allowed;
  const t = typeof message.t === 'string' ? message.t : undefined;
  if (room.extra.get('encrypted') === true && store.settings.boolean('E2E_Enable') && !store.settings.boolean('E2E_Allow_Unencrypted_Messages') && t !== 'e2e') {
    return err(messageErrors.unencrypted());
  }
  const id = typeof message._id === 'string' && message._id !== '' ? message._id : undefined;
  const fields = root === tmid ? message : { ...message, tmid: root };
  return composeAndStore(store, deps, room, user, { fields, id, t, msg, ts, previewUrls });
}
