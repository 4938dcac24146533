import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { createPrivateGroup } from './create-group.ts';
import { groupView } from './views.ts';

/**
 * POST /api/v1/groups.create. The body is handed over as received: the vendor's ordered checks
 * (create-checks.ts) run first on every request, whether or not it matched the spec's schema.
 */
export const groupsCreate: OperationHandler<operations, 'groupsCreate', RocketChatContext> = (input, ctx) => {
  const result = createPrivateGroup(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  return result.ok
    ? { status: 200, body: { group: groupView(result.value), success: true } }
    : { status: 400, body: result.error };
};
