import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { doesNotExist, sessionFull } from '../errors.ts';
import { isFull } from '../store.ts';
import { resolveMembers } from '../members.ts';
import { ownField } from '../own-field.ts';
import { formatTimestamp } from '../timestamp.ts';
import { groupView } from '../views.ts';

/**
 * PUT /v1/api/group/ — modelled on Update Geofence/User (research/roam.md §5c): id in the body,
 * other fields optional. `users` REPLACES the member list (modelled; §5c leaves it open). The
 * group is looked up first (unknown → GS400), then the members (unknown → GS402).
 * `updated_at` is fresh, `created_at` and the id unchanged.
 */
export const updateGroup: OperationHandler<operations, 'updateGroup', RoamContext> = (input, ctx) => {
  const { projectId } = ctx.project;
  const current = ctx.store.group(projectId, input.body.group_id.toLowerCase());
  if (!current) return doesNotExist('Group');
  const requested = ownField(input.body, 'users');
  let users = current.users;
  if (requested !== undefined) {
    const members = resolveMembers(ctx.store, projectId, requested);
    if (!members.ok) return members.response;
    users = members.users;
  }
  const description = ownField(input.body, 'description');
  const group = ctx.store.replaceGroup({
    ...current,
    description: description ?? current.description,
    users,
    updatedAt: formatTimestamp(ctx.now()),
  });
  if (isFull(group)) return sessionFull('Group', group.full, ctx.store.byteLimit);
  return { status: 200, body: { status: true, msg: 'Success.', code: 200, data: groupView(group) } };
};
