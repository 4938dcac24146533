import type { components } from '../../../generated/rocketchat.ts';
import type { PrivateRoom, StoredRoom, StoredUser } from '../model.ts';

/** Turns stored documents into the bodies the spec documents (openapi/rocketchat.yaml). */

type Room = components['schemas']['Room'];
type AnyRoom = components['schemas']['RoomSettingsAnyRoom'];
type Member = components['schemas']['Member'];

/**
 * Keys of `room.extra` a re-read never shows: `API.v1.defaultFieldsToExclude` projects out
 * `joinCode`, `members`, `importIds` and `e2e` (research/rocketchat.md §3).
 */
const EXCLUDED: ReadonlySet<string> = new Set(['joinCode', 'members', 'importIds', 'e2e']);

/** The visible room settings, in the order they were first set. */
function visibleExtra(room: StoredRoom): Record<string, unknown> {
  const out: [string, unknown][] = [];
  for (const entry of room.extra) if (!EXCLUDED.has(entry[0])) out.push(entry);
  // Object.fromEntries defines own data properties, so no key can reach a prototype.
  return Object.fromEntries(out);
}

/** The fields after `t`, the same for every room type. */
function roomTail(room: StoredRoom) {
  return {
    msgs: room.msgs,
    usersCount: room.usersCount,
    u: { ...room.u },
    ts: room.ts,
    ro: room.ro,
    _updatedAt: room._updatedAt,
    ...visibleExtra(room),
    ...(room.customFields === undefined ? {} : { customFields: { ...room.customFields } }),
    ...(room.teamId === undefined ? {} : { teamId: room.teamId }),
    ...(room.teamMain === undefined ? {} : { teamMain: room.teamMain }),
  };
}

/**
 * A private group as groups.* return it (research/rocketchat.md §3.1): the fixed fields, then the
 * `extraData` keys and the room settings (topic, description, announcement, archived, sysMes,
 * encrypted, …; research notes issue 11 §2) under the vendor's names, then customFields/teamId.
 * Like a 7.x/8.x server, a new group has no `sysMes` (createRoom stopped writing the 2016
 * documents' `sysMes: true`); it appears once rooms.saveRoomSettings sets `systemMessages`.
 */
export function groupView(room: PrivateRoom): Room {
  return { _id: room._id, fname: room.fname, name: room.name, t: 'p', ...roomTail(room) };
}

/** A room of either type, for answers given after its type changed (groups.setType). */
export function anyRoomView(room: StoredRoom): AnyRoom {
  return { _id: room._id, fname: room.fname, name: room.name, t: room.t, ...roomTail(room) };
}

/**
 * A member as groups.members lists it: findUsersOfRoom's projection `{_id, name, username,
 * nickname, status, avatarETag, _updatedAt, federated}` (research notes issue 11 §C). The twin
 * stores no avatars and no federation, and a nickname only when one was set.
 */
export function memberView(user: StoredUser): Member {
  const nickname = user.nickname === undefined ? {} : { nickname: user.nickname };
  return { _id: user._id, username: user.username, name: user.name, status: user.status, ...nickname, _updatedAt: user._updatedAt };
}
