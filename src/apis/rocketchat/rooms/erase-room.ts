import { rcErrors } from '../errors.ts';
import type { PrivateRoom, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName } from './room-lookup.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * `groups.delete` → eraseRoom (research/rocketchat.md §4): the caller must see the group
 * (subscription) and hold `delete-p` in it, which owners have. Afterwards the name is free and
 * groups.info answers room-not-found [inferred]. Modelled: no extra `delete-team-group` check.
 */
export function deleteGroup(store: RocketChatStore, caller: StoredUser, body: unknown): Result<PrivateRoom> {
  const found = findPrivateGroupByIdOrName(store, caller, { roomId: own(body, 'roomId'), roomName: own(body, 'roomName') });
  if (!found.ok) return found;
  const room = found.value;
  if (!store.authz.hasPermission(caller, 'delete-p', room._id)) return err(rcErrors.notAllowed('eraseRoom'));
  store.rooms.delete(room._id);
  store.messages.removeRoom(room._id);
  return ok(room);
}
