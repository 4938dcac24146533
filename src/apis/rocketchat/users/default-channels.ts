import type { Deps } from '../../../core/types.ts';
import type { StoredRoom, StoredUser } from '../model.ts';
import { derivedId } from '../random-id.ts';
import { AU_MESSAGE_BYTES } from '../rooms/invite.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import { SUBSCRIPTION_BYTES } from '../store/rooms.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * `addUserToDefaultChannels(user, silenced)` as `Accounts.insertUserDoc` runs it for a new user
 * with a username (vendor `app/lib/server/functions/addUserToDefaultChannels.ts`,
 * `joinDefaultChannels.ts`; research notes issue 10 §4.1): every room `getDefaultChannels` finds
 * (GENERAL in the default fixture) gets a subscription opened with an alert and one unread
 * mention, and a `uj` ("user joined") system message by the new user. The user document has no
 * name yet at that point, so the message's `u` carries none.
 */

/**
 * `getDefaultChannels` (vendor `app/lib/server/functions/getDefaultChannels.ts`): the rooms whose `default` flag is set, then, for each of them that is a team's main
 * room, the team's other rooms marked auto-join (`teamDefault`, teams.updateRoom), each once. The
 * vendor's users.ts e2e test "should create a subscription for the user in all the auto join rooms
 * of the team" relies on the second part.
 */
function defaultRooms(store: RocketChatStore): StoredRoom[] {
  const all = store.rooms.all();
  const rooms = all.filter((room) => room.extra.get('default') === true);
  const joined = new Set(rooms.map((room) => room._id));
  for (const main of rooms.filter((room) => room.teamMain === true && room.teamId !== undefined)) {
    // Rooms.findDefaultRoomsForTeam: same team, teamDefault true, no teamMain.
    for (const room of all) {
      if (room.teamId !== main.teamId || room.extra.get('teamDefault') !== true || room.teamMain !== undefined || joined.has(room._id)) continue;
      joined.add(room._id);
      rooms.push(room);
    }
  }
  return rooms;
}

/** Bytes joining the default rooms would take (checked with the user, before anything is stored). */
export function defaultChannelsFit(store: RocketChatStore): number {
  return defaultRooms(store).length * (SUBSCRIPTION_BYTES + AU_MESSAGE_BYTES);
}

/** Subscribes `user` to every default room it is not in yet. */
export function joinDefaultChannels(store: RocketChatStore, deps: Deps, user: StoredUser): void {
  const ts = deps.now().toISOString();
  for (const room of defaultRooms(store)) {
    const sub = store.rooms.subscribe(room._id, user._id, {
      roles: [],
      ts,
      _id: derivedId(`${room._id}:${user._id}`),
      open: true,
      alert: true,
      unread: 1,
      userMentions: 1,
    });
    if (sub) saveSystemMessage(store, deps, 'uj', room, user.username, { _id: user._id, username: user.username });
  }
}
