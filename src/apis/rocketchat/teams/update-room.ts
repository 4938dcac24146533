import type { Deps } from '../../../core/types.ts';
import type { components } from '../../../generated/rocketchat.ts';
import { rcErrors, type Failure } from '../errors.ts';
import type { StoredRoom, StoredTeam, StoredUser } from '../model.ts';
import { AU_MESSAGE_BYTES } from '../rooms/invite.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import { derivedId } from '../random-id.ts';
import { SUBSCRIPTION_BYTES } from '../store/rooms.ts';
import type { RocketChatStore } from '../store/store.ts';
import { canAccessRoom } from './room-access.ts';
import { teamsErrors } from './team-errors.ts';
import type { TeamsUpdateRoomBody } from './vendor-schemas.ts';
import { teamRoomView } from './views.ts';

/**
 * teams.updateRoom after its schema (research notes issue 11 §4.6; route in
 * `apps/meteor/server/api/v1/teams.ts`, `getOneByRoomId` and `updateRoom` in the Team service):
 * the room and its team → `edit-team-channel` in the main room (403) → access unless
 * `view-all-team-channels` → `teamDefault`, and with true every active team member but the
 * room's creator joins (addUserToRoom, inviter = caller).
 */

type TeamsRoom = components['schemas']['TeamsRoom'];

/** The answer: the room, or a 400/403 body. */
export type UpdateRoomResult =
  | { readonly ok: true; readonly room: TeamsRoom }
  | { readonly ok: false; readonly status: 400 | 403; readonly body: Failure };

/** Room for the `teamDefault` key a room may gain. */
const TEAM_DEFAULT_BYTES = 64;

/** Sets `teamDefault` on a team's room as `caller`. */
export function updateTeamRoom(store: RocketChatStore, deps: Deps, caller: StoredUser, body: TeamsUpdateRoomBody): UpdateRoomResult {
  const fail = (status: 400 | 403, failure: Failure): UpdateRoomResult => ({ ok: false, status, body: failure });
  // Team.getOneByRoomId: the team that owns the room through `room.teamId`.
  const room = store.rooms.room(body.roomId);
  if (!room) return fail(400, teamsErrors.invalidRoom());
  const teamId = room.teamId;
  if (teamId === undefined) return fail(400, teamsErrors.roomNotOnTeam());
  const team = store.teams.team(teamId);
  if (!team) return fail(400, teamsErrors.teamDoesNotExist());
  if (!store.authz.hasPermission(caller, 'edit-team-channel', team.roomId)) return fail(403, rcErrors.forbidden());
  const canUpdateAny = store.authz.hasPermission(caller, 'view-all-team-channels', team.roomId);
  if (!canUpdateAny && !canAccessRoom(store, caller, room)) return fail(400, teamsErrors.invalidRoom());
  // The answer is the room as read before the change, with the new flag and the joined members.
  const view = teamRoomView({ ...room, teamId }, body.isDefault);
  const joining = body.isDefault ? newcomers(store, room, team) : [];
  if (!store.rooms.fits(TEAM_DEFAULT_BYTES + joining.length * (SUBSCRIPTION_BYTES + AU_MESSAGE_BYTES))) {
    return fail(400, rcErrors.sessionFull(store.byteLimit));
  }
  const now = deps.now().toISOString();
  // Rooms.setTeamDefaultById (the model stamps `_updatedAt`).
  const updated = store.rooms.update(room, (copy) => {
    const extra = new Map(copy.extra);
    extra.set('teamDefault', body.isDefault);
    copy.extra = extra;
    copy._updatedAt = now;
  });
  if (!updated) return fail(400, rcErrors.sessionFull(store.byteLimit));
  for (const user of joining) addToRoom(store, deps, room, user, caller, now);
  return { ok: true, room: { ...view, usersCount: room.usersCount } };
}

/**
 * `Team.members(uid, teamId, true, {offset: 0, count: API_User_Limit}, {_id: {$ne: room.u._id}})`:
 * active team members other than the room's creator, at most `API_User_Limit`, less those
 * already subscribed (addUserToRoom skips them).
 */
function newcomers(store: RocketChatStore, room: StoredRoom, team: StoredTeam): StoredUser[] {
  const limit = store.settings.number('API_User_Limit');
  const out: StoredUser[] = [];
  let listed = 0;
  for (const member of team.members.values()) {
    if (listed >= limit) break;
    const user = store.users.byUserId(member.userId);
    if (!user?.active || user._id === room.u._id) continue;
    listed += 1;
    if (!store.rooms.subscription(room._id, user._id)) out.push(user);
  }
  return out;
}

/**
 * addUserToRoom with an inviter (research notes issue 11 §1.4): an open subscription with an
 * alert and one unread mention, then `au` (`added-user-to-team` in a main room) whose `u` is
 * the inviter without `name`; `msgs` + 1.
 */
function addToRoom(store: RocketChatStore, deps: Deps, room: StoredRoom, user: StoredUser, inviter: StoredUser, now: string): void {
  const sub = store.rooms.subscribe(room._id, user._id, {
    roles: [],
    ts: now,
    _id: derivedId(`${room._id}:${user._id}`),
    open: true,
    alert: true,
    unread: 1,
    userMentions: 1,
  });
  if (!sub) return;
  const type = room.teamMain === true ? 'added-user-to-team' : 'au';
  saveSystemMessage(store, deps, type, room, user.username, { _id: inviter._id, username: inviter.username });
}
