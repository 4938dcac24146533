import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { messageErrors } from './message-errors.ts';
import { messageFor } from './message-view.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { POST_MESSAGE_BODY } from './request-schemas.ts';
import { processWebhookMessage, type WebhookBody } from './webhook-message.ts';

/** A string body field after the schema (null and absent read as undefined). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The body as processWebhookMessage reads it: `channel || roomId`, one target or several. */
function webhookBody(body: Readonly<Record<string, unknown>>): WebhookBody {
  const target = body.channel || body.roomId || '';
  const attachments = body.attachments;
  return {
    targets: (Array.isArray(target) ? target : [target]).map(String),
    text: text(body.text),
    alias: text(body.alias),
    emoji: text(body.emoji),
    avatar: text(body.avatar),
    attachments: Array.isArray(attachments) ? (attachments as unknown[]) : undefined,
    tmid: text(body.tmid),
    customFields: body.customFields,
  };
}

/**
 * POST /api/v1/chat.postMessage (CH8 @412cd3e8): the typed route's schema → `text` and each
 * attachment's `text` within `Message_MaxAllowedSize` → processWebhookMessage → the first target's
 * message with `ts` (the server's clock, ms) and `channel` as sent.
 */
export const chatPostMessage: OperationHandler<operations, 'chatPostMessage', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(POST_MESSAGE_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const body = webhookBody(recordOf(checked.value));
  const max = ctx.store.settings.number('Message_MaxAllowedSize');
  const tooLong = (value: unknown): boolean => (typeof value === 'string' || Array.isArray(value)) && value.length > 0 && value.length > max;
  if (tooLong(body.text) || (body.attachments ?? []).some((attachment) => tooLong(own(attachment, 'text')))) {
    return { status: 400, body: messageErrors.postSizeExceeded() };
  }
  const sent = processWebhookMessage(ctx.store, ctx.deps, caller, body);
  if (!sent.ok) return { status: 400, body: sent.error };
  const [first] = sent.value;
  // An empty list of targets sends nothing: `failure('unknown-error')` (CH8).
  if (!first) return { status: 400, body: messageErrors.unknownError() };
  return {
    status: 200,
    body: { ts: ctx.deps.now().getTime(), channel: first.channel, message: messageFor(ctx.store, first.message, caller._id), success: true },
  };
};
