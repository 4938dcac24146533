import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The teams operations. */
export const teamsHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
