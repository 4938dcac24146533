import { rcErrors, type Failure } from '../errors.ts';
import type { StoredRoom } from '../model.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { isArchived } from './room-lookup.ts';
import { checkRoomName, escapeHtml, roomNameRules, slugify } from './room-name.ts';

/**
 * `getValidRoomName` (VRN, research/rocketchat.md §2.4) for a new room (groups.create) or a rename
 * of room `rid`: the name rules of room-name.ts from the session's settings, then the duplicate
 * check (the room itself excepted; an archived holder gets its own code). With
 * `UI_Allow_room_names_with_special_chars` the name is a slug of the display name: a room with
 * the same display name is a duplicate, and a taken slug gets -1, -2, ….
 */

/** The duplicate error for a name another room holds (VRN: archived rooms get their own code). */
export function duplicateNameError(other: StoredRoom, escapedName: string): Failure {
  return isArchived(other) ? rcErrors.archivedDuplicateName(escapedName) : rcErrors.duplicateName(escapedName);
}

/** VRN for renaming room `rid`: the name to store, or the vendor's refusal. */
export function validRoomName(store: RocketChatStore, displayName: string, rid = ''): Result<string> {
  const rules = roomNameRules(store);
  let name = displayName;
  if (rules.specialChars) {
    const slug = slugify(displayName);
    const sameDisplay = store.rooms.roomByFname(displayName);
    if (sameDisplay && sameDisplay._id !== rid) return err(duplicateNameError(sameDisplay, slug));
    name = slug;
  }
  const invalid = checkRoomName(name, rules);
  if (invalid) return err(invalid);
  const taken = store.rooms.roomByName(name);
  if (!taken || taken._id === rid) return ok(name);
  if (!rules.specialChars) return err(duplicateNameError(taken, escapeHtml(name)));
  // With special characters allowed a taken slug gets -1, -2, … (the room itself does not count).
  let n = 1;
  let candidate = `${name}-${n}`;
  for (let other = store.rooms.roomByName(candidate); other && other._id !== rid; other = store.rooms.roomByName(candidate)) {
    n += 1;
    candidate = `${name}-${n}`;
  }
  return ok(candidate);
}

