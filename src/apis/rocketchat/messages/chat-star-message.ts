import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { messageErrors } from './message-errors.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { MESSAGE_ID_BODY } from './request-schemas.ts';
import { starMessage } from './star-message.ts';

/** POST /api/v1/chat.starMessage (CH8 @412cd3e8): schema → the message exists → starMessage (star-message.ts). */
export const chatStarMessage: OperationHandler<operations, 'chatStarMessage', RocketChatContext> = (input, ctx) => {
  const checked = checkParams(MESSAGE_ID_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const message = ctx.store.messages.message(String(recordOf(checked.value).messageId));
  if (!message) return { status: 400, body: messageErrors.messageNotFound() };
  const starred = starMessage(ctx.store, ctx.deps, callerOf(ctx).user, message);
  return starred.ok ? { status: 200, body: { success: true } } : { status: 400, body: starred.error };
};
