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
    const child = spawn(`${root}node_modules/.bin/vitest`, ['run', '--project', 'contract', 'test/contract/rocketchat/groups-create.contract.test.ts'], {
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
    const journal = (await (await fetch(`${running.url}/__admin/requests?session=worker-a&path=/api/v1/groups.create&status=200&limit=1`)).json()) as { requests: { responseBody: string }[] };
    const name = (JSON.parse(journal.requests[0]?.responseBody ?? '{}') as { group?: { name?: string } }).group?.name ?? '';
    const lookup = (session: string) =>
      fetch(`${running.url}/api/v1/groups.info?roomName=${encodeURIComponent(name)}`, {
        headers: { 'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'x-user-id': 'rbAXPnMktTFbNpwtJ', 'x-mock-session': session },
      });
    expect(name).not.toBe('');
    expect((await lookup('worker-a')).status).toBe(200);
    expect((await lookup('worker-b')).status).toBe(400);
  }, 120_000);
});
