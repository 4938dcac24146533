import type { components } from '../../../generated/rocketchat.ts';
import type { StoredRoom, StoredTeam } from '../model.ts';

/** Turns stored teams and team rooms into the bodies openapi/rocketchat.yaml documents. */

type Team = components['schemas']['TeamsTeam'];
type TeamsRoom = components['schemas']['TeamsRoom'];

/**
 * A team as Team.create returns it and `Team.findOneById` reads it back (research notes issue 10
 * §7.1): `_id` first, then the fields in the order TSVC builds them.
 */
export function teamView(team: StoredTeam): Team {
  return {
    _id: team._id,
    name: team.name,
    type: team.type,
    createdAt: team.createdAt,
    createdBy: { _id: team.createdBy._id, username: team.createdBy.username },
    _updatedAt: team._updatedAt,
    roomId: team.roomId,
  };
}

/**
 * A team's room as `Rooms.findOneById` reads it (teams.updateRoom): the fields groups.* show,
 * for a public or private room, with `teamDefault` set by the caller after the read.
 */
export function teamRoomView(room: StoredRoom & { readonly teamId: string }, teamDefault: boolean): TeamsRoom {
  return {
    _id: room._id,
    fname: room.fname,
    name: room.name,
    t: room.t,
    msgs: room.msgs,
    usersCount: room.usersCount,
    u: { ...room.u },
    ts: room.ts,
    ro: room.ro,
    _updatedAt: room._updatedAt,
    // Object.fromEntries defines own data properties, so no key can reach a prototype. A stored
    // `teamDefault` keeps its place in the literal; the value given below wins.
    ...Object.fromEntries(room.extra),
    ...(room.customFields === undefined ? {} : { customFields: { ...room.customFields } }),
    teamId: room.teamId,
    ...(room.teamMain === undefined ? {} : { teamMain: room.teamMain }),
    teamDefault,
  };
}
