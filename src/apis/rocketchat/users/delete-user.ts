import type { StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { mustRelinquish, relinquishRoomOwnerships, singleOwnedRooms, subscribedRoomsWithDetails } from './owned-rooms.ts';
import { userErrors } from './user-errors.ts';

/**
 * `getUserFromParams(bodyParams)` (vendor `app/api/server/helpers/getUserFromParams.ts`): the
 * first non-blank of `userId` (exact `_id`), `username`, `user` (usernames, any case). Modelled:
 * a value that is not a string counts as absent (the vendor's `.trim()` would throw on it).
 */
export function userFromParams(store: RocketChatStore, params: unknown): Result<StoredUser> {
  const text = (key: string): string | undefined => {
    const value = own(params, key);
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const userId = text('userId');
  const username = text('username') ?? text('user');
  let user: StoredUser | undefined;
  if (userId !== undefined) user = store.users.byUserId(userId);
  else if (username !== undefined) user = store.users.byUsernameIgnoringCase(username);
  else return err(userErrors.userParamNotProvided());
  return user ? ok(user) : err(userErrors.invalidUser());
}

/**
 * `deleteUser(userId, confirmRelinquish)` (vendor `app/lib/server/functions/deleteUser.ts`;
 * research notes issue 10 §4.3): rocket.cat cannot go; a user who would leave rooms without an
 * owner (or alone) needs `confirmRelinquish`, which hands each room to its earliest active member
 * or erases it; then the user's messages (`Message_ErasureType` default `Delete`), subscriptions
 * (each room's `usersCount` goes down), login tokens and the user itself go. Returns the ids of
 * the erased rooms. Modelled: team memberships are removed too.
 */
export function deleteUser(store: RocketChatStore, user: StoredUser, confirmRelinquish: boolean): Result<string[]> {
  if (user._id === 'rocket.cat') return err(userErrors.deleteRocketCat());
  const rooms = subscribedRoomsWithDetails(store, user._id);
  if (mustRelinquish(rooms) && !confirmRelinquish) return err(userErrors.lastOwner(singleOwnedRooms(store, rooms)));
  const erased = relinquishRoomOwnerships(store, rooms);
  const erasure = store.settings.string('Message_ErasureType') || 'Delete';
  // Modelled: `Unlink` (messages reassigned to rocket.cat) keeps them as they are, like `Keep`.
  if (erasure === 'Delete') store.messages.removeByAuthor(user._id);
  for (const room of store.rooms.roomsOf(user._id)) store.rooms.unsubscribe(room._id, user._id);
  for (const team of store.teams.all()) store.teams.removeMember(team, user._id);
  store.tokens.removeUser(user._id);
  store.users.remove(user._id);
  return ok(erased);
}
