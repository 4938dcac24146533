import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The users operations. */
export const usersHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
