import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { memberGroup } from './room-params.ts';
import { userRef } from './views.ts';

/**
 * GET /api/v1/groups.moderators (G8 route; research notes issue 11 §5.5): the `u` of every
 * subscription holding `moderator`, in subscription order.
 */
export const groupsModerators: OperationHandler<operations, 'groupsModerators', RocketChatContext> = (input, ctx) => {
  const { store } = ctx;
  const room = memberGroup(store, callerOf(ctx).user, input.query);
  if (!room.ok) return { status: 400, body: room.error };
  const moderators = store.rooms.subscriptionsOf(room.value._id).flatMap((sub) => {
    const user = sub.roles.includes('moderator') ? store.users.byUserId(sub.userId) : undefined;
    return user ? [userRef(user)] : [];
  });
  return { status: 200, body: { moderators, success: true } };
};
