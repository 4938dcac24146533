import type { components } from '../../../generated/rocketchat.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';

/** A message as the REST API returns it (openapi `MessagesMessage`). */
export type MessageBody = components['schemas']['MessagesMessage'];

/** Keys of `extra` that are state of the twin, never shown (`_hidden` messages are never listed). */
const INTERNAL_KEYS: ReadonlySet<string> = new Set(['_hidden']);

/**
 * A stored message as its document reads (research notes issue 11 §A): `_id`, `t` when set,
 * `rid`, `msg`, `ts`, `u`, what the message carries in the order it was set, `_updatedAt`. A deep
 * copy: callers may normalise it without touching the stored message.
 */
export function messageView(message: StoredMessage): MessageBody {
  const extra: Record<string, unknown> = structuredClone(
    Object.fromEntries(Object.entries(message.extra).filter(([key]) => !INTERNAL_KEYS.has(key))),
  );
  return {
    _id: message._id,
    ...(message.t === undefined ? {} : { t: message.t }),
    rid: message.rid,
    msg: message.msg,
    ts: message.ts,
    u: { ...message.u },
    ...extra,
    _updatedAt: message._updatedAt,
  };
}

/**
 * `normalizeMessagesForUser(messages, uid)` (NMU): `starred` keeps only the caller's entry; with
 * `UI_Use_Real_Name`, `u.name`, `mentions[].name` and `reactions[].names` come from the users'
 * current names (the username when the user is gone). Works on views (fresh copies).
 */
export function normalizeForUser(store: RocketChatStore, views: MessageBody[], callerId: string): MessageBody[] {
  const realNames = store.settings.boolean('UI_Use_Real_Name');
  const nameOf = (username: string): string => store.users.byUsername(username)?.name ?? username;
  for (const view of views) {
    if (Array.isArray(view.starred)) view.starred = view.starred.filter((star) => star._id === callerId);
    if (!realNames) continue;
    view.u = { ...view.u, name: nameOf(view.u.username) };
    for (const mention of Array.isArray(view.mentions) ? view.mentions : []) {
      if (typeof mention.username === 'string') mention.name = nameOf(mention.username);
    }
    for (const reaction of Object.values(view.reactions ?? {})) {
      reaction.names = reaction.usernames.map(nameOf);
    }
  }
  return views;
}

/** One message's view, normalised for the caller. */
export function messageFor(store: RocketChatStore, message: StoredMessage, callerId: string): MessageBody {
  const [view] = normalizeForUser(store, [messageView(message)], callerId);
  if (!view) throw new Error('normalising one message gave none');
  return view;
}

/** `ts` of a stored message in milliseconds (the ISO string the twin stores). */
export function tsMillis(message: StoredMessage): number {
  return Date.parse(message.ts);
}
