import type { MockResponse, OperationHandler } from '../../../core/operation.ts';
import type { components, operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { doesNotExist, sessionFull } from '../errors.ts';
import { isFull } from '../store.ts';
import { mergeMembers, resolveMembers } from '../members.ts';
import { formatTimestamp } from '../timestamp.ts';

/**
 * POST /v1/api/group/user/ (research/roam.md §5a). Merges the users into the group without
 * duplicates (modelled; §5a leaves append vs replace open) and answers the documented 201 whose
 * `data` is a string. The group's `updated_at` moves (modelled).
 */
export const addUsersToGroup: OperationHandler<operations, 'addUsersToGroup', RoamContext> = (input, ctx) => groupUsers(input.body, ctx);

/** The behaviour shared by the POST and PUT forms of Add Users to Group. */
export function groupUsers(body: components['schemas']['AddUsersRequest'], ctx: RoamContext): MockResponse<operations, 'addUsersToGroup'> {
  const { projectId } = ctx.project;
  const current = ctx.store.group(projectId, body.group_id.toLowerCase());
  if (!current) return doesNotExist('Group');
  const members = resolveMembers(ctx.store, projectId, body.users);
  if (!members.ok) return members.response;
  const stored = ctx.store.replaceGroup({ ...current, users: mergeMembers(current.users, members.users), updatedAt: formatTimestamp(ctx.now()) });
  if (isFull(stored)) return sessionFull('Group', stored.full, ctx.store.byteLimit);
  return { status: 201, body: { status: true, msg: 'Success.', code: 201, data: 'Users grouped successfully.' } };
}
