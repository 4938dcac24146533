import type { Deps } from '../../core/types.ts';
import { rcErrors } from './errors.ts';
import type { PrivateRoom, StoredUser } from './model.ts';
import { own } from './parse-body.ts';
import { hasPermission } from './permissions.ts';
import { err, ok, type Result } from './result.ts';
import { findGroupByIdOrName } from './room-lookup.ts';
import { SUBSCRIPTION_BYTES, type RocketChatStore } from './store.ts';

/**
 * `groups.invite` (research/rocketchat.md §4): room parameter → room → user parameters → at least
 * one known user → permission (addUsersToRoom) → add. Each added user gets a subscription and an
 * "added user" system message, so `msgs` and `usersCount` grow by one per user (test T).
 */

/** Adds the users named in `body` to the group it names, as `caller`. */
export function inviteToGroup(store: RocketChatStore, deps: Deps, caller: StoredUser, body: unknown): Result<PrivateRoom> {
  const found = findGroupByIdOrName(store, { roomId: own(body, 'roomId'), roomName: own(body, 'roomName') });
  if (!found.ok) return found;
  const room = found.value;
  const wanted = usersFromParams(store, body);
  if (wanted === undefined) return err(rcErrors.usersParamsNotProvided());
  if (wanted.length === 0) return err(rcErrors.emptyInviteList());
  // addUsersToRoom: any private room with add-user-to-any-p-room, else a member with
  // add-user-to-joined-room in the room (owners have it; docs issue #117).
  const member = store.subscription(room._id, caller._id) !== undefined;
  const allowed =
    hasPermission(store, caller, 'add-user-to-any-p-room') ||
    (member && hasPermission(store, caller, 'add-user-to-joined-room', { rid: room._id }));
  if (!allowed) return err(rcErrors.notAllowed('addUsersToRoom'));
  if (!store.fits(wanted.length * SUBSCRIPTION_BYTES)) return err(rcErrors.sessionFull(store.byteLimit));
  let added = 0;
  for (const user of wanted) {
    // Existing members are skipped silently (the vendor only sends them an ephemeral notice).
    if (store.subscribe(room._id, user._id, [])) added += 1;
  }
  if (added > 0) {
    room.msgs += added;
    room._updatedAt = deps.now().toISOString();
  }
  return ok(room);
}

/**
 * getUserListFromParams, modelled as the union of `userId`, `username`, `userIds[]` and
 * `usernames[]` (ids and usernames matched exactly; non-strings ignored). `undefined` when none
 * of them names anyone; otherwise the distinct known users, in the order given.
 */
function usersFromParams(store: RocketChatStore, body: unknown): StoredUser[] | undefined {
  const ids = [...strings(own(body, 'userId')), ...strings(own(body, 'userIds'))];
  const names = [...strings(own(body, 'username')), ...strings(own(body, 'usernames'))];
  if (ids.length === 0 && names.length === 0) return undefined;
  const seen = new Set<string>();
  const out: StoredUser[] = [];
  for (const user of [...ids.map((id) => store.user(id)), ...names.map((name) => store.userByUsername(name))]) {
    if (!user || seen.has(user._id)) continue;
    seen.add(user._id);
    out.push(user);
  }
  return out;
}

/** A string or an array's strings, without empty ones. */
function strings(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string' && item !== '');
}
