import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import type { PrivateRoom, StoredRoom } from '../model.ts';
import { pageLimits, pageOf, slicePage, sortBy, sortOf, type SortSpec } from '../pagination.ts';
import { own } from '../parse-body.ts';
import { groupView } from '../rooms/views.ts';

/** `sort || {name: 1}` (G8). */
const DEFAULT_SORT: SortSpec = [['name', 1]];

/**
 * GET /api/v1/groups.listAll (G8 route; research notes issue 11 §5.9): every private group,
 * membership not needed. `view-room-administration` is checked before this runs
 * (auth/permissions-required.ts), then the sort, as parseJsonQuery runs before the query.
 */
export const groupsListAll: OperationHandler<operations, 'groupsListAll', RocketChatContext> = (input, ctx) => {
  const sort = sortOf(input.query.sort, DEFAULT_SORT);
  if (!sort.ok) return { status: 400, body: sort.error };
  const rooms = ctx.store.rooms.all().filter(isPrivate);
  const views = sortBy(rooms.map(groupView), sort.value, own);
  const page = slicePage(views, pageOf(input.query, pageLimits(ctx.store.settings)));
  return { status: 200, body: { groups: page.items, offset: page.offset, count: page.count, total: page.total, success: true } };
};

function isPrivate(room: StoredRoom): room is PrivateRoom {
  return room.t === 'p';
}
