import type { OperationHandler } from '../../../core/operation.ts';
import type { operations } from '../../../generated/rocketchat.ts';
import { callerOf, type RocketChatContext } from '../context.ts';
import { channelHistory } from './channel-history.ts';
import { messageView, normalizeForUser } from './message-view.ts';
import { findGroup } from './room-access.ts';

/** A query value as the vendor's string read of it (numbers come coerced by the spec). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** `parseInt(String(value))` with the route's default; modelled: not a non-negative integer → default. */
function integer(value: unknown, fallback: number): number {
  const raw = text(value);
  if (!raw) return fallback;
  const parsed = Number.parseInt(raw, 10);
  return Number.isNaN(parsed) || parsed < 0 ? fallback : parsed;
}

/** `new Date(value)` in milliseconds. */
function date(value: string): number {
  return new Date(value).getTime();
}

/**
 * GET /api/v1/groups.history (G8 @575c1631): the lookup (archived groups too) → getChannelHistory
 * (channel-history.ts) → `{messages}` normalised for the caller, plus `firstUnread` and
 * `unreadNotLoaded` with `unreads=true`. Parameters as G8 reads them: `inclusive` and `unreads`
 * only when exactly `true`, `showThreadMessages` unless exactly `false`.
 */
export const groupsHistory: OperationHandler<operations, 'groupsHistory', RocketChatContext> = (input, ctx) => {
  const caller = callerOf(ctx).user;
  const q = input.query;
  const found = findGroup(ctx.store, caller, q, false);
  if (!found.ok) return { status: 400, body: found.error };
  const latest = text(q.latest);
  const oldest = text(q.oldest);
  const history = channelHistory(ctx.store, found.value, {
    latest: latest ? date(latest) : ctx.deps.now().getTime(),
    oldest: oldest ? date(oldest) : undefined,
    inclusive: text(q.inclusive) === 'true',
    offset: integer(q.offset, 0),
    count: integer(q.count, 20),
    unreads: text(q.unreads) === 'true',
    showThreadMessages: text(q.showThreadMessages) !== 'false',
  });
  const messages = normalizeForUser(ctx.store, history.messages.map(messageView), caller._id);
  if (!history.unread) return { status: 200, body: { messages, success: true } };
  const { firstUnread, unreadNotLoaded } = history.unread;
  return {
    status: 200,
    body: { messages, ...(firstUnread ? { firstUnread: messageView(firstUnread) } : {}), unreadNotLoaded, success: true },
  };
};
