import { join } from 'node:path';
import type { ApiSessions } from '../../core/api.ts';
import { checkFixtureValue, FixtureError, fixtureRule, readFixtureFile } from '../../core/fixtures.ts';
import type { Deps } from '../../core/types.ts';
import { createObjectIdGenerator, objectIdSecond } from './object-id.ts';
import { createRoamSession } from './session.ts';
import { DEFAULT_LIMITS, type RoamLimits, type RoamSeed } from './model.ts';
import { RoamStore } from './store.ts';
import { timestampSecond } from './timestamp.ts';
import { ROAM_FIXTURE_FILE, roamFixtureSchema, type RoamFixtureFile } from './fixture-schema.ts';

/**
 * Reads and checks `roam.json` in `dir` and returns a factory of fresh sessions seeded from it.
 * Throws FixtureError (file, JSON Pointer, reason) for a schema violation or a broken rule.
 */
export async function loadRoamFixtures(dir: string, deps: Deps, limits: RoamLimits = DEFAULT_LIMITS): Promise<ApiSessions> {
  const file = await readFixtureFile(dir, ROAM_FIXTURE_FILE, roamFixtureSchema);
  const seed = toSeed(file, join(dir, ROAM_FIXTURE_FILE));
  // One generator for every session, seeded once like a MongoDB client process (object-id.ts).
  const ids = createObjectIdGenerator(deps.random);
  return {
    fresh: (meter) => createRoamSession(new RoamStore(seed, limits, meter), deps, ids),
    fromState(state, meter) {
      try {
        const imported = toSeed(checkFixtureValue(state, roamFixtureSchema, 'roam state'), 'roam state');
        return { ok: true, session: createRoamSession(new RoamStore(imported, limits, meter), deps, ids) };
      } catch (error) {
        if (error instanceof FixtureError) return { ok: false, pointer: error.pointer, reason: error.reason };
        throw error;
      }
    },
  };
}

/** Applies the rules JSON Schema cannot express and converts rows to store records. */
export function toSeed(file: RoamFixtureFile, path: string): RoamSeed {
  const projects = new Set<string>();
  const keys = new Set<string>();
  file.projects.forEach((p, i) => {
    fixtureRule(!projects.has(p.project_id), path, `/projects/${i}/project_id`, `duplicate project id ${p.project_id}`);
    fixtureRule(!keys.has(p.api_key), path, `/projects/${i}/api_key`, 'duplicate api key');
    projects.add(p.project_id);
    keys.add(p.api_key);
  });
  const userProject = new Map<string, string>();
  file.users.forEach((u, i) => {
    fixtureRule(!userProject.has(u.user_id), path, `/users/${i}/user_id`, `duplicate user id ${u.user_id}`);
    fixtureRule(projects.has(u.project_id), path, `/users/${i}/project_id`, `unknown project ${u.project_id}`);
    // §7: an ObjectId's first four bytes are its record's creation second.
    fixtureRule(objectIdSecond(u.user_id) === timestampSecond(u.created_at), path, `/users/${i}/created_at`, 'not the second encoded in user_id');
    userProject.set(u.user_id, u.project_id);
  });
  const groups = new Set<string>();
  (file.groups ?? []).forEach((g, i) => {
    fixtureRule(!groups.has(g.group_id), path, `/groups/${i}/group_id`, `duplicate group id ${g.group_id}`);
    fixtureRule(projects.has(g.project_id), path, `/groups/${i}/project_id`, `unknown project ${g.project_id}`);
    fixtureRule(objectIdSecond(g.group_id) === timestampSecond(g.created_at), path, `/groups/${i}/created_at`, 'not the second encoded in group_id');
    fixtureRule(g.updated_at >= g.created_at, path, `/groups/${i}/updated_at`, 'earlier than created_at');
    // A Set, not indexOf: imported state may list 100,000 members, and the check stays linear.
    const members = new Set<string>();
    g.users.forEach((userId, j) => {
      fixtureRule(userProject.get(userId) === g.project_id, path, `/groups/${i}/users/${j}`, `${userId} is not a user of project ${g.project_id}`);
      fixtureRule(!members.has(userId), path, `/groups/${i}/users/${j}`, `duplicate member ${userId}`);
      members.add(userId);
    });
    groups.add(g.group_id);
  });
  return {
    projects: file.projects.map((p) => ({ projectId: p.project_id, accountId: p.account_id, apiKey: p.api_key })),
    users: file.users.map((u) => ({
      id: u.user_id,
      projectId: u.project_id,
      appType: u.app_type === 2 ? 2 : 1,
      deviceToken: u.device_token,
      description: u.description ?? null,
      metadata: u.metadata ?? null,
      createdAt: u.created_at,
    })),
    groups: (file.groups ?? []).map((g) => ({
      id: g.group_id,
      projectId: g.project_id,
      description: g.description ?? null,
      users: [...g.users],
      createdAt: g.created_at,
      updatedAt: g.updated_at,
    })),
  };
}
