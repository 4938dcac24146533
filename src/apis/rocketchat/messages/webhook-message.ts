import type { Deps } from '../../../core/types.ts';
import type { StoredRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { composeAndStore } from './compose-message.ts';
import { messageErrors } from './message-errors.ts';
import { canSendMessage } from './room-access.ts';

/**
 * `processWebhookMessage(body, user)` (PWM; research notes issue 11 §6.2): every distinct target
 * of `channel || roomId`, in order, is resolved, checked and written to; the first failure stops
 * (earlier targets keep their message). Modelled: `@username` targets (direct messages) are not
 * modelled and answer `invalid-channel`; public rooms are not joined.
 */

/** The chat.postMessage body after its schema. */
export interface WebhookBody {
  readonly targets: readonly string[];
  readonly text: string | undefined;
  readonly alias: string | undefined;
  readonly emoji: string | undefined;
  readonly avatar: string | undefined;
  readonly attachments: readonly unknown[] | undefined;
  readonly tmid: string | undefined;
  readonly customFields: unknown;
}

/** One sent message and the target string it went to. */
export interface WebhookResult {
  readonly channel: string;
  readonly message: StoredMessage;
}

/** `getRoomByNameOrIdWithOptionToJoin` for the twin's rooms: `#id-or-name`, or a bare id or name. */
function resolveTarget(store: RocketChatStore, target: string): StoredRoom | undefined {
  if (target.startsWith('@')) return undefined;
  const idOrName = target.startsWith('#') ? target.slice(1) : target;
  return store.rooms.room(idOrName) ?? store.rooms.roomByName(idOrName);
}

/** The message PWM builds, with `removeEmpty` (modelled: drops undefined, null and empty lists). */
function webhookFields(body: WebhookBody): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    alias: body.alias || '',
    msg: (body.text ?? '').trim(),
    attachments: (body.attachments ?? []).map(renameAttachmentMsg),
    parseUrls: body.attachments === undefined,
    groupable: false,
    tmid: body.tmid,
    customFields: body.customFields,
  };
  if (body.avatar) fields.avatar = body.avatar;
  else if (body.emoji) fields.emoji = body.emoji;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)));
}

/** An attachment's `msg` becomes its trimmed `text` (PWM). */
function renameAttachmentMsg(attachment: unknown): unknown {
  const msg = own(attachment, 'msg');
  if (typeof attachment !== 'object' || attachment === null || !msg) return attachment;
  const rest = Object.entries(attachment).filter(([key]) => key !== 'msg');
  return Object.fromEntries([...rest, ['text', typeof msg === 'string' ? msg.trim() : msg]]);
}

/** Sends to every target; the results in order, or the first failure. */
export function processWebhookMessage(store: RocketChatStore, deps: Deps, user: StoredUser, body: WebhookBody): Result<WebhookResult[]> {
  const sent: WebhookResult[] = [];
  for (const channel of [...new Set(body.targets)]) {
    const room = resolveTarget(store, channel);
    if (!room) return err(messageErrors.invalidChannel());
    const allowed = canSendMessage(store, room, user);
    if (!allowed.ok) return allowed;
    const fields = webhookFields(body);
    const msg = typeof fields.msg === 'string' ? fields.msg : '';
    const result = composeAndStore(store, deps, room, user, { fields, trusted: true, id: undefined, t: undefined, msg, ts: deps.now().toISOString(), previewUrls: undefined });
    if (!result.ok) return result;
    sent.push({ channel, message: result.value });
  }
  return ok(sent);
}
