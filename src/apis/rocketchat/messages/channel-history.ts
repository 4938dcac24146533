import type { StoredRoom } from '../model.ts';
import type { StoredMessage } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';
import { tsMillis } from './message-view.ts';
import { hiddenSystemTypes } from './system-types.ts';

/**
 * `getChannelHistory` (GCH; research notes issue 11 §6.3): visible messages (not `_hidden`, not of
 * a type the room hides, thread replies only when `showThreadMessages`) older than `latest` and
 * newer than `oldest` (both exclusive unless `inclusive`), newest first, `offset`/`count` applied
 * (count 0: all). With `unreads`, the messages between `oldest` and the oldest one returned are
 * counted (`unreadNotLoaded`) and the first of them is `firstUnread`.
 */

export interface HistoryOptions {
  /** Milliseconds; NaN (a string that is not a date) matches nothing, as an Invalid Date would. */
  readonly latest: number;
  readonly oldest: number | undefined;
  readonly inclusive: boolean;
  readonly offset: number;
  readonly count: number;
  readonly unreads: boolean;
  readonly showThreadMessages: boolean;
}

export interface History {
  readonly messages: StoredMessage[];
  /** Present only with `unreads`. */
  readonly unread?: { readonly firstUnread: StoredMessage | undefined; readonly unreadNotLoaded: number };
}

/** The room's messages a history query can see, newest first (stable for equal `ts`). */
function visible(store: RocketChatStore, room: StoredRoom, showThreadMessages: boolean): StoredMessage[] {
  const hidden = hiddenSystemTypes(store, room);
  const list = store.messages.ofRoom(room._id).filter((m) => {
    if (m.extra._hidden === true) return false;
    if (m.t !== undefined && hidden.has(m.t)) return false;
    return showThreadMessages || m.extra.tmid === undefined || m.extra.tshow === true;
  });
  return list.map((m, i) => [m, i] as const).sort((a, b) => tsMillis(b[0]) - tsMillis(a[0]) || b[1] - a[1]).map(([m]) => m);
}

function between(ts: number, oldest: number | undefined, latest: number, inclusive: boolean): boolean {
  const belowLatest = inclusive ? ts <= latest : ts < latest;
  if (oldest === undefined) return belowLatest;
  return belowLatest && (inclusive ? ts >= oldest : ts > oldest);
}

/** Runs one history query on a room. */
export function channelHistory(store: RocketChatStore, room: StoredRoom, options: HistoryOptions): History {
  const all = visible(store, room, options.showThreadMessages);
  const matching = all.filter((m) => between(tsMillis(m), options.oldest, options.latest, options.inclusive));
  const end = options.count === 0 ? undefined : options.offset + options.count;
  const messages = matching.slice(options.offset, end);
  if (!options.unreads) return { messages };
  let firstUnread: StoredMessage | undefined;
  let unreadNotLoaded = 0;
  const oldestShown = messages[messages.length - 1];
  if (options.oldest !== undefined && oldestShown !== undefined && tsMillis(oldestShown) > options.oldest) {
    // Between `oldest` and the oldest message shown, both exclusive, oldest first.
    const notLoaded = all.filter((m) => between(tsMillis(m), options.oldest, tsMillis(oldestShown), false)).reverse();
    firstUnread = notLoaded[0];
    unreadNotLoaded = notLoaded.length;
  }
  return { messages, unread: { firstUnread, unreadNotLoaded } };
}
