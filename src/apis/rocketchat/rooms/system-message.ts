import type { Deps } from '../../../core/types.ts';
import type { StoredRoom } from '../model.ts';
import { meteorId } from '../random-id.ts';
import type { MessageAuthor, StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * `Message.saveSystemMessage(type, rid, msg, user, extraData)` (research notes issue 11 §1.4):
 * stores `{t, rid, ts, msg, u, groupable: false, ...extraData}` and adds one to `room.msgs`. It
 * does not move `lm`/`lastMessage` or any subscription. False when the session's budget is full
 * (the caller answers `error-twin-session-full`); nothing is stored then.
 */
export function saveSystemMessage(
  store: RocketChatStore,
  deps: Deps,
  type: string,
  room: StoredRoom,
  msg: string,
  author: MessageAuthor,
  extra: Readonly<Record<string, unknown>> = {},
): StoredMessage | undefined {
  const ts = deps.now().toISOString();
  const message: StoredMessage = { _id: meteorId(deps.random), rid: room._id, msg, ts, u: author, _updatedAt: ts, t: type, extra: { groupable: false, ...extra } };
  if (!store.messages.insert(message)) return undefined;
  room.msgs += 1;
  return message;
}
