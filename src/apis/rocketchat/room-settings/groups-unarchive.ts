import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { unarchiveGroup } from './archive.ts';
import { settingsEnv } from './group-route.ts';

/**
 * POST /api/v1/groups.unarchive (G8; research notes issue 11 §4.2): the group, without the
 * archived check → `unarchive-room` (admins only by default: owners are refused) → unarchived,
 * subscriptions reopened, `room-unarchived` message.
 */
export const groupsUnarchive: OperationHandler<operations, 'groupsUnarchive', RocketChatContext> = (input, ctx) => {
  const result = unarchiveGroup(settingsEnv(ctx), input.body);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
