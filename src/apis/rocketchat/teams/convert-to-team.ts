import type { Deps } from '../../../core/types.ts';
import { rcErrors, type Failure } from '../errors.ts';
import type { StoredRoom, StoredTeam, StoredUser } from '../model.ts';
import { own } from '../parse-body.ts';
import { err, ok, type Result } from '../result.ts';
import type { RocketChatStore } from '../store/store.ts';
import { createTeam } from './create-team.ts';
import { teamsErrors } from './team-errors.ts';

/**
 * `groups.convertToTeam` (G8 `apps/meteor/server/api/v1/groups.ts`; research notes issue 11
 * §4.5): empty selector → the group (getRoomFromParams, access, archived) → `create-team` and
 * `edit-room` in the room, else 403 → Team.create of a private team named like the room, whose
 * members are everyone subscribed, converting the room itself.
 */

/** Why the conversion failed: a 400 body, or the route's `forbidden()`. */
export type ConvertFailure = { readonly status: 400; readonly body: Failure } | { readonly status: 403; readonly body: Failure };

/** Converts the group named in `body` for `caller`. */
export function convertGroupToTeam(
  store: RocketChatStore,
  deps: Deps,
  caller: StoredUser,
  body: unknown,
): { readonly ok: true; readonly team: StoredTeam } | { readonly ok: false; readonly failure: ConvertFailure } {
  const fail = (status: 400 | 403, failure: Failure) => ({ ok: false as const, failure: { status, body: failure } });
  const hasId = has(body, 'roomId');
  const hasName = has(body, 'roomName');
  // The route's own check: a selector key that is present but falsy.
  if ((hasId && !own(body, 'roomId')) || (hasName && !own(body, 'roomName'))) return fail(400, teamsErrors.convertParamRequired());
  const found = findGroup(store, caller, body, hasId, hasName);
  if (!found.ok) return fail(400, found.error);
  const room = found.value;
  // hasAllPermissionAsync(uid, ['create-team', 'edit-room'], rid): room roles count for both.
  if (!['create-team', 'edit-room'].every((permission) => store.authz.hasPermission(caller, permission, room._id))) {
    return fail(403, rcErrors.forbidden());
  }
  const members = store.rooms.subscriptionsOf(room._id).map((sub) => sub.userId);
  const created = createTeam(store, deps, caller, { name: room.name, type: 1, members, owner: undefined, room: { id: room._id } });
  return created.ok ? { ok: true, team: created.value } : fail(400, created.error);
}

/**
 * `findPrivateGroupByIdOrName` as G8 writes it: a present `roomId` key wins (looked up by `_id`),
 * else `roomName` (exact `name`); neither key → `error-room-param-not-provided`. The room must be
 * a private group the caller can access (a subscription) and not archived. A selector that is not
 * a string finds nothing (modelled: the vendor would query with it).
 */
function findGroup(store: RocketChatStore, caller: StoredUser, body: unknown, hasId: boolean, hasName: boolean): Result<StoredRoom> {
  if (!hasId && !hasName) return err(rcErrors.roomParamNotProvided());
  const key = hasId ? own(body, 'roomId') : own(body, 'roomName');
  const text = typeof key === 'string' ? key : undefined;
  const room = text === undefined ? undefined : hasId ? store.rooms.room(text) : store.rooms.roomByName(text);
  if (room?.t !== 'p' || !store.rooms.subscription(room._id, caller._id)) return err(rcErrors.roomNotFound());
  if (room.extra.get('archived') === true) return err(teamsErrors.groupArchived(room.name));
  return ok(room);
}

function has(body: unknown, key: string): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, key);
}
