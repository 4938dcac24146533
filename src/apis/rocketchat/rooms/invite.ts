import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findGroupByIdOrName } from './room-lookup.ts';
import { SUBSCRIPTION_BYTES } from '../store/rooms.ts';
import type { RocketChatStore } from '../store/store.ts';
import { derivedId } from '../random-id.ts';
import { saveSystemMessage } from './system-message.ts';

/** Room for one `au` message: its fixed part plus the username it carries. */
export const AU_MESSAGE_BYTES = 500;

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
  const member = store.rooms.subscription(room._id, caller._id) !== undefined;
  const allowed =
    store.authz.hasPermission(caller, 'add-user-to-any-p-room') ||
    (member && store.authz.hasPermission(caller, 'add-user-to-joined-room', room._id));
  if (!allowed) return err(rcErrors.notAllowed('addUsersToRoom'));
  // Each added user costs a subscription and an `au` message; all fit, or no one is added.
  if (!store.rooms.fits(wanted.length * (SUBSCRIPTION_BYTES + AU_MESSAGE_BYTES))) return err(rcErrors.sessionFull(store.byteLimit));
  let added = 0;
  const now = deps.now().toISOString();
  for (const user of wanted) {
    // Existing members are skipped silently (the vendor only sends them an ephemeral notice).
    // addUserToRoom (AUR): the new member's room opens with an alert and one unread mention.
    const sub = store.rooms.subscribe(room._id, user._id, { roles: [], ts: now, _id: derivedId(`${room._id}:${user._id}`), open: true, alert: true, unread: 1, userMentions: 1 });
    if (!sub) continue;
    added += 1;
    // AUR: saveSystemMessage('au', rid, added.username, added, {u: inviter without name}): msgs +1.
    saveSystemMessage(store, deps, 'au', room, user.username, { _id: caller._id, username: caller.username });
  }
  if (added > 0) room._updatedAt = now;
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
  for (const user of [...ids.map((id) => store.users.byUserId(id)), ...names.map((name) => store.users.byUsername(name))]) {
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
