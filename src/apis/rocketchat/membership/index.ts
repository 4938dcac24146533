import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The membership and room roles operations. */
export const membershipHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
