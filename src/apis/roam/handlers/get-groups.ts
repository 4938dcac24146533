import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { doesNotExist } from '../errors.ts';
import { pageLinks, pageOffset, PAGE_SIZE, requestedPage } from '../pagination.ts';
import { queryValue } from '../query-params.ts';
import { groupView } from '../views.ts';

/**
 * GET /v1/api/group/ — modelled on the v1 get/list convention (research/roam.md §5c): `group_id`
 * → that group; otherwise `page_number` (default 1) → ten of the project's groups (§2).
 * `group_id` wins over `page_number`. Another project's group does not exist for this key (400).
 */
export const getGroups: OperationHandler<operations, 'getGroups', RoamContext> = (input, ctx) => {
  const { projectId } = ctx.project;
  const groupId = queryValue(input.query.group_id);
  if (groupId !== undefined) {
    const group = ctx.store.group(projectId, groupId.toLowerCase());
    if (!group) return doesNotExist('Group');
    return { status: 200, body: { status: true, msg: 'Success.', code: 200, data: groupView(group) } };
  }
  const page = requestedPage(input.query.page_number);
  const { total, items } = ctx.store.groupsOf(projectId, pageOffset(page), PAGE_SIZE);
  return {
    status: 200,
    body: { status: true, msg: 'Success.', code: 200, data: { ...pageLinks(page, total), groups: items.map(groupView) } },
  };
};
