import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { deleteGroup } from './erase-room.ts';

/** POST /api/v1/groups.delete: `{success:true}` (OA `trueSuccess`) once the room is gone (research/rocketchat.md §4). */
export const groupsDelete: OperationHandler<operations, 'groupsDelete', RocketChatContext> = (input, ctx) => {
  const result = deleteGroup(ctx.store, callerOf(ctx).user, input.body);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
