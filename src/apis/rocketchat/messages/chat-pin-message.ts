import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { messageErrors } from './message-errors.ts';
import { messageFor } from './message-view.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { pinMessage } from './pin-message.ts';
import { MESSAGE_ID_BODY } from './request-schemas.ts';

/**
 * POST /api/v1/chat.pinMessage (CH8 @412cd3e8): schema → the message exists → pinMessage
 * (pin-message.ts) → the `message_pinned` system message (or the message, already pinned),
 * normalised for the caller.
 */
export const chatPinMessage: OperationHandler<operations, 'chatPinMessage', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(MESSAGE_ID_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const message = ctx.store.messages.message(String(recordOf(checked.value).messageId));
  if (!message) return { status: 400, body: messageErrors.messageNotFound() };
  const pinned = pinMessage(ctx.store, ctx.deps, caller, message);
  if (!pinned.ok) return { status: 400, body: pinned.error };
  return { status: 200, body: { message: messageFor(ctx.store, pinned.value, caller._id), success: true } };
};
