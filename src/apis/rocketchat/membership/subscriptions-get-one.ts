import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { membershipErrors } from './membership-errors.ts';
import { checkGetOneQuery } from './schema-checks.ts';
import { subscriptionView } from './views.ts';

/**
 * GET /api/v1/subscriptions.getOne (8.x typed route @6038d1d5; research notes issue 11 §5.10): the
 * query schema, the route's own empty-roomId check, then the caller's subscription or `null`. No
 * access check: any room id may be asked about.
 */
export const subscriptionsGetOne: OperationHandler<operations, 'subscriptionsGetOne', RocketChatContext> = (input, ctx) => {
  const checked = checkGetOneQuery(input.query);
  if (!checked.ok) return { status: 400, body: membershipErrors.invalidQueryParams(checked.message) };
  const roomId = checked.value.roomId;
  if (typeof roomId !== 'string' || roomId === '') return { status: 400, body: membershipErrors.roomIdRequired() };
  const caller = callerOf(ctx).user;
  const sub = ctx.store.rooms.subscription(roomId, caller._id);
  const room = ctx.store.rooms.room(roomId);
  const subscription = sub && room ? subscriptionView(ctx.store, sub, room, caller) : null;
  return { status: 200, body: { subscription, success: true } };
};
