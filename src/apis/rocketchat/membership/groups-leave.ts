import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { leaveGroup } from './remove-member.ts';

/** POST /api/v1/groups.leave: `{success:true}` once the caller is out (research notes issue 11 §5.2). */
export const groupsLeave: OperationHandler<operations, 'groupsLeave', RocketChatContext> = (input, ctx) => {
  const result = leaveGroup(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
