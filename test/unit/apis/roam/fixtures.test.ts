import { unboundedMeter } from '../../../../src/core/byte-budget.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoamFixtureFile } from '../../../../src/apis/roam/fixture-schema.ts';
import { loadRoamFixtures, toSeed } from '../../../../src/apis/roam/fixtures.ts';
import { DEFAULT_FIXTURES_DIR } from '../../../../src/config.ts';
import { FixtureError } from '../../../../src/core/fixtures.ts';
import { call, KEY_1, KEY_2, pinnedDeps, PROJECT_1, USER_A } from './support.ts';

const project = { project_id: '620e3ab8dea1d50efec54581', account_id: '620e3a9cdea1d50efec5456f', api_key: 'k1' };
const user = { user_id: USER_A, project_id: PROJECT_1, app_type: 1, device_token: 't', created_at: '2022-08-04T06:28:54.312' };
const base: RoamFixtureFile = { projects: [project], users: [user], groups: [] };

function pointerOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FixtureError) return `${error.pointer}: ${error.reason}`;
    throw error;
  }
  return undefined;
}

describe('roam.json fixtures', () => {
  it('loads the bundled fixtures with both projects', async () => {
    const session = (await loadRoamFixtures(DEFAULT_FIXTURES_DIR, pinnedDeps())).fresh(unboundedMeter());
    expect(session.authenticate('getGroups', { 'api-key': KEY_1 }).ok).toBe(true);
    expect(session.authenticate('getGroups', { 'api-key': KEY_2 }).ok).toBe(true);
    expect(call(session, 'getUser', KEY_1, { query: { user_id: USER_A } }).status).toBe(200);
  });

  it('accepts a minimal valid file', () => {
    expect(toSeed(base, 'roam.json').users).toHaveLength(1);
  });

  it.each<[string, RoamFixtureFile, string]>([
    ['duplicate project', { ...base, projects: [...base.projects, { ...project, api_key: 'k2' }] }, '/projects/1/project_id: duplicate project id 620e3ab8dea1d50efec54581'],
    ['duplicate key', { ...base, projects: [...base.projects, { project_id: 'aaaaaaaaaaaaaaaaaaaaaaaa', account_id: 'aaaaaaaaaaaaaaaaaaaaaaab', api_key: 'k1' }] }, '/projects/1/api_key: duplicate api key'],
    ['duplicate user', { ...base, users: [user, user] }, `/users/1/user_id: duplicate user id ${USER_A}`],
    ['user of unknown project', { ...base, users: [{ ...user, project_id: 'cccccccccccccccccccccccc' }] }, '/users/0/project_id: unknown project cccccccccccccccccccccccc'],
    ['id time ≠ created_at', { ...base, users: [{ ...user, created_at: '2022-08-04T06:28:55.000' }] }, '/users/0/created_at: not the second encoded in user_id'],
    [
      'group member of unknown user',
      { ...base, groups: [{ group_id: '63219da797f30b287431c4c5', project_id: PROJECT_1, users: ['621e0782aa28db38198093e6'], created_at: '2022-09-14T09:23:51.456', updated_at: '2022-09-14T09:23:51.456' }] },
      '/groups/0/users/0: 621e0782aa28db38198093e6 is not a user of project 620e3ab8dea1d50efec54581',
    ],
    [
      'group updated before created',
      { ...base, groups: [{ group_id: '63219da797f30b287431c4c5', project_id: PROJECT_1, users: [], created_at: '2022-09-14T09:23:51.456', updated_at: '2022-09-14T09:23:51.000' }] },
      '/groups/0/updated_at: earlier than created_at',
    ],
  ])('rejects %s', (_name, file, expected) => {
    expect(pointerOf(() => toSeed(file, 'roam.json'))).toBe(expected);
  });

  it('rejects ids that are not lower-case 24-hex (schema)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roam-fixtures-'));
    writeFileSync(join(dir, 'roam.json'), JSON.stringify({ ...base, users: [{ ...user, user_id: USER_A.toUpperCase() }] }));
    await expect(loadRoamFixtures(dir, pinnedDeps())).rejects.toThrow(/\/users\/0\/user_id/);
  });

  it('rejects a missing file', async () => {
    await expect(loadRoamFixtures(join(tmpdir(), 'no-such-roam-dir'), pinnedDeps())).rejects.toBeInstanceOf(FixtureError);
  });
});
