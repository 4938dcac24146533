import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { messageErrors } from './message-errors.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { REACT_BODY } from './request-schemas.ts';
import { setReaction } from './set-reaction.ts';

/**
 * POST /api/v1/chat.react (CH8 @412cd3e8): schema → the message exists → an emoji (`emoji`, else
 * `reaction`) that is not empty → executeSetReaction (set-reaction.ts).
 */
export const chatReact: OperationHandler<operations, 'chatReact', RocketChatContext> = (input, ctx) => {
  const checked = checkParams(REACT_BODY, input.body);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidBody(checked.messages) };
  const body = recordOf(checked.value);
  const message = ctx.store.messages.message(String(body.messageId));
  if (!message) return { status: 400, body: messageErrors.messageNotFound() };
  const emoji = 'emoji' in body ? body.emoji : body.reaction;
  if (typeof emoji !== 'string' || emoji === '') return { status: 400, body: messageErrors.emojiMissing() };
  const shouldReact = typeof body.shouldReact === 'boolean' ? body.shouldReact : undefined;
  const reacted = setReaction(ctx.store, ctx.deps, callerOf(ctx).user, message, emoji, shouldReact);
  return reacted.ok ? { status: 200, body: { success: true } } : { status: 400, body: reacted.error };
};
