import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/roam.ts';
import type { RoamContext } from '../context.ts';
import { sessionFull } from '../errors.ts';
import { isFull } from '../store.ts';
import { resolveMembers } from '../members.ts';
import { ownField } from '../own-field.ts';
import { formatTimestamp } from '../timestamp.ts';
import { groupView } from '../views.ts';

/**
 * POST /v1/api/group/ (research/roam.md §4). Both fields optional (§4, §8); members must be users
 * of the caller's project. One clock reading feeds the id and both timestamps, so the id's first
 * four bytes are the `created_at` second and `updated_at == created_at` (§4, §7).
 */
export const createGroup: OperationHandler<operations, 'createGroup', RoamContext> = (input, ctx) => {
  const members = resolveMembers(ctx.store, ctx.project.projectId, ownField(input.body, 'users') ?? []);
  if (!members.ok) return members.response;
  const at = ctx.now();
  const timestamp = formatTimestamp(at);
  const group = ctx.store.addGroup({
    id: ctx.ids.next(at),
    projectId: ctx.project.projectId,
    // Absent description → null, as Create User stores an absent description (§6; modelled).
    description: ownField(input.body, 'description') ?? null,
    users: members.users,
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  if (isFull(group)) return sessionFull('Group', group.full, ctx.store.byteLimit);
  return { status: 201, body: { status: true, msg: 'Success.', code: 201, data: groupView(group) } };
};
