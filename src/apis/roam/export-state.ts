import type { RoamFixtureFile } from './fixture-schema.ts';
import type { RoamStore } from './store.ts';

/** A store's whole state in the `roam.json` format: what `GET /__admin/state` returns. */
export function exportRoamState(store: RoamStore): RoamFixtureFile {
  const { projects, users, groups } = store.snapshot();
  return {
    projects: projects.map((p) => ({ project_id: p.projectId, account_id: p.accountId, api_key: p.apiKey })),
    users: users.map((u) => ({
      user_id: u.id,
      project_id: u.projectId,
      app_type: u.appType,
      device_token: u.deviceToken,
      description: u.description,
      metadata: u.metadata === null ? null : { ...u.metadata },
      created_at: u.createdAt,
    })),
    groups: groups.map((g) => ({
      group_id: g.id,
      project_id: g.projectId,
      description: g.description,
      users: [...g.users],
      created_at: g.createdAt,
      updated_at: g.updatedAt,
    })),
  };
}
