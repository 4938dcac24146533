import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { changeRoomRole, ROLE_CHANGES } from './role-change.ts';

/** POST /api/v1/groups.addLeader (research notes issue 11 §5.3; role-change.ts). */
export const groupsAddLeader: OperationHandler<operations, 'groupsAddLeader', RocketChatContext> = (input, ctx) => {
  const result = changeRoomRole(ctx.store, ctx.deps, callerOf(ctx).user, input.body, ROLE_CHANGES.addLeader);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
