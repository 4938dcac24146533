import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTwin } from '../../src/http/node-server.ts';
import { sessionFolder } from '../../src/persist/state-dir.ts';
import { ROAM_KEY, TESTER } from '../support/in-process.ts';

/** `--state-dir`: sessions survive restarts, `kill -9` included (at most the last second lost). */

const root = fileURLToPath(new URL('../../', import.meta.url));
const json = { 'content-type': 'application/json' };

/** Resolves once `file` exists and contains `text` (fs.watch, no polling). */
function fileContaining(dir: string, file: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      readFile(join(dir, file), 'utf8').then((content) => {
        if (content.includes(text)) {
          watcher.close();
          resolve();
        }
      }, () => undefined);
    };
    const watcher = watch(dir, { recursive: true }, check);
    check();
  });
}

function startCli(args: string[]): { child: ChildProcessWithoutNullStreams; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root });
  const url = new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Admin\s+(http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { child, url };
}

describe('--state-dir', () => {
  it('survives kill -9: groups created before it are read back after a restart', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-state-'));
    const first = startCli(['--port', '0', '--state-dir', dir]);
    const url = await first.url;
    expect((await fetch(`${url}/api/v1/groups.create`, { method: 'POST', headers: { ...TESTER, ...json }, body: JSON.stringify({ name: 'before-kill' }) })).status).toBe(200);
    expect((await fetch(`${url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, ...json, 'x-mock-session': 'worker-1' }, body: JSON.stringify({ description: 'roam-before-kill' }) })).status).toBe(201);
    await fileContaining(dir, 'default/rocketchat.json', 'before-kill');
    await fileContaining(dir, 'worker-1/roam.json', 'roam-before-kill');
    const killed = new Promise((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGKILL');
    await killed;

    const second = startCli(['--port', '0', '--state-dir', dir]);
    const again = await second.url;
    const info = await fetch(`${again}/api/v1/groups.info?roomName=before-kill`, { headers: TESTER });
    expect(info.status).toBe(200);
    const page = await (await fetch(`${again}/v1/api/group/?page_number=1`, { headers: { ...ROAM_KEY, 'x-mock-session': 'worker-1' } })).text();
    expect(page).toContain('roam-before-kill');
    const exited = new Promise((resolve) => second.child.on('exit', resolve));
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('writes at shutdown, restores every session, and deletes the folder of a reset session', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-state-'));
    const one = await startTwin({ port: 0, stateDir: dir });
    await fetch(`${one.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, ...json, 'x-mock-session': 'a/b ü' }, body: JSON.stringify({ description: 'odd session id' }) });
    await fetch(`${one.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, ...json, 'x-mock-session': 'gone' }, body: JSON.stringify({ description: 'reset me' }) });
    await one.close();
    expect((await readdir(dir)).sort()).toEqual([sessionFolder('a/b ü'), 'gone'].sort());
    expect(sessionFolder('a/b ü')).toMatch(/^~[0-9a-f]{32}$/);

    const two = await startTwin({ port: 0, stateDir: dir });
    expect([...two.restored.sessions].sort()).toEqual(['a/b ü', 'gone']);
    const page = await (await fetch(`${two.url}/v1/api/group/?page_number=1`, { headers: { ...ROAM_KEY, 'x-mock-session': 'a/b ü' } })).text();
    expect(page).toContain('odd session id');
    await fetch(`${two.url}/__admin/reset?session=gone`, { method: 'POST' });
    await two.close();
    expect(await readdir(dir)).toEqual([sessionFolder('a/b ü')]);
  });

  it('each session folder is a fixture set that --fixtures serves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-state-'));
    const one = await startTwin({ port: 0, stateDir: dir });
    await fetch(`${one.url}/api/v1/groups.create`, { method: 'POST', headers: { ...TESTER, ...json }, body: JSON.stringify({ name: 'as-fixture' }) });
    await one.close();
    const served = await startTwin({ port: 0, fixturesDir: join(dir, 'default') });
    expect((await fetch(`${served.url}/api/v1/groups.info?roomName=as-fixture`, { headers: { ...TESTER, 'x-mock-session': 'fresh' } })).status).toBe(200);
    await served.close();
  });

  it('skips a saved session that no longer passes the fixture checks, and says why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-state-'));
    const one = await startTwin({ port: 0, stateDir: dir });
    await fetch(`${one.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, ...json }, body: '{}' });
    await one.close();
    await writeFile(join(dir, 'default', 'roam.json'), '{"projects": "broken", "users": [], "groups": []}');
    const two = await startTwin({ port: 0, stateDir: dir });
    expect(two.restored.skipped).toEqual([{ session: 'default', why: 'roam: /projects: must be array' }]);
    await two.close();
  });
});
