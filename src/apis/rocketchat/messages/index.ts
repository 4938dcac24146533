import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The messages operations. */
export const messagesHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
