import type { HandlerMap } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { chatDelete } from './chat-delete.ts';
import { chatPinMessage } from './chat-pin-message.ts';
import { chatPostMessage } from './chat-post-message.ts';
import { chatReact } from './chat-react.ts';
import { chatSendMessage } from './chat-send-message.ts';
import { chatStarMessage } from './chat-star-message.ts';
import { groupsFiles } from './groups-files.ts';
import { groupsHistory } from './groups-history.ts';
import { groupsMessages } from './groups-messages.ts';

/** The messages operations. */
export const messagesHandlers = {
  chatSendMessage,
  chatPostMessage,
  groupsHistory,
  groupsMessages,
  chatPinMessage,
  chatStarMessage,
  chatReact,
  chatDelete,
  groupsFiles,
} satisfies Partial<HandlerMap<operations, RocketChatContext>>;
