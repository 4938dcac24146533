import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { updateTeamRoom } from './update-room.ts';
import { checkTeamsUpdateRoomBody } from './vendor-schemas.ts';

/** POST /api/v1/teams.updateRoom: the room with its new `teamDefault` (research notes issue 11 §4.6). */
export const teamsUpdateRoom: OperationHandler<operations, 'teamsUpdateRoom', RocketChatContext> = (input, ctx) => {
  const checked = checkTeamsUpdateRoomBody(input.body);
  if (!checked.ok) return { status: 400, body: checked.error };
  const result = updateTeamRoom(ctx.store, ctx.deps, callerOf(ctx).user, checked.value);
  return result.ok ? { status: 200, body: { room: result.room, success: true } } : { status: result.status, body: result.body };
};
