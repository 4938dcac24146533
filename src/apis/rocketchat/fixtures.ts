import { join } from 'node:path';
import type { ApiSessions } from '../../core/api.ts';
import { checkFixtureValue, FixtureError, fixtureRule, readFixtureFile } from '../../core/fixtures.ts';
import type { Deps } from '../../core/types.ts';
import { fixtureSchema, type RocketChatFixture } from './fixture-format.ts';
import type { RocketChatStore } from './store.ts';
import { seedStore } from './seed-store.ts';
import { createRocketChatSession, type RocketChatOptions } from './session.ts';

/** The fixture file's name inside the fixtures folder. */
export const FIXTURE_FILE = 'rocketchat.json';

/**
 * Reads and checks `dir/rocketchat.json`, then returns a factory of fresh sessions seeded from it.
 * Schema problems and broken rules throw FixtureError (file, JSON pointer, reason), so a bad
 * fixture stops start-up.
 */
export async function loadRocketChatFixtures(dir: string, deps: Deps, options: RocketChatOptions = {}): Promise<ApiSessions> {
  const fixture = await readFixtureFile(dir, FIXTURE_FILE, fixtureSchema);
  checkFixtureRules(fixture, join(dir, FIXTURE_FILE));
  return {
    fresh: () => createRocketChatSession(seedStore(fixture), deps, options, fixture),
    fromState(state) {
      try {
        const imported = checkFixtureValue(state, fixtureSchema, 'rocketchat state');
        checkFixtureRules(imported, 'rocketchat state');
        return { ok: true, session: createRocketChatSession(seedStore(imported), deps, options, imported) };
      } catch (error) {
        if (error instanceof FixtureError) return { ok: false, pointer: error.pointer, reason: error.reason };
        throw error;
      }
    },
  };
}

/**
 * A session's whole state in the `rocketchat.json` format (`GET /__admin/state`): users and teams
 * as seeded (they never change), rooms with their counters and members as they are now, and the
 * tokens valid now. Importing it gives back the same state.
 */
export function toFixture(store: RocketChatStore, seeded: RocketChatFixture): RocketChatFixture {
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

/** Rules JSON Schema cannot express: uniqueness and references. */
export function checkFixtureRules(fixture: RocketChatFixture, file: string): void {
  const users = new Set<string>();
  const usernames = new Set<string>();
  const tokens = new Set<string>();
  fixture.users.forEach((u, i) => {
    fixtureRule(!users.has(u._id), file, `/users/${i}/_id`, `duplicate user _id ${u._id}`);
    fixtureRule(!usernames.has(u.username), file, `/users/${i}/username`, `duplicate username ${u.username}`);
    if (u.authToken !== undefined) {
      fixtureRule(!tokens.has(u.authToken), file, `/users/${i}/authToken`, 'duplicate authToken');
      tokens.add(u.authToken);
    }
    users.add(u._id);
    usernames.add(u.username);
  });
  const teams = new Map(fixture.teams.map((t) => [t._id, t] as const));
  fixtureRule(teams.size === fixture.teams.length, file, '/teams', 'duplicate team _id');
  const rooms = new Map(fixture.rooms.map((r) => [r._id, r] as const));
  const roomNames = new Set<string>();
  fixture.rooms.forEach((r, i) => {
    fixtureRule(rooms.get(r._id) === r, file, `/rooms/${i}/_id`, `duplicate room _id ${r._id}`);
    fixtureRule(!roomNames.has(r.name), file, `/rooms/${i}/name`, `duplicate room name ${r.name}`);
    roomNames.add(r.name);
    fixtureRule(users.has(r.creatorId), file, `/rooms/${i}/creatorId`, `unknown user ${r.creatorId}`);
    if (r.teamId !== undefined) fixtureRule(teams.has(r.teamId), file, `/rooms/${i}/teamId`, `unknown team ${r.teamId}`);
    const members = new Set<string>();
    r.members.forEach((m, j) => {
      fixtureRule(users.has(m.userId), file, `/rooms/${i}/members/${j}/userId`, `unknown user ${m.userId}`);
      fixtureRule(!members.has(m.userId), file, `/rooms/${i}/members/${j}/userId`, `duplicate member ${m.userId}`);
      members.add(m.userId);
    });
  });
  (fixture.tokens ?? []).forEach((t, i) => {
    fixtureRule(users.has(t.userId), file, `/tokens/${i}/userId`, `unknown user ${t.userId}`);
  });
  fixture.teams.forEach((t, i) => {
    const main = rooms.get(t.mainRoomId);
    fixtureRule(main !== undefined, file, `/teams/${i}/mainRoomId`, `unknown room ${t.mainRoomId}`);
    fixtureRule(main?.teamId === t._id && main.teamMain === true, file, `/teams/${i}/mainRoomId`, 'main room needs teamId of this team and teamMain: true');
    t.members.forEach((m, j) => {
      fixtureRule(users.has(m.userId), file, `/teams/${i}/members/${j}/userId`, `unknown user ${m.userId}`);
    });
  });
}
