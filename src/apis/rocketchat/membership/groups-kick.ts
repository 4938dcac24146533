import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { kickFromGroup } from './remove-member.ts';

/** POST /api/v1/groups.kick: `{success:true}` once the user is out (research notes issue 11 §5.1). */
export const groupsKick: OperationHandler<operations, 'groupsKick', RocketChatContext> = (input, ctx) => {
  const result = kickFromGroup(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
