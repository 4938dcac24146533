import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let running: RunningTwin;
beforeAll(async () => { running = await startTwin({ port: 0 }); });
afterAll(async () => { await running.close(); });

/** Runs one contract file in its own vitest process against the shared twin, in session `session`. */
function contractRun(session: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(`${root}node_modules/.bin/vitest`, ['run', '--project', 'contract', 'test/contract/roam/create-group.contract.test.ts'], {
      cwd: root,
      env: { ...process.env, BASE_URL: running.url, MOCK_SESSION: session },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    child.on('exit', (code) => { resolve({ code, output }); });
  });
}

describe('two test workers, one server, one session each', () => {
  it('both runs of the same contract file pass side by side, each in its own state', async () => {
    const [a, b] = await Promise.all([contractRun('worker-a'), contractRun('worker-b')]);
    expect(a.code, a.output.slice(-2000)).toBe(0);
    expect(b.code, b.output.slice(-2000)).toBe(0);
    const count = async (session: string) =>
      ((await (await fetch(`${running.url}/__admin/requests?session=${session}`)).json()) as { count: number }).count;
    expect(await count('worker-a')).toBeGreaterThan(10);
    expect(await count('worker-b')).toBeGreaterThan(10);
    expect(await count('default')).toBe(0);
    // The groups each worker created exist only in its own session.
    const journal = (await (await fetch(`${running.url}/__admin/requests?session=worker-a&path=/v1/api/group/&method=POST&status=201`)).json()) as { requests: { responseBody: string }[] };
    // A group of the first project, whose key the lookups below use.
    // (The journal keeps the first 16 KiB of a body, so a huge answer may not parse.)
    const created = journal.requests.map((r) => /"group_id":"([0-9a-f]{24})","project_id":"([0-9a-f]{24})"/.exec(r.responseBody));
    const groupId = created.find((m) => m?.[2] === '620e3ab8dea1d50efec54581')?.[1] ?? '';
    expect(groupId).toMatch(/^[0-9a-f]{24}$/);
    const lookup = (session: string) =>
      fetch(`${running.url}/v1/api/group/?group_id=${groupId}`, { headers: { 'api-key': '289eb8eb262140629664078bec76d60c', 'x-mock-session': session } });
    expect((await lookup('worker-a')).status).toBe(200);
    expect((await lookup('worker-b')).status).toBe(400);
  }, 120_000);
});
