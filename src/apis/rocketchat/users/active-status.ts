import type { Deps } from '../../../core/types.ts';
import { rcErrors } from '../errors.ts';
import type { StoredUser } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { mustRelinquish, relinquishRoomOwnerships, singleOwnedRooms, subscribedRoomsWithDetails } from './owned-rooms.ts';
import { userErrors } from './user-errors.ts';

/**
 * `executeSetUserActiveStatus(fromUserId, userId, active, confirmRelinquish)` as users.create and
 * users.update call it when the body has `active` (vendor `server/methods/setUserActiveStatus.ts`,
 * `app/lib/server/functions/setUserActiveStatus.ts`; research notes issue 10 §4.4): Meteor
 * `check(active, Boolean)`, then `edit-other-user-active-status`, then for a deactivation the
 * last-admin and last-owner rules; a deactivated user loses every login token.
 */
export function setActiveStatus(
  store: RocketChatStore,
  deps: Deps,
  caller: StoredUser,
  userId: string,
  active: unknown,
  confirmRelinquish: boolean,
): Result<void> {
  if (typeof active !== 'boolean') return err(rcErrors.matchError(`Expected boolean, got ${active === null ? 'null' : typeof active}`));
  if (!store.authz.hasPermission(caller, 'edit-other-user-active-status')) return err(userErrors.activeStatusNotAllowed());
  const user = store.users.byUserId(userId);
  if (!user) return ok(undefined);
  if (!active) {
    const activeAdmins = store.users.all().filter((u) => u.active && u.roles.includes('admin')).length;
    if (user.roles.includes('admin') && activeAdmins === 1) return err(userErrors.lastAdmin());
    const rooms = subscribedRoomsWithDetails(store, userId);
    if (mustRelinquish(rooms) && !confirmRelinquish) return err(userErrors.lastOwner(singleOwnedRooms(store, rooms)));
    relinquishRoomOwnerships(store, rooms);
  }
  // Flipping a boolean never grows the user, so the budget cannot refuse it.
  store.users.update(user, (u) => {
    u.active = active;
    u._updatedAt = deps.now().toISOString();
  });
  if (!active) store.tokens.removeUser(userId);
  return ok(undefined);
}
