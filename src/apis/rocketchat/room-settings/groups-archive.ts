import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import type { RocketChatContext } from '../context.ts';
import { archiveGroup } from './archive.ts';
import { settingsEnv } from './group-route.ts';

/**
 * POST /api/v1/groups.archive (G8; research notes issue 11 §4.1): the group, with the archived
 * check (archiving it twice is `error-room-archived`) → `archive-room` → archived, subscriptions
 * closed, `room-archived` message.
 */
export const groupsArchive: OperationHandler<operations, 'groupsArchive', RocketChatContext> = (input, ctx) => {
  const result = archiveGroup(settingsEnv(ctx), input.body);
  return result.ok ? { status: 200, body: { success: true } } : { status: 400, body: result.error };
};
