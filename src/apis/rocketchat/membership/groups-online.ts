import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { membershipErrors } from './membership-errors.ts';
import { checkOnlineQuery } from './schema-checks.ts';

/** Users.findUsersNotOffline: these statuses count as present. */
const PRESENT: ReadonlySet<string> = new Set(['online', 'away', 'busy']);

/**
 * GET /api/v1/groups.online (G8 route; research notes issue 11 §5.6): validateParams, then `_id`
 * (the `query` selector is ignored without the unsafe-parameters environment variable), a private
 * group, access, and the members who are not offline in user order.
 */
export const groupsOnline: OperationHandler<operations, 'groupsOnline', RocketChatContext> = (input, ctx) => {
  const { store } = ctx;
  const checked = checkOnlineQuery(input.query);
  if (!checked.ok) return { status: 400, body: rcErrors.invalidParams(checked.message) };
  const id = checked.value._id;
  if (typeof id !== 'string' || id === '') return { status: 400, body: membershipErrors.invalidQuery() };
  const room = store.rooms.room(id);
  if (room?.t !== 'p') return { status: 400, body: membershipErrors.groupDoesNotExist() };
  // canAccessRoom: a private group needs a subscription.
  if (!store.rooms.subscription(room._id, callerOf(ctx).user._id)) return { status: 400, body: membershipErrors.onlineNotAllowed() };
  const online = store.users
    .all()
    .filter((user) => PRESENT.has(user.status) && store.rooms.subscription(room._id, user._id) !== undefined)
    .map((user) => ({ _id: user._id, username: user.username }));
  return { status: 200, body: { online, success: true } };
};
