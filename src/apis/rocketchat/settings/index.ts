import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The settings operations. */
export const settingsHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
