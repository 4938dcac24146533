import { join } from 'node:path';
import type { ApiSessions } from '../../core/api.ts';
import { checkFixtureValue, FixtureError, fixtureRule, readFixtureJson } from '../../core/fixtures.ts';
import type { Deps } from '../../core/types.ts';
import { DEFAULT_ROLES } from './defaults/roles.ts';
import { DEFAULT_SETTINGS } from './defaults/settings.ts';
import { fixtureSchema, type RocketChatFixture } from './fixture-format.ts';
import { extraFields } from './rooms/create-group.ts';
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
  const path = join(dir, FIXTURE_FILE);
  const fixture = checkFixture(await readFixtureJson(path), path);
  return {
    fresh: (meter) => createRocketChatSession(seedStore(fixture, meter), deps, options),
    fromState(state, meter) {
      try {
        const imported = checkFixture(state, 'rocketchat state');
        return { ok: true, session: createRocketChatSession(seedStore(imported, meter), deps, options) };
      } catch (error) {
        if (error instanceof FixtureError) return { ok: false, pointer: error.pointer, reason: error.reason };
        throw error;
      }
    },
  };
}

/** The old shape first (a clear message), then the schema, then the rules. */
function checkFixture(value: unknown, source: string): RocketChatFixture {
  refuseOldShape(value, source);
  const fixture = checkFixtureValue(value, fixtureSchema, source);
  checkFixtureRules(fixture, source);
  return fixture;
}

/**
 * Fixtures written before users held roles listed `users[].permissions` and per-team member
 * permissions. They cannot be converted faithfully (a permission list does not say which role
 * grants it), so they are refused with what to write instead.
 */
function refuseOldShape(value: unknown, source: string): void {
  const users = field(value, 'users');
  if (Array.isArray(users)) {
    users.forEach((user: unknown, i) => {
      fixtureRule(
        field(user, 'permissions') === undefined,
        source,
        `/users/${i}/permissions`,
        'users no longer list permissions: give the user roles (e.g. "roles": ["user"]) and grant permissions to roles with "roles": [{"_id", "scope", "permissions"}] or "permissions": [{"_id", "roles"}] (src/apis/rocketchat/README.md)',
      );
    });
  }
  const teams = field(value, 'teams');
  if (Array.isArray(teams)) {
    teams.forEach((team: unknown, i) => {
      fixtureRule(
        field(team, 'mainRoomId') === undefined,
        source,
        `/teams/${i}/mainRoomId`,
        'teams now name their main room "roomId", their creator "createdById", and give members "roles" (e.g. ["owner"]) instead of "permissions" (src/apis/rocketchat/README.md)',
      );
    });
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Rules JSON Schema cannot express: uniqueness and references. */
export function checkFixtureRules(fixture: RocketChatFixture, file: string): void {
  const roles = new Set(DEFAULT_ROLES.map((role) => role._id));
  (fixture.roles ?? []).forEach((role, i) => {
    fixtureRule(!roles.has(role._id), file, `/roles/${i}/_id`, `duplicate role ${role._id}`);
    roles.add(role._id);
  });
  (fixture.permissions ?? []).forEach((permission, i) => {
    permission.roles.forEach((role, j) => {
      fixtureRule(roles.has(role), file, `/permissions/${i}/roles/${j}`, `unknown role ${role}`);
    });
  });
  for (const key of Object.keys(fixture.settings ?? {})) {
    fixtureRule(Object.hasOwn(DEFAULT_SETTINGS, key), file, `/settings/${pointerToken(key)}`, `unknown setting ${key} (the modelled ones are in src/apis/rocketchat/defaults/settings.ts)`);
  }
  const users = new Set<string>();
  const usernames = new Set<string>();
  const emails = new Set<string>();
  const tokens = new Set<string>();
  fixture.users.forEach((u, i) => {
    if (u.authToken !== undefined) {
      fixtureRule(!tokens.has(u.authToken), file, `/users/${i}/authToken`, 'duplicate authToken');
      tokens.add(u.authToken);
    }
    fixtureRule(!users.has(u._id), file, `/users/${i}/_id`, `duplicate user id ${u._id}`);
    fixtureRule(!usernames.has(u.username.toLowerCase()), file, `/users/${i}/username`, `duplicate username ${u.username}`);
    u.roles.forEach((role, j) => { fixtureRule(roles.has(role), file, `/users/${i}/roles/${j}`, `unknown role ${role}`); });
    for (const address of [...(u.email === undefined ? [] : [u.email]), ...(u.emails ?? []).map((e) => e.address)]) {
      fixtureRule(!emails.has(address.toLowerCase()), file, `/users/${i}`, `duplicate e-mail ${address}`);
      emails.add(address.toLowerCase());
    }
    users.add(u._id);
    usernames.add(u.username.toLowerCase());
  });
  const teamIds = new Set(fixture.teams.map((t) => t._id));
  const roomIds = new Set<string>();
  const roomNames = new Set<string>();
  fixture.rooms.forEach((r, i) => {
    if (r.teamId !== undefined) fixtureRule(teamIds.has(r.teamId), file, `/rooms/${i}/teamId`, `unknown team ${r.teamId}`);
    fixtureRule(!roomIds.has(r._id), file, `/rooms/${i}/_id`, `duplicate room id ${r._id}`);
    fixtureRule(!roomNames.has(r.name), file, `/rooms/${i}/name`, `duplicate room name ${r.name}`);
    roomIds.add(r._id);
    roomNames.add(r.name);
    fixtureRule(users.has(r.creatorId), file, `/rooms/${i}/creatorId`, `unknown user ${r.creatorId}`);
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
      m.roles.forEach((role, k) => { fixtureRule(roles.has(role), file, `/rooms/${i}/members/${j}/roles/${k}`, `unknown role ${role}`); });
      members.add(m.userId);
    });
  });
  const teams = new Set<string>();
  // A Map, not find(): imported state may hold many teams and rooms, and the check stays linear.
  const roomsById = new Map(fixture.rooms.map((r) => [r._id, r] as const));
  fixture.teams.forEach((t, i) => {
    fixtureRule(!teams.has(t._id), file, `/teams/${i}/_id`, `duplicate team id ${t._id}`);
    teams.add(t._id);
    fixtureRule(users.has(t.createdById), file, `/teams/${i}/createdById`, `unknown user ${t.createdById}`);
    const main = roomsById.get(t.roomId);
    fixtureRule(main?.teamId === t._id && main.teamMain === true, file, `/teams/${i}/roomId`, `${t.roomId} is not a seeded room with teamId ${t._id} and teamMain true`);
    t.members.forEach((m, j) => {
      fixtureRule(users.has(m.userId), file, `/teams/${i}/members/${j}/userId`, `unknown user ${m.userId}`);
    });
  });
  (fixture.tokens ?? []).forEach((t, i) => {
    fixtureRule(users.has(t.userId), file, `/tokens/${i}/userId`, `unknown user ${t.userId}`);
  });
  fixture.rooms.forEach((r, i) => {
    for (const key of Object.keys(r.extra ?? {})) {
      fixtureRule(!ROOM_FIELDS.has(key), file, `/rooms/${i}/extra/${pointerToken(key)}`, `${key} is a room field, not an extra one`);
    }
  });
  const messages = new Set<string>();
  (fixture.messages ?? []).forEach((m, i) => {
    fixtureRule(!messages.has(m._id), file, `/messages/${i}/_id`, `duplicate message id ${m._id}`);
    fixtureRule(roomIds.has(m.rid), file, `/messages/${i}/rid`, `unknown room ${m.rid}`);
    messages.add(m._id);
  });
  const integrations = new Set<string>();
  (fixture.integrations ?? []).forEach((doc, i) => {
    const id = doc._id;
    fixtureRule(typeof id === 'string' && id !== '' && !integrations.has(id), file, `/integrations/${i}/_id`, 'each integration needs its own string _id');
    if (typeof id === 'string') integrations.add(id);
  });
}

/** Room fields with their own place in the format: `extra` cannot hold them. */
const ROOM_FIELDS: ReadonlySet<string> = new Set(['_id', 'name', 'fname', 't', 'msgs', 'usersCount', 'u', 'ts', 'ro', '_updatedAt', 'customFields', 'teamId', 'teamMain', '__proto__']);

/** One reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
