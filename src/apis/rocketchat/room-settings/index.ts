import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';

/** The room settings operations. */
export const roomSettingsHandlers = {} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
