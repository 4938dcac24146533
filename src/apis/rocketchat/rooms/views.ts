import type { components } from '../../../generated/rocketchat.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';

/** Turns stored documents into the bodies the spec documents (openapi/rocketchat.yaml). */

type Room = components['schemas']['Room'];
type Member = components['schemas']['Member'];

/**
 * A private group as groups.* return it (research/rocketchat.md §3.1): the fixed fields, then the
 * `extraData` keys, then customFields/teamId when present. The re-read projection drops nothing
 * the twin stores (§3: joinCode, members, importIds, e2e are never set).
 */
export function groupView(room: PrivateRoom): Room {
  const view: Room = {
    _id: room._id,
    fname: room.fname,
    name: room.name,
    t: 'p',
    msgs: room.msgs,
    usersCount: room.usersCount,
    u: { ...room.u },
    ts: room.ts,
    ro: room.ro,
    _updatedAt: room._updatedAt,
    // Object.fromEntries defines own data properties, so no key can reach a prototype.
    ...Object.fromEntries(room.extra),
  };
  if (room.customFields !== undefined) view.customFields = { ...room.customFields };
  if (room.teamId !== undefined) view.teamId = room.teamId;
  if (room.teamMain !== undefined) view.teamMain = room.teamMain;
  return view;
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
