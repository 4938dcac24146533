import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { inviteToGroup } from './invite.ts';
import { groupView } from './views.ts';

/** POST /api/v1/groups.invite: adds users and answers the room after the change (research/rocketchat.md §4). */
export const groupsInvite: OperationHandler<operations, 'groupsInvite', RocketChatContext> = (input, ctx) => {
  const result = inviteToGroup(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  return result.ok
    ? { status: 200, body: { group: groupView(result.value), success: true } }
    : { status: 400, body: result.error };
};
