import type { RocketChatStore } from '../store/store.ts';

/**
 * What happens to a user's rooms when the user is deleted or deactivated (research notes issue
 * 10 §4.3; vendor `getRoomsWithSingleOwner.ts`, `getUserSingleOwnedRooms.ts`,
 * `relinquishRoomOwnerships.ts`, `api/server/lib/eraseTeam.ts`).
 */

/** One subscribed room and its fate (`getSubscribedRoomsForUserWithDetails`). */
export interface SubscribedRoom {
  readonly rid: string;
  readonly shouldBeRemoved: boolean;
  readonly shouldChangeOwner: boolean;
  readonly newOwner: string | undefined;
}

/**
 * For each room of the user: the last owner hands the room to the earliest other subscriber who
 * is active, or the room goes when there is none; a room where the user is no owner goes only
 * when the user is its sole subscriber.
 */
export function subscribedRoomsWithDetails(store: RocketChatStore, userId: string): SubscribedRoom[] {
  const out: SubscribedRoom[] = [];
  for (const room of store.rooms.roomsOf(userId)) {
    const subs = store.rooms.subscriptionsOf(room._id);
    const mine = subs.find((sub) => sub.userId === userId);
    let shouldBeRemoved = false;
    let newOwner: string | undefined;
    if (mine?.roles.includes('owner')) {
      if (subs.filter((sub) => sub.roles.includes('owner')).length === 1) {
        // Subscriptions come in `ts` order, as the vendor sorts them.
        newOwner = subs.find((sub) => sub.userId !== userId && store.users.byUserId(sub.userId)?.active === true)?.userId;
        shouldBeRemoved = newOwner === undefined;
      }
    } else {
      shouldBeRemoved = subs.length === 1;
    }
    out.push({ rid: room._id, shouldBeRemoved, shouldChangeOwner: newOwner !== undefined, newOwner });
  }
  return out;
}

/** `shouldRemoveOrChangeOwner`: deleting or deactivating needs `confirmRelinquish`. */
export function mustRelinquish(rooms: readonly SubscribedRoom[]): boolean {
  return rooms.some((room) => room.shouldBeRemoved || room.shouldChangeOwner);
}

/** `getUserSingleOwnedRooms`: the names (`fname` or `name`) of the rooms that would go or change owner. */
export function singleOwnedRooms(store: RocketChatStore, rooms: readonly SubscribedRoom[]): { shouldBeRemoved: string[]; shouldChangeOwner: string[] } {
  const nameOf = (rid: string): string => {
    const room = store.rooms.room(rid);
    return room ? room.fname || room.name : rid;
  };
  return {
    shouldBeRemoved: rooms.filter((room) => room.shouldBeRemoved).map((room) => nameOf(room.rid)),
    shouldChangeOwner: rooms.filter((room) => room.shouldChangeOwner).map((room) => nameOf(room.rid)),
  };
}

/**
 * `relinquishRoomOwnerships`: new owners get the `owner` room role, rooms to remove are erased
 * (a team's main room erases its team: its other rooms go back to the workspace). Returns the ids
 * of the erased rooms.
 */
export function relinquishRoomOwnerships(store: RocketChatStore, rooms: readonly SubscribedRoom[]): string[] {
  for (const { rid, newOwner } of rooms) {
    const sub = newOwner === undefined ? undefined : store.rooms.subscription(rid, newOwner);
    if (sub && !sub.roles.includes('owner')) store.rooms.setRoles(sub, [...sub.roles, 'owner']);
  }
  const erased: string[] = [];
  for (const { rid } of rooms.filter((room) => room.shouldBeRemoved)) {
    const room = store.rooms.room(rid);
    if (!room) continue;
    if (room.teamMain === true && room.teamId !== undefined) eraseTeam(store, room.teamId);
    store.rooms.delete(rid);
    store.messages.removeRoom(rid);
    erased.push(rid);
  }
  return erased;
}

/** `eraseTeamShared` with no rooms to remove: the team's rooms lose their `teamId`, then the team goes. */
function eraseTeam(store: RocketChatStore, teamId: string): void {
  const team = store.teams.team(teamId);
  if (!team) return;
  for (const room of store.rooms.all()) {
    if (room.teamId === teamId && room._id !== team.roomId) store.rooms.update(room, (r) => (r.teamId = undefined));
  }
  store.teams.delete(teamId);
}
