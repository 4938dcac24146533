import type { RocketChatFixture } from './fixture-format.ts';
import type { RocketChatStore } from './store.ts';

/**
 * A session's whole state in the `rocketchat.json` format (`GET /__admin/state`): users and teams
 * as seeded (they never change), rooms with their counters and members as they are now, and the
 * tokens valid now. Importing it gives back the same state.
 */
export function exportRocketChatState(store: RocketChatStore, seeded: RocketChatFixture): RocketChatFixture {
  return {
    users: seeded.users,
    teams: seeded.teams,
    rooms: store.allRooms().map((room) => {
      const { broadcast, ...extraData } = Object.fromEntries(room.extra);
      return {
        _id: room._id,
        name: room.name,
        fname: room.fname,
        t: room.t,
        creatorId: room.u._id,
        ts: room.ts,
        ro: room.ro,
        ...(typeof broadcast === 'boolean' ? { broadcast } : {}),
        ...(room.teamId === undefined ? {} : { teamId: room.teamId }),
        ...(room.teamMain === undefined ? {} : { teamMain: room.teamMain }),
        members: store.subscriptionsOf(room._id).map((sub) => ({ userId: sub.userId, roles: [...sub.roles] })),
        msgs: room.msgs,
        _updatedAt: room._updatedAt,
        ...(room.customFields === undefined ? {} : { customFields: { ...room.customFields } }),
        ...(Object.keys(extraData).length === 0 ? {} : { extraData }),
      };
    }),
    tokens: store.tokenEntries(),
  };
}
