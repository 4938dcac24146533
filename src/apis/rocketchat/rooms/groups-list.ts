import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import type { PrivateRoom } from '../model.ts';
import { pageLimits, pageOf, slicePage, sortBy, sortOf, type SortSpec } from '../pagination.ts';
import { own } from '../parse-body.ts';
import { groupView } from './views.ts';

/** groups.list sorts by name unless told otherwise (research/rocketchat.md §4). */
const DEFAULT_SORT: SortSpec = [['name', 1]];

/**
 * GET /api/v1/groups.list: the private groups the caller is subscribed to, sorted and paginated
 * (§4, §5.2). The sort is checked first, as parseJsonQuery runs before the query.
 */
export const groupsList: OperationHandler<operations, 'groupsList', RocketChatContext> = (input, ctx) => {
  const sort = sortOf(input.query.sort, DEFAULT_SORT);
  if (!sort.ok) return { status: 400, body: sort.error };
  const caller = callerOf(ctx).user;
  const rooms = ctx.store.rooms.roomsOf(caller._id).filter((room): room is PrivateRoom => room.t === 'p');
  const views = sortBy(rooms.map(groupView), sort.value, own);
  const page = slicePage(views, pageOf(input.query, pageLimits(ctx.store.settings)));
  return {
    status: 200,
    body: { groups: page.items, offset: page.offset, count: page.count, total: page.total, success: true },
  };
};
