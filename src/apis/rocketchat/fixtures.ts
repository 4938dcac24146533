import { join } from 'node:path';
import type { ApiSessions } from '../../core/api.ts';
import { checkFixtureValue, FixtureError, fixtureRule, readFixtureFile } from '../../core/fixtures.ts';
import type { Deps } from '../../core/types.ts';
import { extraFields } from './create-group.ts';
import { fixtureSchema, type RocketChatFixture } from './fixture-format.ts';
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
    fresh: (meter) => createRocketChatSession(seedStore(fixture, meter), deps, options, fixture),
    fromState(state, meter) {
      try {
        const imported = checkFixtureValue(state, fixtureSchema, 'rocketchat state');
        checkFixtureRules(imported, 'rocketchat state');
        return { ok: true, session: createRocketChatSession(seedStore(imported, meter), deps, options, imported) };
      } catch (error) {
        if (error instanceof FixtureError) return { ok: false, pointer: error.pointer, reason: error.reason };
        throw error;
      }
    },
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
    // extraData holds only what groups.create would copy onto a room, so imported state exports
    // back unchanged (broadcast has its own room field).
    const kept = extraFields(r.extraData);
    for (const key of Object.keys(r.extraData ?? {})) {
      const why = key === 'broadcast' ? 'broadcast is a room field, not extraData' : `groups.create does not copy extraData.${key} (protected key or wrong type)`;
      fixtureRule(key !== 'broadcast' && kept.has(key), file, `/rooms/${i}/extraData/${pointerToken(key)}`, why);
    }
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

/** One reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
