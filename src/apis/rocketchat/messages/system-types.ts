import type { StoredRoom } from '../model.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * Which message types are system messages, and which of them a room hides.
 *
 * Modelled list: the vendor's registry (`MessageTypes`, client registrations MT) registers many
 * more; this set holds the types the research names (issue 11 §1.4, §A) and the ones the twin
 * writes. chat.sendMessage refuses them in `message.t`; `e2e` (encrypted user message) is not one.
 */
export const SYSTEM_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'r', 'au', 'ru', 'ul', 'uj', 'ujt', 'ult', 'ut', 'ui', 'wm', 'rm',
  'added-user-to-team', 'removed-user-from-team', 'user-converted-to-team',
  'room_changed_topic', 'room_changed_description', 'room_changed_announcement', 'room_changed_privacy', 'room_changed_avatar',
  'room-set-read-only', 'room-removed-read-only', 'room-allowed-reacting', 'room-disallowed-reacting',
  'room_e2e_enabled', 'room_e2e_disabled', 'room-archived', 'room-unarchived',
  'subscription-role-added', 'subscription-role-removed', 'user-muted', 'user-unmuted',
  'message_pinned', 'message_pinned_e2e', 'discussion-created',
]);

/** `MessageTypes.isSystemMessage(message)`: a registered system type in `t`. */
export function isSystemType(t: unknown): boolean {
  return typeof t === 'string' && SYSTEM_MESSAGE_TYPES.has(t);
}

/** True for a message the vendor stores with `t` of a system type. */
export function isSystemMessage(message: StoredMessage): boolean {
  return isSystemType(message.t);
}

/**
 * `getHiddenSystemMessages(room, Hide_System_Messages)` (HSM, research notes issue 11 §B): the
 * room's `sysMes` when it is a list (it replaces the setting, never merges with it), otherwise the
 * setting; `mute_unmute` stands for `user-muted` and `user-unmuted` (newest copy: in either list).
 */
export function hiddenSystemTypes(store: RocketChatStore, room: StoredRoom): ReadonlySet<string> {
  const own = room.extra.get('sysMes');
  const chosen: unknown = Array.isArray(own) ? own : store.settings.get('Hide_System_Messages');
  const hidden = new Set<string>();
  for (const type of Array.isArray(chosen) ? (chosen as unknown[]) : []) {
    if (type === 'mute_unmute') {
      hidden.add('user-muted');
      hidden.add('user-unmuted');
    } else if (typeof type === 'string') {
      hidden.add(type);
    }
  }
  return hidden;
}
