import type { StoredRoom, StoredUser } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * `canAccessRoom` as the team routes use it (teams.info, Team.updateRoom), for the room types
 * the twin stores: a subscription always gives access; otherwise only a public room, with
 * `view-c-room`, and, for a public room of a private team, team membership (the vendor's
 * validators `_validateAccessToPublicRooms`, `_validateAccessToPublicRoomsInTeams`,
 * `_validateIfAlreadyJoined`; modelled from `apps/meteor/app/authorization/server/functions/canAccessRoom.ts`).
 */
export function canAccessRoom(store: RocketChatStore, user: StoredUser, room: StoredRoom): boolean {
  if (store.rooms.subscription(room._id, user._id)) return true;
  if (room.t !== 'c') return false;
  const team = room.teamId === undefined ? undefined : store.teams.team(room.teamId);
  if (team?.type === 1) return team.members.has(user._id);
  return store.authz.hasPermission(user, 'view-c-room');
}
