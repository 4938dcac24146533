import type { PrivateRoom } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName } from '../rooms/room-lookup.ts';
import type { SettingsEnv } from './room-writes.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * groups.close and groups.open (research notes issue 11 §4.3, §4.4; G8, hideRoomMethod,
 * openRoom): the caller's own subscription is hidden from or shown in their sidebar. The lookup
 * skips the archived check; closing a closed room or opening an open one is a plain failure
 * naming the group (test T asserts the closed text). No system message, no room change.
 */

/** Sets the caller's `open` on the group the body names. */
export function setGroupOpen(env: SettingsEnv, body: unknown, open: boolean): Result<PrivateRoom> {
  const found = findPrivateGroupByIdOrName(env.store, env.caller, { roomId: own(body, 'roomId'), roomName: own(body, 'roomName') });
  if (!found.ok) return found;
  const room = found.value;
  // The lookup found the caller's subscription, so it exists here.
  const sub = env.store.rooms.subscription(room._id, env.caller._id);
  if (!sub) return err(settingsErrors.alreadyClosed(room.name));
  if (sub.open === open) return err(open ? settingsErrors.alreadyOpen(room.name) : settingsErrors.alreadyClosed(room.name));
  // hideByRoomIdAndUserId clears the alert too; openByRoomIdAndUserId leaves it.
  sub.open = open;
  if (!open) sub.alert = false;
  sub._updatedAt = env.deps.now().toISOString();
  return ok(room);
}
