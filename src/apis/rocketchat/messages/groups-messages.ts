import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { own } from '../parse-body.ts';
import { pageLimits, pageOf, slicePage, sortBy, sortOf, type SortSpec } from '../pagination.ts';
import { messageErrors } from './message-errors.ts';
import { messageView, normalizeForUser, type MessageBody } from './message-view.ts';
import { checkParams, recordOf } from './params-schema.ts';
import { GROUPS_MESSAGES_QUERY } from './request-schemas.ts';
import { findGroup } from './room-access.ts';

const DEFAULT_SORT: SortSpec = [['ts', -1]];

/** A dotted field of a message view (`u.username`), for sorting. */
export function fieldOf(item: unknown, path: string): unknown {
  let value: unknown = item;
  for (const key of path.split('.')) {
    value = own(value, key);
  }
  return value;
}

/** `parseIds`: a non-empty comma list, trimmed. */
function ids(value: unknown): string[] | undefined {
  return typeof value === 'string' && value !== '' ? value.split(',').map((id) => id.trim()) : undefined;
}

/** True when some entry of `list` (objects with `_id`) has one of `wanted`. */
function anyId(list: unknown, wanted: readonly string[]): boolean {
  return Array.isArray(list) && list.some((entry) => wanted.includes(String(fieldOf(entry, '_id'))));
}

/**
 * GET /api/v1/groups.messages (G8 @575c1631; groups.ts "/groups.messages"): legacy schema → lookup
 * (archived refused) → pagination and sort → the room's messages filtered by `mentionIds`,
 * `starredIds` and `pinned=true`, hidden ones left out; no hidden-type filter (the vendor applies
 * none here). `count` counts this page, `total` every match.
 */
export const groupsMessages: OperationHandler<operations, 'groupsMessages', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const checked = checkParams(GROUPS_MESSAGES_QUERY, input.query);
  if (!checked.ok) return { status: 400, body: messageErrors.invalidQuery(checked.messages) };
  const q = recordOf(checked.value);
  const params = { ...(q.roomId ? { roomId: q.roomId } : {}), ...(q.roomName ? { roomName: q.roomName } : {}) };
  const found = findGroup(ctx.store, caller, params, true);
  if (!found.ok) return { status: 400, body: found.error };
  const page = pageOf(q, pageLimits(ctx.store.settings));
  const sort = sortOf(q.sort, DEFAULT_SORT);
  if (!sort.ok) return { status: 400, body: sort.error };
  const mentionIds = ids(q.mentionIds);
  const starredIds = ids(q.starredIds);
  const pinnedOnly = typeof q.pinned === 'string' && q.pinned.toLowerCase() === 'true';
  const matching: MessageBody[] = [];
  // Messages with equal sort keys keep their insertion order, in the first key's direction
  // (messages stored in the same millisecond still list in the order they were sent).
  const spec = sort.value.length > 0 ? sort.value : DEFAULT_SORT;
  const stored = ctx.store.messages.ofRoom(found.value._id);
  for (const message of spec[0]?.[1] === -1 ? stored.reverse() : stored) {
    if (message.extra._hidden === true) continue;
    if (mentionIds && !anyId(message.extra.mentions, mentionIds)) continue;
    if (starredIds && !anyId(message.extra.starred, starredIds)) continue;
    if (pinnedOnly && message.extra.pinned !== true) continue;
    matching.push(messageView(message));
  }
  const sorted = sortBy(matching, spec, fieldOf);
  const sliced = slicePage(sorted, page);
  return {
    status: 200,
    body: { messages: normalizeForUser(ctx.store, sliced.items, caller._id), count: sliced.count, offset: sliced.offset, total: sliced.total, success: true },
  };
};
