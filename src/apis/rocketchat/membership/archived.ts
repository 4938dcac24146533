import type { PrivateRoom } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import { membershipErrors } from './membership-errors.ts';

/**
 * The `checkedArchived` step of findPrivateGroupByIdOrName (G8, research notes issue 11 §1.1):
 * most membership routes refuse an archived group after the lookup and access checks. The flag
 * is the room setting `archived` that groups.archive writes into `room.extra`. Discussions would
 * be named by `fname`; the twin has none, so the name is `name`.
 */
export function notArchived(room: PrivateRoom): Result<PrivateRoom> {
  return isArchived(room) ? err(membershipErrors.roomArchived(room.name)) : ok(room);
}

/** True when groups.archive has archived the room. */
export function isArchived(room: PrivateRoom): boolean {
  return room.extra.get('archived') === true;
}
