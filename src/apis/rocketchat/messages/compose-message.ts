import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredRoom, StoredUser } from '../model.ts';
import { meteorId } from '../random-id.ts';
import { err, ok, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { messageErrors } from './message-errors.ts';
import { validateMessageFields } from './message-fields.ts';
import { parseMessage } from './message-parse.ts';
import { storeUserMessage } from './store-user-message.ts';

/**
 * `sendMessage(user, message, room)` (SMF @ff1c3912), shared by chat.sendMessage and
 * chat.postMessage once the room may be written to: field checks → `prepareMessageObject` (`ts`,
 * `u`, `rid`, `msg` a string, `tshow` only when true) → read receipts → `parseUrlsInMessage` and
 * `beforeSave` (mentions, channels, md) → insert (an existing `_id` is not inserted again) →
 * afterSaveMessage (store-user-message.ts).
 */

/**
 * Keys the twin computes or owns; a client's values for them are not stored (modelled: the
 * vendor's beforeSave recomputes most of them; the rest would let a client forge state).
 */
const COMPUTED_KEYS: ReadonlySet<string> = new Set([
  '_id', 'rid', 'msg', 'ts', 'u', 't', '_updatedAt', '_hidden', 'mentions', 'channels', 'md', 'urls', 'unread', 'groupable',
  'role', 'pinned', 'pinnedAt', 'pinnedBy', 'starred', 'reactions', 'editedAt', 'editedBy', 'tcount', 'tlm', 'replies', 'tshow',
]);

/** The keys every message has outside `extra`. */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['_id', 'rid', 'msg', 'ts', 'u', 't', '_updatedAt']);

/** What the caller chose: the message's own keys (after the schema) and the composed values. */
export interface MessageDraft {
  /** The message object (schema-coerced), for the field checks and extra keys. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** True when the twin built `fields` (processWebhookMessage): they are all kept. */
  readonly trusted?: boolean;
  readonly id: string | undefined;
  readonly t: string | undefined;
  readonly msg: string;
  readonly ts: string;
  readonly previewUrls: readonly string[] | undefined;
}

/** Checks, builds and stores a user message; the stored message or the vendor's 400 body. */
export function composeAndStore(store: RocketChatStore, deps: Deps, room: StoredRoom, user: StoredUser, draft: MessageDraft): Result<StoredMessage> {
  const checked = validateMessageFields(store, draft.fields, room, user);
  if (!checked.ok) return checked;
  const extra: Record<string, unknown> = {};
  const skipped = draft.trusted === true ? DOCUMENT_KEYS : COMPUTED_KEYS;
  for (const [key, value] of Object.entries(draft.fields)) {
    if (!skipped.has(key) && value !== undefined) extra[key] = value;
  }
  if (draft.fields.tshow === true) extra.tshow = true;
  if (store.settings.boolean('Message_Read_Receipt_Enabled')) extra.unread = true;
  if (draft.t !== 'e2e') {
    const parsed = parseMessage(store, user, draft.msg, draft.previewUrls);
    if (parsed.urls) extra.urls = parsed.urls;
    extra.mentions = parsed.mentions;
    extra.channels = parsed.channels;
    if (draft.msg !== '') extra.md = parsed.md;
  } else {
    extra.mentions = [];
    extra.channels = [];
  }
  if (draft.id !== undefined && store.messages.message(draft.id)) return err(messageErrors.duplicateId());
  const now = deps.now().toISOString();
  const message: StoredMessage = {
    _id: draft.id ?? meteorId(deps.random),
    rid: room._id,
    msg: draft.msg,
    ts: draft.ts,
    u: { _id: user._id, username: user.username, name: user.name },
    _updatedAt: now,
    t: draft.t,
    extra,
  };
  if (!storeUserMessage(store, room, message, now)) return err(rcErrors.sessionFull(store.byteLimit));
  return ok(message);
}
