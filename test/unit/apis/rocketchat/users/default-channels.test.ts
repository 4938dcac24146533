import { describe, expect, it } from 'vitest';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import { createdUser, send, usersWorld } from './users-support.ts';

function bodyOf(res: JsonResponse): Record<string, unknown> {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, unknown>;
}

/**
 * getDefaultChannels as users.create joins a new user to it (vendor
 * `app/lib/server/functions/getDefaultChannels.ts`; the vendor's users.ts e2e describe "auto join
 * default channels"): default rooms, plus the auto-join rooms of a default team's main room.
 */
describe('users.create joins the default channels', () => {
  it("a default team main room brings the team's auto-join rooms, not its other rooms; a default room joins on its own", async () => {
    const { store, session } = usersWorld();
    const team = bodyOf(await send(session, 'teamsCreate', { body: { name: 'auto-team', type: 0 } })).team as { _id: string; roomId: string };
    const created = async (name: string): Promise<string> => ((bodyOf(await send(session, 'groupsCreate', { body: { name, extraData: { teamId: team._id } } })).group as { _id: string })._id);
    const autoJoin = await created('auto-join-room');
    const plain = await created('plain-team-room');
    bodyOf(await send(session, 'teamsUpdateRoom', { body: { roomId: autoJoin, isDefault: true } }));

    // The team main room is not default yet: its auto-join rooms are not joined either.
    const before = await createdUser(store, session, 'before.default');
    expect([store.rooms.subscription(team.roomId, before._id), store.rooms.subscription(autoJoin, before._id)]).toEqual([undefined, undefined]);

    bodyOf(await send(session, 'roomsSaveRoomSettings', { body: { rid: team.roomId, default: true } }));
    const after = await createdUser(store, session, 'after.default');
    expect(store.rooms.subscription(team.roomId, after._id)).toMatchObject({ alert: true, unread: 1 });
    expect(store.rooms.subscription(autoJoin, after._id)).toMatchObject({ alert: true, unread: 1 });
    expect(store.rooms.subscription(plain, after._id)).toBeUndefined();
    expect(store.messages.ofRoom(autoJoin).at(-1)).toMatchObject({ t: 'uj', msg: 'after.default' });

    // A default room inside a team that is not default joins on its own, the team's main room not.
    bodyOf(await send(session, 'roomsSaveRoomSettings', { body: { rid: team.roomId, default: false } }));
    bodyOf(await send(session, 'roomsSaveRoomSettings', { body: { rid: plain, default: true } }));
    const last = await createdUser(store, session, 'last.default');
    expect(store.rooms.subscription(plain, last._id)).toBeDefined();
    expect([store.rooms.subscription(team.roomId, last._id), store.rooms.subscription(autoJoin, last._id)]).toEqual([undefined, undefined]);
  });
});
