import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { settingsGet } from './settings-get.ts';
import { settingsPost } from './settings-post.ts';

/** The settings operations. */
export const settingsHandlers = { settingsGet, settingsPost } satisfies Partial<HandlerMap<operations, RocketChatContext>>;
