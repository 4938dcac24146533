import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { deleteMessage } from './delete-message.ts';
import { messageErrors } from './message-errors.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { DELETE_BODY } from './request-schemas.ts';

/**
 * POST /api/v1/chat.delete (CH8 @412cd3e8): schema → the message exists → it is in `roomId` →
 * `asUser` on someone else's message needs `force-delete-message` in the room → the acting user
 * (the author with `asUser`) exists → deleteMessageValidatingPermission (delete-message.ts) →
 * `{_id, ts: Date.now() as a string, message: {_id, rid, u}}`.
 */
export const chatDelete: OperationHandler<operations, 'chatDelete', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(DELETE_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const body = recordOf(checked.value);
  const msgId = String(body.msgId);
  const message = ctx.store.messages.message(msgId);
  if (!message) return { status: 400, body: messageErrors.noMessageFound(msgId) };
  if (body.roomId !== message.rid) return { status: 400, body: messageErrors.roomMismatch() };
  const asUser = body.asUser === true;
  if (asUser && message.u._id !== caller._id && !ctx.store.authz.hasPermission(caller, 'force-delete-message', message.rid)) {
    return { status: 400, body: messageErrors.forceDeleteRequired() };
  }
  const actor = asUser ? ctx.store.users.byUserId(message.u._id) : caller;
  if (!actor) return { status: 400, body: messageErrors.userNotFound() };
  const now = ctx.deps.now();
  const deleted = deleteMessage(ctx.store, actor, message, now);
  if (!deleted.ok) return { status: 400, body: deleted.error };
  return {
    status: 200,
    body: { _id: message._id, ts: String(now.getTime()), message: { _id: message._id, rid: message.rid, u: { ...message.u } }, success: true },
  };
};
