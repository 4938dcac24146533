import type { Failure } from '../errors.ts';
import type { StoredRoom } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { validRoomName } from '../rooms/valid-room-name.ts';
import type { RocketChatStore } from '../store/store.ts';
import { extraOf, systemMessage, writeRoom, type SettingsEnv } from './room-writes.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * `saveRoomName` (SRN, research notes issue 11 §2 "Individual savers") with `getValidRoomName`
 * (VRN) and `checkUsernameAvailability`: same name or a blank one changes nothing; otherwise the
 * name rules of rooms/room-name.ts, the duplicate check (the room itself excepted), the handle
 * check, then `name` and `fname` change, every subscription gets `alert`, and an `r` message
 * carries the name as sent. The old name is free for others afterwards.
 */

/**
 * `checkUsernameAvailability(name)`: blocked handles (`all`, `here` and
 * `Accounts_BlockedUsernameList`, any case) throw; a user or team holding the handle (any case)
 * makes it unavailable.
 */
function handleFailure(store: RocketChatStore, name: string): Failure | undefined {
  const wanted = name.trim().toLowerCase();
  const blocked = ['all', 'here', ...store.settings.string('Accounts_BlockedUsernameList').split(',')].map((entry) => entry.trim().toLowerCase());
  if (blocked.includes(wanted)) return settingsErrors.blockedUsername(name);
  const taken = store.users.byUsernameIgnoringCase(name) ?? store.teams.all().find((team) => team.name.toLowerCase() === name.toLowerCase());
  return taken ? settingsErrors.duplicateHandle(name) : undefined;
}

/**
 * Renames `room` to `displayName`. The value is the display name when something changed,
 * undefined when nothing did. Modelled: a value that is not a string changes nothing (null and
 * undefined return early at the vendor too; other types crash there with a 500).
 */
export function saveRoomName(env: SettingsEnv, room: StoredRoom, displayName: unknown): Result<string | undefined> {
  if (typeof displayName !== 'string' || displayName === room.name || displayName.trim() === '') return ok(undefined);
  const valid = validRoomName(env.store, displayName, room._id);
  if (!valid.ok) return valid;
  const name = valid.value;
  const now = env.deps.now().toISOString();
  // SRN: discussions and federated rooms only change their display name.
  const federated = extraOf(room, 'federated') === true;
  if (!federated) {
    const unavailable = handleFailure(env.store, name);
    if (unavailable) return err(unavailable);
  }
  const written = writeRoom(env, room, (draft) => {
    if (!federated) draft.name = name;
    draft.fname = displayName;
  });
  if (written) return err(written);
  // Subscriptions.updateNameAndAlertByRoomId: every member is alerted (not for an fname-only change).
  if (!federated) {
    for (const sub of env.store.rooms.subscriptionsOf(room._id)) {
      sub.alert = true;
      sub._updatedAt = now;
    }
  }
  const message = systemMessage(env, room, 'r', displayName);
  return message ? err(message) : ok(displayName);
}
