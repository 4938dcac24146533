import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { canAccessRoom } from './room-access.ts';
import { teamsErrors } from './team-errors.ts';
import { checkTeamsInfoQuery } from './vendor-schemas.ts';
import { teamView } from './views.ts';

/**
 * GET /api/v1/teams.info (research notes issue 10 §7.2; `apps/meteor/server/api/v1/teams.ts`):
 * query schema → team by `teamId` (by `_id` only) or `teamName` (exact) → its main room → the
 * caller can access that room or holds `view-all-teams`, else 403.
 */
export const teamsInfo: OperationHandler<operations, 'teamsInfo', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkTeamsInfoQuery(input.query);
  if (!checked.ok) return { status: 400, body: checked.error };
  const { teamId, teamName } = checked.value;
  // getTeamByIdOrName: a truthy teamId decides; an empty one finds nothing.
  const team = teamId !== undefined ? (teamId ? ctx.store.teams.team(teamId) : undefined) : teamName ? ctx.store.teams.byTeamName(teamName) : undefined;
  if (!team) return { status: 400, body: teamsErrors.teamNotFound() };
  const room = ctx.store.rooms.room(team.roomId);
  if (!room) return { status: 400, body: teamsErrors.mainRoomNotFound() };
  if (!canAccessRoom(ctx.store, caller, room) && !ctx.store.authz.hasPermission(caller, 'view-all-teams')) {
    return { status: 403, body: rcErrors.forbidden() };
  }
  return { status: 200, body: { teamInfo: teamView(team), success: true } };
};
