import type { StoredRoom, StoredUser, Subscription } from '../model.ts';
import type { MessageAuthor } from '../store/messages.ts';
import type { RocketChatStore } from '../store/store.ts';

/**
 * Room roles as the vendor keeps them on subscriptions (research notes issue 11 §5.3):
 * `Roles.countUsersInRole(role, rid)`, `hasRoleAsync(uid, role, rid)`, the `roles` field of the
 * subscription document, and `Team.addRolesToMember` / `removeRolesFromMember` for a team's main room.
 */

/** The room roles the vendor knows: the `Subscriptions`-scope defaults. */
export type RoomRole = 'owner' | 'moderator' | 'leader';

/** How many members of the room hold `role`. */
export function holdersOf(store: RocketChatStore, rid: string, role: string): number {
  return store.rooms.subscriptionsOf(rid).filter((sub) => sub.roles.includes(role)).length;
}

/** True when `userId` holds `role` in the room. */
export function holds(store: RocketChatStore, rid: string, userId: string, role: string): boolean {
  return store.rooms.rolesIn(rid, userId).includes(role);
}

/** True when `userId` is the room's only owner (the last-owner rule of kick and leave). */
export function isLastOwner(store: RocketChatStore, rid: string, userId: string): boolean {
  return holds(store, rid, userId, 'owner') && holdersOf(store, rid, 'owner') === 1;
}

/** The subscription's `roles` field as the vendor stores it: undefined when the document has none. */
export function rolesField(store: RocketChatStore, sub: Subscription): readonly string[] | undefined {
  return store.rooms.hasRolesField(sub) ? sub.roles : undefined;
}

/** `$addToSet` / `$pull` of one role, plus the member's team roles in a team's main room. */
export function setRole(store: RocketChatStore, room: StoredRoom, sub: Subscription, role: RoomRole, add: boolean, at: string): void {
  const roles = add ? [...sub.roles.filter((r) => r !== role), role] : sub.roles.filter((r) => r !== role);
  store.rooms.writeRoles(sub, roles, at);
  const team = room.teamMain === true && room.teamId !== undefined ? store.teams.team(room.teamId) : undefined;
  const member = team?.members.get(sub.userId);
  if (!team || !member) return;
  const teamRoles = add ? [...member.roles.filter((r) => r !== role), role] : member.roles.filter((r) => r !== role);
  store.teams.setMember(team, { ...member, roles: teamRoles });
}

/** `u` of a system message written by `user`: `{_id, username, name}` (saveSystemMessage). */
export function authorOf(user: StoredUser): MessageAuthor {
  return { _id: user._id, username: user.username, name: user.name };
}
