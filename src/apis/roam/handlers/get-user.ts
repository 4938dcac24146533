import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { doesNotExist } from '../errors.ts';
import { pageLinks, pageOffset, PAGE_SIZE, requestedPage } from '../pagination.ts';
import { queryValue } from '../query-params.ts';
import { userDetailView } from '../views.ts';

/**
 * GET /v1/api/user/ (research/roam.md §6): `user_id` → that user as a one-item page; otherwise a
 * page of the project's users (§2). Unknown users and other projects' users → GS400 (modelled).
 */
export const getUser: OperationHandler<operations, 'getUser', RoamContext> = (input, ctx) => {
  const { projectId, accountId } = ctx.project;
  const userId = queryValue(input.query.user_id);
  if (userId !== undefined) {
    const user = ctx.store.user(projectId, userId.toLowerCase());
    if (!user) return doesNotExist('User');
    const data = { next_page: null, pages: 1, prev_page: null, account_id: accountId, users: [userDetailView(user)] };
    return { status: 200, body: { status: true, msg: 'Success.', code: 200, data } };
  }
  const page = requestedPage(input.query.page_number);
  const { total, items } = ctx.store.usersOf(projectId, pageOffset(page), PAGE_SIZE);
  const data = { ...pageLinks(page, total), account_id: accountId, users: items.map(userDetailView) };
  return { status: 200, body: { status: true, msg: 'Success.', code: 200, data } };
};
