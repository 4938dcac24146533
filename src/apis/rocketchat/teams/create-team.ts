import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredRoom, StoredTeam, StoredUser, TeamMember } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { saveSystemMessage } from '../rooms/system-message.ts';
import type { RocketChatStore } from '../store/store.ts';
import { createMainRoom } from './main-room.ts';
import { isHandleAvailable } from './name-availability.ts';
import { objectId } from './object-id.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * `Team.create(uid, {team: {name, type}, room, members, owner})` (TSVC,
 * `apps/meteor/server/services/team/service.ts`; research notes issue 10 §7.1, issue 11 §4.5), in
 * the vendor's order: handle free → no other room of that name → creator exists → members
 * (active users by id or username; others dropped) → main room (created, or `room.id` converted)
 * → team → team members (no roles; the owner, or else the caller, with `owner`) → main-room
 * flags → `user-converted-to-team` when a room was converted. Nothing is stored on failure.
 */

/** Team.create's input after the route's checks. */
export interface CreateTeamArgs {
  readonly name: string;
  readonly type: 0 | 1;
  /** User ids or usernames. */
  readonly members: readonly string[] | undefined;
  /** A user id: the main room's creator and the team's owner instead of the caller. */
  readonly owner: string | undefined;
  readonly room: { readonly id?: string; readonly readOnly?: unknown; readonly extraData?: object } | undefined;
  /** Checked `sidepanel.items` for a created main room. */
  readonly sidepanel?: readonly string[] | undefined;
}

/** Bytes to expect for a team and the conversion message, checked before a conversion writes anything. */
const TEAM_ESTIMATE = 1_000;
const MEMBER_ESTIMATE = 200;

/** Creates the team and answers it, or the vendor's error. */
export function createTeam(store: RocketChatStore, deps: Deps, caller: StoredUser, args: CreateTeamArgs): Result<StoredTeam> {
  const available = isHandleAvailable(store, args.name);
  if (!available.ok) return available;
  if (!available.value) return err(teamsErrors.teamNameTaken());
  const existing = store.rooms.roomByName(args.name);
  if (existing && existing._id !== args.room?.id) return err(teamsErrors.roomNameTaken());
  const creator = store.users.byUserId(caller._id);
  if (!creator) return err(teamsErrors.invalidUser());
  const createdBy = { _id: creator._id, username: creator.username };
  const members = activeUsers(store, args.members ?? []);
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  let teamId = objectId(nowDate, deps.random);
  while (store.teams.team(teamId)) teamId = objectId(nowDate, deps.random);
  // From here on the vendor catches every failure as `error-team-creation`.
  const owner = args.owner ? store.users.byUserId(args.owner) : creator;
  if (!owner) return err(teamsErrors.creationFailed());
  const memberRecords = teamMembers(members, owner, createdBy, now);
  const team: StoredTeam = { _id: teamId, name: args.name, type: args.type, roomId: '', createdAt: now, createdBy, _updatedAt: now, members: memberRecords };
  if (args.room?.id) return convertRoom(store, deps, args.room.id, { ...team, roomId: args.room.id }, now);
  const room = createMainRoom(store, deps, {
    owner,
    type: args.type === 1 ? 'p' : 'c',
    name: args.name,
    members,
    readOnly: args.room?.readOnly,
    extraData: args.room?.extraData,
    sidepanel: args.sidepanel,
    teamId,
    now,
  });
  if (!room.ok) return room;
  const stored = { ...team, roomId: room.value._id };
  if (!store.teams.add(stored)) {
    store.rooms.delete(room.value._id);
    return err(rcErrors.sessionFull(store.byteLimit));
  }
  return ok(stored);
}

/**
 * `room.id` given: no room is created; the room becomes the team's main room and gets the
 * `user-converted-to-team` message (msg = team name, `u` = the creator without `name`).
 * Modelled: a room that does not exist, or is already another team's main room, answers
 * `error-team-creation` (the vendor would store a team whose main room is missing or shared).
 */
function convertRoom(store: RocketChatStore, deps: Deps, rid: string, team: StoredTeam, now: string): Result<StoredTeam> {
  const room = store.rooms.room(rid);
  if (!room || room.teamMain === true) return err(teamsErrors.creationFailed());
  if (!store.rooms.fits(TEAM_ESTIMATE + team.members.size * MEMBER_ESTIMATE)) return err(rcErrors.sessionFull(store.byteLimit));
  if (!store.teams.add(team)) return err(rcErrors.sessionFull(store.byteLimit));
  const before: Pick<StoredRoom, 'teamId' | 'teamMain' | '_updatedAt'> = { teamId: room.teamId, teamMain: room.teamMain, _updatedAt: room._updatedAt };
  // Rooms.setTeamMainById.
  room.teamMain = true;
  room.teamId = team._id;
  room._updatedAt = now;
  if (!saveSystemMessage(store, deps, 'user-converted-to-team', room, team.name, team.createdBy)) {
    Object.assign(room, before);
    store.teams.delete(team._id);
    return err(rcErrors.sessionFull(store.byteLimit));
  }
  return ok(team);
}

/** `Users.findActiveByIdsOrUsernames`: each entry matches an `_id` or a username; inactive and unknown users are dropped. */
function activeUsers(store: RocketChatStore, entries: readonly string[]): StoredUser[] {
  const seen = new Set<string>();
  const out: StoredUser[] = [];
  for (const entry of entries) {
    const user = store.users.byUserId(entry) ?? store.users.byUsername(entry);
    if (!user?.active || seen.has(user._id)) continue;
    seen.add(user._id);
    out.push(user);
  }
  return out;
}

/** The members without roles (the owner left out), then the owner with `roles: ['owner']`. */
function teamMembers(members: readonly StoredUser[], owner: StoredUser, createdBy: TeamMember['createdBy'], now: string): Map<string, TeamMember> {
  const records = new Map<string, TeamMember>();
  for (const user of members) {
    if (user._id !== owner._id) records.set(user._id, { userId: user._id, roles: [], createdAt: now, createdBy });
  }
  records.set(owner._id, { userId: owner._id, roles: ['owner'], createdAt: now, createdBy });
  return records;
}
