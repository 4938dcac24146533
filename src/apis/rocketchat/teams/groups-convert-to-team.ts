import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { convertGroupToTeam } from './convert-to-team.ts';
import { teamView } from './views.ts';

/** POST /api/v1/groups.convertToTeam: the new private team (research notes issue 11 §4.5). */
export const groupsConvertToTeam: OperationHandler<operations, 'groupsConvertToTeam', RocketChatContext> = (input, ctx) => {
  const result = convertGroupToTeam(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  return result.ok ? { status: 200, body: { team: teamView(result.team), success: true } } : result.failure;
};
