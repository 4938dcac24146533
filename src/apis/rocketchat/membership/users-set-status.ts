import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { setStatus } from './presence.ts';

/** POST /api/v1/users.setStatus (research notes issue 11 §5.7; presence.ts). */
export const usersSetStatus: OperationHandler<operations, 'usersSetStatus', RocketChatContext> = (input, ctx) => {
  const outcome = setStatus(ctx.store, ctx.deps, callerOf(ctx).user, input.body);
  if (outcome.kind === 'forbidden') return { status: 403, body: rcErrors.forbidden() };
  return outcome.kind === 'done' ? { status: 200, body: { success: true } } : { status: 400, body: outcome.error };
};
