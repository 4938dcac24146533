import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { matchesSearch, memberSearchOf } from '../membership/member-search.ts';
import { memberGroup } from '../membership/room-params.ts';
import type { StoredUser } from '../model.ts';
import { pageLimits, pageOf, slicePage, sortBy, sortOf, type SortSpec } from '../pagination.ts';
import { memberView } from './views.ts';

/**
 * findUsersOfRoom's default order (`apps/meteor/server/lib/findUsersOfRoom.ts`): `statusConnection`
 * descending (not modelled: REST-only users have none), then `name` when `UI_Use_Real_Name` is on,
 * then `username`.
 */
const BY_USERNAME: SortSpec = [['username', 1]];
const BY_NAME: SortSpec = [['name', 1], ['username', 1]];

/**
 * GET /api/v1/groups.members (G8 route and findUsersOfRoom; research notes issue 11 §C): room
 * lookup (subscription, not archived) → broadcast guard (403) → sort → the check of `status` and
 * `filter` → the room's active members that match. Only `username` is honoured in `sort`.
 */
export const groupsMembers: OperationHandler<operations, 'groupsMembers', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const found = memberGroup(ctx.store, caller, input.query);
  if (!found.ok) return { status: 400, body: found.error };
  const room = found.value;
  if (room.extra.get('broadcast') === true && !ctx.store.authz.hasPermission(caller, 'view-broadcast-member-list', room._id)) {
    return { status: 403, body: rcErrors.forbidden() };
  }
  const sort = sortOf(input.query.sort, []);
  if (!sort.ok) return { status: 400, body: sort.error };
  const search = memberSearchOf(ctx.store, input.query);
  if (!search.ok) return { status: 400, body: search.error };
  const members: StoredUser[] = [];
  for (const sub of ctx.store.rooms.subscriptionsOf(room._id)) {
    const user = ctx.store.users.byUserId(sub.userId);
    if (user?.active && matchesSearch(user, search.value)) members.push(user);
  }
  // `sort.username` alone is passed on; otherwise findUsersOfRoom's default order applies.
  const byUsername = sort.value.find(([field]) => field === 'username');
  const order: SortSpec = byUsername ? [byUsername] : ctx.store.settings.boolean('UI_Use_Real_Name') ? BY_NAME : BY_USERNAME;
  const sorted = sortBy(members, order, (user, field) => (field === 'name' ? user.name : user.username));
  const page = slicePage(sorted.map(memberView), pageOf(input.query, pageLimits(ctx.store.settings)));
  return {
    status: 200,
    body: { members: page.items, count: page.count, offset: page.offset, total: page.total, success: true },
  };
};
