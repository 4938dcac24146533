import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { rcErrors } from '../errors.ts';
import { pageLimits, pageOf, sortOf } from '../pagination.ts';
import { messageErrors } from './message-errors.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { GROUPS_FILES_QUERY } from './request-schemas.ts';
import { findGroup } from './room-access.ts';

/**
 * GET /api/v1/groups.files (G8 @575c1631; uploads.helper.ts `testFileUploads`): legacy schema →
 * lookup (archived groups too; `roomId` wins) → pagination and sort (default `{"name":1}`) →
 * `{files: [], count: 0, offset, total: 0}`: uploads (multipart `rooms.upload`) are not modelled,
 * so there is never a file to list.
 */
export const groupsFiles: OperationHandler<operations, 'groupsFiles', RocketChatContext> = (input, ctx) => {
  const checked = checkParams(GROUPS_FILES_QUERY, input.query);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidQuery(checked.messages) };
  const q = recordOf(checked.value);
  // `roomId ? {roomId} : {roomName}`: an empty roomId with no roomName still names a key, so the
  // vendor looks up the name '' and answers room-not-found rather than room-param-not-provided.
  if (!q.roomId && !q.roomName) return { status: 400, body: rcErrors.roomNotFound() };
  const found = findGroup(ctx.store, callerOf(ctx).user, q.roomId ? { roomId: q.roomId } : { roomName: q.roomName }, false);
  if (!found.ok) return { status: 400, body: found.error };
  const page = pageOf(q, pageLimits(ctx.store.settings));
  const sort = sortOf(q.sort, [['name', 1]]);
  if (!sort.ok) return { status: 400, body: sort.error };
  return { status: 200, body: { files: [], count: 0, offset: page.offset, total: 0, success: true } };
};
