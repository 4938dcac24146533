import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { groupCounters } from './counters.ts';

/** GET /api/v1/groups.counters (research notes issue 11 §5.8; counters.ts). */
export const groupsCounters: OperationHandler<operations, 'groupsCounters', RocketChatContext> = (input, ctx) => {
  const outcome = groupCounters(ctx.store, callerOf(ctx).user, input.query);
  if (outcome.kind === 'forbidden') return { status: 403, body: rcErrors.forbidden() };
  return outcome.kind === 'counters' ? { status: 200, body: { ...outcome.value, success: true } } : { status: 400, body: outcome.error };
};
