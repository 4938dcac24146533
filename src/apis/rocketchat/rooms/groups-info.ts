import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { findPrivateGroupByIdOrName } from './room-lookup.ts';
import { groupView } from './views.ts';

/** GET /api/v1/groups.info: one private group the caller is subscribed to (research/rocketchat.md §4). */
export const groupsInfo: OperationHandler<operations, 'groupsInfo', RocketChatContext> = (input, ctx) => {
  const found = findPrivateGroupByIdOrName(ctx.store, callerOf(ctx).user, input.query);
  return found.ok
    ? { status: 200, body: { group: groupView(found.value), success: true } }
    : { status: 400, body: found.error };
};
