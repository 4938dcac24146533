import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The permissions operations. */
export const permissionsHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
