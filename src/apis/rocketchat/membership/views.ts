import type { components } from '../../../generated/rocketchat.ts';
import type { StoredRoom, StoredUser, Subscription } from '../model.ts';
import type { RocketChatStore } from '../store/store.ts';

/** Stored documents → the bodies of the membership routes (openapi/rocketchat.yaml). */

type UserRef = components['schemas']['UserRef'];
type RoomRole = components['schemas']['MembershipRoomRole'];
type SubscriptionBody = components['schemas']['MembershipSubscription'];

/** `u` of a subscription: `{_id, username, name}` (Subscriptions `createWithRoomAndUser`). */
export function userRef(user: StoredUser): UserRef {
  return { _id: user._id, username: user.username, name: user.name };
}

/** One entry of groups.roles: the getRoomRoles projection `{rid, u, roles}` with the subscription's `_id` first. */
export function roleHolderView(sub: Subscription, user: StoredUser): RoomRole {
  return { _id: sub._id, rid: sub.rid, u: userRef(user), roles: [...sub.roles] };
}

/**
 * A subscription document as subscriptions.getOne returns it, in the key order of
 * `createWithRoomAndUser` (counters, ts, room fields, `u`), then what later writes added (`roles`,
 * `ls`) and `_updatedAt`. `roles` only when the document has the field (research notes issue 11 §5.10).
 */
export function subscriptionView(store: RocketChatStore, sub: Subscription, room: StoredRoom, user: StoredUser): SubscriptionBody {
  const customFields = room.customFields === undefined ? {} : { customFields: { ...room.customFields } };
  const roles = store.rooms.hasRolesField(sub) ? { roles: [...sub.roles] } : {};
  const ls = sub.ls === undefined ? {} : { ls: sub.ls };
  return {
    _id: sub._id,
    open: sub.open,
    alert: sub.alert,
    unread: sub.unread,
    userMentions: sub.userMentions,
    groupMentions: sub.groupMentions,
    ts: sub.ts,
    rid: sub.rid,
    name: room.name,
    fname: room.fname,
    ...customFields,
    t: room.t,
    u: userRef(user),
    ...roles,
    ...ls,
    _updatedAt: sub._updatedAt,
  };
}
