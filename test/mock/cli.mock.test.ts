import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

/** Starts `src/cli.ts` as `npm start` does (tsx), with extra arguments. */
function startCli(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

/** Resolves with stdout once the banner names the base URL. */
function readyUrl(child: ChildProcessWithoutNullStreams): Promise<{ url: string; text: string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const url = /Rocket\.Chat\s+(http:\/\/\S+?)\/api\/v1\//.exec(text)?.[1];
      if (url !== undefined && text.includes('Try:')) resolve({ url, text });
    });
    child.on('exit', (code) => { reject(new Error(`exited ${code}: ${text}`)); });
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => { resolve({ code, stderr }); }));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('npm start (src/cli.ts)', () => {
  it('serves both APIs, prints URLs and curls, answers health, and stops cleanly on SIGTERM', async () => {
    const child = startCli(['--port', '0']);
    const exited = exitOf(child);
    const { url, text } = await readyUrl(child);
    expect(text).toContain(`${url}/v1/api/`);
    expect(text).toContain(`curl -X POST ${url}/api/v1/groups.create`);
    expect(text).toContain(`curl -X POST ${url}/v1/api/group/`);
    const health = await fetch(`${url}/__admin/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const roam = await fetch(`${url}/v1/api/group/`, {
      method: 'POST',
      headers: { 'api-key': '289eb8eb262140629664078bec76d60c', 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'from-cli-test' }),
    });
    expect(roam.status).toBe(201);
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  });

  it('takes PORT and HOST from the environment', async () => {
    const child = startCli([], { PORT: '0', HOST: '127.0.0.1' });
    const { url } = await readyUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
  });

  it('swaps the fixture set with --fixtures and stops on a bad fixture with file, pointer and reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-fixtures-'));
    await copyFile(join(root, 'fixtures/default/roam.json'), join(dir, 'roam.json'));
    await writeFile(join(dir, 'rocketchat.json'), JSON.stringify({ users: 'not a list' }));
    const child = startCli(['--port', '0', '--fixtures', dir]);
    const { code, stderr } = await exitOf(child);
    expect(code).toBe(2);
    expect(stderr).toContain(join(dir, 'rocketchat.json'));
    expect(stderr).toMatch(/bad fixture: .*rocketchat\.json: \/\S*: /);
  });

  it('rejects unknown flags and bad ports in one line with a --help hint', async () => {
    const { code, stderr } = await exitOf(startCli(['--port', 'abc']));
    expect(code).toBe(2);
    expect(stderr).toBe('api-twin: invalid port "abc" (api-twin --help for usage)\n');
    const unknown = await exitOf(startCli(['--nope']));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a non-loopback bind without an admin token, and starts with one', async () => {
    const refused = await exitOf(startCli(['--port', '0', '--host', '0.0.0.0']));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('warning: binding 0.0.0.0 answers other machines');
    expect(refused.stderr).toContain('needs --admin-token');
    const child = startCli(['--port', '0', '--host', '0.0.0.0', '--admin-token', 'tok-123']);
    const { url } = await readyUrl(child);
    const port = new URL(url).port;
    expect((await fetch(`http://127.0.0.1:${port}/__admin/health`)).status).toBe(403);
    const ok = await fetch(`http://127.0.0.1:${port}/__admin/health`, { headers: { authorization: 'Bearer tok-123' } });
    expect(ok.status).toBe(200);
  });

  it('takes --cors, --journal and --max-sessions', async () => {
    const child = startCli(['--port', '0', '--cors', 'https://app.example', '--journal', '0', '--max-sessions', '5']);
    const { url } = await readyUrl(child);
    const res = await fetch(`${url}/v1/api/group/`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    await fetch(`${url}/v1/api/group/`, { method: 'POST', headers: { 'api-key': '289eb8eb262140629664078bec76d60c' }, body: '{}' });
    expect(await (await fetch(`${url}/__admin/requests`)).json()).toEqual({ count: 0, requests: [] });
    const bad = await exitOf(startCli(['--journal', 'lots']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid journal "lots"');
  });

  it('prints every flag with --help and exits 0', async () => {
    const child = startCli(['--help']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    expect((await exitOf(child)).code).toBe(0);
    for (const flag of ['--port', '--host', '--fixtures', '--admin-token', '--cors', '--journal', '--max-sessions', '--watch', '--help']) expect(stdout).toContain(flag);
  });

  it('takes the admin token from ADMIN_TOKEN, binds any loopback address without one, and refuses an empty one', async () => {
    const remote = startCli(['--port', '0', '--host', '0.0.0.0'], { ADMIN_TOKEN: 'env-tok' });
    const { url } = await readyUrl(remote);
    const port = new URL(url).port;
    expect((await fetch(`http://127.0.0.1:${port}/__admin/health`, { headers: { authorization: 'Bearer env-tok' } })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/__admin/health`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(403);
    const loopback = await readyUrl(startCli(['--port', '0', '--host', '127.0.0.2']));
    expect(loopback.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect((await fetch(`${loopback.url}/__admin/health`)).status).toBe(200);
    const empty = await exitOf(startCli(['--port', '0', '--host', '0.0.0.0', '--admin-token', ' ']));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the admin token must not be empty');
  });

  it('--cors "*" allows any origin, --cors off none; a bad list is refused', async () => {
    const preflight = (url: string) =>
      fetch(`${url}/v1/api/group/`, { method: 'OPTIONS', headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'POST' } });
    const any = await readyUrl(startCli(['--port', '0', '--cors', '*']));
    expect((await preflight(any.url)).headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    const off = await readyUrl(startCli(['--port', '0', '--cors', 'off']));
    const local = await fetch(`${off.url}/v1/api/group/`, { headers: { origin: 'http://localhost:3000', 'api-key': '289eb8eb262140629664078bec76d60c' } });
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
    const bad = await exitOf(startCli(['--cors', 'ftp://files.example']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid cors "ftp://files.example"');
  });

  it('--max-sessions bounds the sessions (least recently used dropped) and must be at least 1', async () => {
    const { url } = await readyUrl(startCli(['--port', '0', '--max-sessions', '2']));
    const roam = (session: string, init: RequestInit = {}) =>
      fetch(`${url}/v1/api/group/?page_number=1`, { ...init, headers: { 'api-key': '289eb8eb262140629664078bec76d60c', 'content-type': 'application/json', 'x-mock-session': session } });
    expect((await roam('s1', { method: 'POST', body: '{"description":"in-s1"}' })).status).toBe(201);
    await roam('s2');
    expect(await (await roam('s1')).text()).toContain('in-s1');
    await roam('s2');
    await roam('s3'); // s1 is now the least recently used of three: dropped
    expect(await (await roam('s1')).text()).not.toContain('in-s1');
    const zero = await exitOf(startCli(['--max-sessions', '0']));
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('invalid max-sessions "0"');
  });

  it('--spec FILE@/prefix serves a document beside the vendors, lists what it cannot serve once, and --stateless turns inference off', async () => {
    const child = startCli(['--port', '0', '--spec', 'test/openapi/petstore-30.yaml@/v3', '--spec', 'test/openapi/bookshop/bookshop.yaml']);
    const exited = exitOf(child);
    const { url, text } = await readyUrl(child);
    expect(text).toContain(`OpenAPI      petstore-30: ${url}/v3/ (11 operations from ${join(root, 'test/openapi/petstore-30.yaml')}; GET /__admin/specs/petstore-30/operations)`);
    const created = await fetch(`${url}/v3/pets`, { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: '{"name":"Rex"}' });
    expect([created.status, created.headers.get('location')]).toEqual([201, '/v3/pets/1']);
    expect((await fetch(`${url}/v3/pets/1`, { headers: { 'x-api-key': 'k' } })).status).toBe(200);
    child.kill('SIGTERM');
    const { stderr } = await exited;
    expect(stderr.match(/cannot be served/g)).toHaveLength(1);
    expect(stderr).toContain('GET /v3/pets/{petId}/photo (getPetPhoto): no JSON response (only image/png)');

    const stateless = await readyUrl(startCli(['--port', '0', '--stateless', '--spec', 'test/openapi/petstore-30.yaml']));
    const read = await fetch(`${stateless.url}/pets/99`, { headers: { 'x-api-key': 'k' } });
    expect(read.status).toBe(200);
  });

  it('stops on a document it cannot serve with file, pointer and reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-bad-spec-'));
    await writeFile(join(dir, 'bad.yaml'), 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": { $ref: "#/components/responses/Missing" }\n');
    const { code, stderr } = await exitOf(startCli(['--port', '0', '--spec', join(dir, 'bad.yaml')]));
    expect(code).toBe(2);
    expect(stderr).toContain(`api-twin: bad spec: ${join(dir, 'bad.yaml')}: /paths/~1a/get/responses/200: $ref "#/components/responses/Missing" does not resolve`);
    const missing = await exitOf(startCli(['--port', '0', '--spec', join(dir, 'nope.yaml')]));
    expect([missing.code, missing.stderr]).toEqual([2, `api-twin: bad spec: ${join(dir, 'nope.yaml')}: /: cannot be read (ENOENT) (api-twin --help for usage)\n`]);
  });
});
