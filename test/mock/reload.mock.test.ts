import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURES_DIR } from '../../src/config.ts';
import { reloadTwin } from '../../src/reload.ts';
import type { Twin } from '../../src/core/twin.ts';
import { ROAM_KEY, TESTER, call, testTwin } from '../support/in-process.ts';

async function fixtureCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'twin-reload-'));
  await cp(DEFAULT_FIXTURES_DIR, dir, { recursive: true });
  return dir;
}

interface RoamFile { users: { user_id: string; project_id: string; app_type: number; device_token: string; created_at: string }[]; projects: { project_id: string }[] }

describe('reloadTwin', () => {
  it('moves every session into the new twin, which sees the new fixtures', async () => {
    const dir = await fixtureCopy();
    const old = await testTwin({ fixturesDir: dir });
    call(old, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, 'x-mock-session': 'a' }, json: { description: 'survives' } });
    call(old, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'survives too' } });
    const file = JSON.parse(await readFile(join(dir, 'roam.json'), 'utf8')) as RoamFile;
    file.users.push({ user_id: '6a0c20ce0000000000000001', project_id: '620e3ab8dea1d50efec54581', app_type: 1, device_token: 'new', created_at: '2026-05-19T08:35:26.000' });
    await writeFile(join(dir, 'roam.json'), JSON.stringify(file));

    const { twin, kept, dropped } = await reloadTwin(old, () => testTwin({ fixturesDir: dir }));
    expect([...kept].sort()).toEqual(['a', 'default']);
    expect(dropped).toEqual([]);
    const page = (session: string) => JSON.stringify(call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': session }, query: 'page_number=1' }).json);
    expect(page('a')).toContain('"survives"');
    expect(page('default')).toContain('"survives too"');
    // A fresh session starts from the new fixtures.
    expect(call(twin, '/v1/api/user/', { headers: { ...ROAM_KEY, 'x-mock-session': 'fresh' }, query: 'user_id=6a0c20ce0000000000000001' }).status).toBe(200);
  });

  it('restarts a session whose state the new twin refuses, and says why', async () => {
    const old = await testTwin();
    call(old, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, 'x-mock-session': 'b' }, json: { description: 'refused' } });
    const { twin, kept, dropped } = await reloadTwin(old, async () => {
      const next = await testTwin();
      // A new twin whose rules refuse session b's Roam state (as a changed fixture schema would).
      return {
        ...next,
        controls: {
          ...next.controls,
          importState: (session, states) => (session === 'b' ? { ok: false, api: 'roam', pointer: '/groups/0', reason: 'refused' } : next.controls.importState(session, states)),
        },
      };
    });
    expect(kept).toEqual([]);
    expect(dropped).toEqual([{ session: 'b', why: 'roam: /groups/0: refused' }]);
    expect(JSON.stringify(call(twin, '/v1/api/group/', { headers: { ...ROAM_KEY, 'x-mock-session': 'b' }, query: 'page_number=1' }).json)).not.toContain('refused');
  });

  it('a broken fixture stops the reload (the caller keeps serving the old twin)', async () => {
    const dir = await fixtureCopy();
    const old = await testTwin({ fixturesDir: dir });
    await writeFile(join(dir, 'roam.json'), '{ broken');
    await expect(reloadTwin(old, () => testTwin({ fixturesDir: dir }))).rejects.toThrow(/roam\.json/);
  });

  it('moves only the APIs a session used: one it never touched starts from the new fixtures', async () => {
    const dir = await fixtureCopy();
    const old = await testTwin({ fixturesDir: dir });
    call(old, '/api/v1/groups.create', { method: 'POST', headers: { ...TESTER, 'x-mock-session': 'rc-only' }, json: { name: 'rc-only-room' } });
    const file = JSON.parse(await readFile(join(dir, 'roam.json'), 'utf8')) as RoamFile;
    file.users.push({ user_id: '6a0c20ce0000000000000003', project_id: '620e3ab8dea1d50efec54581', app_type: 1, device_token: 'x', created_at: '2026-05-19T08:35:26.000' });
    await writeFile(join(dir, 'roam.json'), JSON.stringify(file));
    const { twin, kept } = await reloadTwin(old, () => testTwin({ fixturesDir: dir }));
    expect(kept).toEqual(['rc-only']);
    const headers = { ...ROAM_KEY, 'x-mock-session': 'rc-only' };
    expect(call(twin, '/v1/api/user/', { headers, query: 'user_id=6a0c20ce0000000000000003' }).status).toBe(200);
    expect(call(twin, '/api/v1/groups.info', { headers: { ...TESTER, 'x-mock-session': 'rc-only' }, query: 'roomName=rc-only-room' }).status).toBe(200);
  });

  it('keeps the journal, and installs the new twin before anything else can run', async () => {
    const old = await testTwin();
    call(old, '/v1/api/group/', { method: 'POST', headers: ROAM_KEY, json: { description: 'journaled' } });
    let installed: Twin | undefined;
    let journalWhenInstalled = -1;
    const { twin } = await reloadTwin(old, () => testTwin(), (next) => {
      installed = next;
      journalWhenInstalled = next.controls.journal.find().length;
    });
    expect(installed).toBe(twin);
    expect(journalWhenInstalled).toBe(1);
    call(twin, '/v1/api/group/', { headers: ROAM_KEY, query: 'page_number=1' });
    expect(twin.controls.journal.find().map((e) => [e.id, e.method])).toEqual([[1, 'POST'], [2, 'GET']]);
  });

  it('a refused build installs nothing', async () => {
    let installs = 0;
    await expect(reloadTwin(await testTwin(), () => Promise.reject(new Error('spec broken')), () => { installs += 1; })).rejects.toThrow('spec broken');
    expect(installs).toBe(0);
  });
});
