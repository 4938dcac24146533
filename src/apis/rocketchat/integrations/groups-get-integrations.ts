import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { fieldOf } from '../messages/groups-messages.ts';
import { findGroup } from '../messages/room-access.ts';
import { pageLimits, pageOf, slicePage, sortBy, sortOf, type SortSpec } from '../pagination.ts';
import { anyPermissionRefusal, visibleTo } from './integration-query.ts';
import { integrationView } from './integration-view.ts';

const DEFAULT_SORT: SortSpec = [['_createdAt', 1]];

/**
 * GET /api/v1/groups.getIntegrations (G8 @575c1631; groups.ts "/groups.getIntegrations"):
 * `permissionsRequired` with `operation: 'hasAny'` of the four integration permissions (listed in
 * auth/permissions-required.ts; the middleware's 403 and headers, checked here first) → lookup (archived groups too) →
 * pagination and sort → integrations the caller may see whose channels include `#<name>` or,
 * unless `includeAllPrivateGroups` is given and not `true`, `all_private_groups`.
 */
export const groupsGetIntegrations: OperationHandler<operations, 'groupsGetIntegrations', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const refused = anyPermissionRefusal(ctx.store, caller, 'groupsGetIntegrations');
  if (refused) return refused;
  const q = input.query;
  const found = findGroup(ctx.store, caller, q, false);
  if (!found.ok) return { status: 400, body: found.error };
  const includeAll = typeof q.includeAllPrivateGroups === 'string' && q.includeAllPrivateGroups !== '' ? q.includeAllPrivateGroups === 'true' : true;
  const wanted = [`#${found.value.name}`, ...(includeAll ? ['all_private_groups'] : [])];
  const page = pageOf(q, pageLimits(ctx.store.settings));
  const sort = sortOf(q.sort, DEFAULT_SORT);
  if (!sort.ok) return { status: 400, body: sort.error };
  const visible = visibleTo(ctx.store, caller);
  const matching = ctx.store.messages
    .integrations()
    .filter((doc) => visible(doc) && Array.isArray(doc.channel) && doc.channel.some((channel) => wanted.includes(String(channel))))
    .map(integrationView);
  const sliced = slicePage(sortBy(matching, sort.value.length > 0 ? sort.value : DEFAULT_SORT, fieldOf), page);
  return { status: 200, body: { integrations: sliced.items, count: sliced.count, offset: sliced.offset, total: sliced.total, success: true } };
};
