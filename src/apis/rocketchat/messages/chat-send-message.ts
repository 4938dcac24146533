import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { messageErrors } from './message-errors.ts';
import { messageFor } from './message-view.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { SEND_MESSAGE_BODY } from './request-schemas.ts';
import { executeSendMessage } from './send-message.ts';
import { isSystemType } from './system-types.ts';

/**
 * POST /api/v1/chat.sendMessage (CH8 @412cd3e8): the typed route's schema → a system `t` is
 * refused → executeSendMessage (send-message.ts) → the stored message, normalised for the caller.
 */
export const chatSendMessage: OperationHandler<operations, 'chatSendMessage', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(SEND_MESSAGE_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const message = recordOf(own(checked.value, 'message'));
  if (isSystemType(message.t)) return { status: 400, body: messageErrors.systemMessage() };
  const previewUrls = own(checked.value, 'previewUrls');
  const sent = executeSendMessage(ctx.store, ctx.deps, caller, message, Array.isArray(previewUrls) ? (previewUrls as string[]) : undefined);
  if (!sent.ok) return { status: 400, body: sent.error };
  return { status: 200, body: { message: messageFor(ctx.store, sent.value, caller._id), success: true } };
};
