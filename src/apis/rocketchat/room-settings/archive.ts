import type { Failure } from '../errors.ts';
import type { PrivateRoom } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import { findPrivateGroupByIdOrName } from '../rooms/room-lookup.ts';
import { systemMessage, updateSubscriptions, writeExtra, type SettingsEnv } from './room-writes.ts';
import { settingsErrors } from './settings-errors.ts';

/**
 * groups.archive and groups.unarchive (research notes issue 11 §4.1, §4.2; G8,
 * executeArchiveRoom/archiveRoom, executeUnarchiveRoom/unarchiveRoom):
 * - archive looks the group up with the archived check, so archiving an archived group is
 *   `error-room-archived`; then `archive-room` in the room (admins, owners);
 * - unarchive looks it up without that check and needs `unarchive-room` (admins only: owners
 *   cannot unarchive by default). It does not ask whether the room is archived.
 * Both write `room.archived`, update every subscription and add a `room-archived` /
 * `room-unarchived` message with an empty text.
 */

/** The room named by the body, for `caller`, with or without the archived check. */
function lookup(env: SettingsEnv, body: unknown, checkedArchived: boolean): Result<PrivateRoom> {
  return findPrivateGroupByIdOrName(env.store, env.caller, { roomId: own(body, 'roomId'), roomName: own(body, 'roomName') }, { checkedArchived });
}

/** Sets `archived`, the subscriptions and the message. */
function setArchived(env: SettingsEnv, room: PrivateRoom, archived: boolean): Failure | undefined {
  const failure = writeExtra(env, room, { archived });
  if (failure) return failure;
  // Subscriptions.archiveByRoomId / unarchiveByRoomId: no alert; closed while archived, reopened after.
  updateSubscriptions(env, room._id, { alert: false, open: !archived });
  return systemMessage(env, room, archived ? 'room-archived' : 'room-unarchived', '');
}

/** groups.archive as `env.caller`. */
export function archiveGroup(env: SettingsEnv, body: unknown): Result<PrivateRoom> {
  const found = lookup(env, body, true);
  if (!found.ok) return found;
  const room = found.value;
  if (!env.store.authz.hasPermission(env.caller, 'archive-room', room._id)) return err(settingsErrors.notAuthorized('archiveRoom'));
  const failure = setArchived(env, room, true);
  return failure ? err(failure) : ok(room);
}

/** groups.unarchive as `env.caller`. */
export function unarchiveGroup(env: SettingsEnv, body: unknown): Result<PrivateRoom> {
  const found = lookup(env, body, false);
  if (!found.ok) return found;
  const room = found.value;
  if (!env.store.authz.hasPermission(env.caller, 'unarchive-room', room._id)) return err(settingsErrors.notAuthorized('unarchiveRoom'));
  const failure = setArchived(env, room, false);
  return failure ? err(failure) : ok(room);
}
