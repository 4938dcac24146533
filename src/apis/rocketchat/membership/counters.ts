import type { components } from '../../../generated/rocketchat.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import type { Failure } from '../errors.ts';
import type { RocketChatStore } from '../store/store.ts';
import { notArchived } from './archived.ts';
import { countersGroup } from './room-params.ts';

/**
 * groups.counters (G8 `apps/meteor/server/api/v1/groups.ts` @575c1631; research notes issue 11
 * §5.8): room lookup without access check → archived → `userId` needs view-room-administration →
 * the counters of that user's subscription when it is open, the room's numbers when joined or
 * allowed to administer rooms; everything else `null`.
 */

type Counters = Omit<components['schemas']['MembershipCountersResponse'], 'success'>;

/** The route's outcome: counters, a 400 body, or 403. */
export type CountersOutcome = { readonly kind: 'counters'; readonly value: Counters } | { readonly kind: 'invalid'; readonly error: Failure } | { readonly kind: 'forbidden' };

/** Runs the route for `caller` with the query as sent. */
export function groupCounters(store: RocketChatStore, caller: StoredUser, query: object): CountersOutcome {
  const access = store.authz.hasPermission(caller, 'view-room-administration');
  const found = countersGroup(store, query);
  const room = found.ok ? notArchived(found.value) : found;
  if (!room.ok) return { kind: 'invalid', error: room.error };
  const requested = own(query, 'userId');
  let userId = caller._id;
  if (requested) {
    if (!access) return { kind: 'forbidden' };
    // A repeated `userId` (a list) matches no subscription, as the vendor's query would.
    userId = typeof requested === 'string' ? requested : '';
  }
  return { kind: 'counters', value: countersOf(store, room.value, userId, access) };
}

function countersOf(store: RocketChatStore, room: PrivateRoom, userId: string, access: boolean): Counters {
  const counters: Counters = { joined: false, members: null, unreads: null, unreadsFrom: null, msgs: null, latest: null, userMentions: null };
  const sub = store.rooms.subscription(room._id, userId);
  // `room.lm || room._updatedAt`: the time of the last user message, once the messages area sets it.
  const lm = room.extra.get('lm');
  const latest = typeof lm === 'string' && lm !== '' ? lm : room._updatedAt;
  if (sub?.open === true) {
    const from = sub.ls ?? sub.ts;
    // countVisibleByRoomIdBetweenTimestampsInclusive: every message not hidden, system ones included.
    counters.unreads = store.messages.ofRoom(room._id).filter((m) => m.extra._hidden !== true && m.ts >= from && m.ts <= latest).length;
    counters.unreadsFrom = from;
    counters.userMentions = sub.userMentions;
    counters.joined = true;
  }
  if (access || counters.joined) {
    counters.msgs = room.msgs;
    counters.latest = latest;
    // Users.countActiveUsersInNonDMRoom (G8; G7 answered room.usersCount).
    counters.members = store.rooms.subscriptionsOf(room._id).filter((s) => store.users.byUserId(s.userId)?.active === true).length;
  }
  return counters;
}
