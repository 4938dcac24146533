import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { TESTER } from '../support/in-process.ts';

/** Robustness finding 10, the smaller points: each answered as problem+json, with no file paths. */

const root = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

let running: RunningTwin;
beforeAll(async () => { running = await startTwin({ port: 0, timeouts: { headersMs: 300, requestMs: 600 }, maxSessionBytes: 4 * MB, defaultSessionBytes: 4 * MB }); });
afterAll(async () => { await running.close(); });

/** Writes raw bytes and reads until the server closes the connection. */
function exchange(bytes: string, end = true): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(running.port, '127.0.0.1', () => {
      if (end) socket.end(bytes);
      else socket.write(bytes);
    });
    let text = '';
    socket.on('data', (c: Buffer) => { text += c.toString(); });
    socket.on('close', () => { resolve(text); });
    socket.on('error', () => { resolve(text); });
  });
}

describe('wire-level answers', () => {
  it('a client too slow with its headers gets 408 problem+json, not "400 Malformed HTTP request"', { timeout: 20_000 }, async () => {
    const text = await exchange('GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', false);
    expect(text).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(text).toContain('"type":"urn:api-twin:problem:request-timeout"');
  });

  it('a request without Host gets a 400 problem with a body', async () => {
    const text = await exchange('GET /v1/api/group/?page_number=1 HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('application/problem+json');
    expect(text).toContain('urn:api-twin:problem:missing-host');
  });

  it('an admin body over its limit is a 413 problem; a full session export fits back in', async () => {
    const create = (name: string) =>
      fetch(`${running.url}/api/v1/groups.create`, { method: 'POST', headers: { ...TESTER, 'content-type': 'application/json' }, body: JSON.stringify({ name, customFields: { pad: 'p'.repeat(400_000) } }) });
    for (let i = 0; i < 20; i += 1) if ((await create(`fill-${i}`)).status !== 200) break;
    const exported = await (await fetch(`${running.url}/__admin/state`)).text();
    expect(exported.length).toBeGreaterThan(MB);
    const back = await fetch(`${running.url}/__admin/state?session=copy`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: exported });
    expect(back.status).toBe(200);
    const huge = await fetch(`${running.url}/__admin/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: `{"roam":{"pad":"${'x'.repeat(9 * MB)}"}}` });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ type: 'urn:api-twin:problem:admin-body-too-large' });
  });

  it('the docs 404 names no file system path', async () => {
    const res = await fetch(`${running.url}/docs/missing.html`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain(root);
    expect(text).toContain('npm run docs');
  });
});

describe('answers nobody reads are bounded', () => {
  it('past maxUnsentBytes of unread answers, new requests get 503 until clients read', { timeout: 30_000 }, async () => {
    const twin = await startTwin({ port: 0, maxUnsentBytes: 1 * MB });
    const headers = { ...TESTER, 'content-type': 'application/json' };
    for (let i = 0; i < 8; i += 1) {
      await fetch(`${twin.url}/api/v1/groups.create`, { method: 'POST', headers, body: JSON.stringify({ name: `wide-${i}`, customFields: { pad: 'p'.repeat(100_000) } }) });
    }
    const listBytes = Buffer.byteLength(await (await fetch(`${twin.url}/api/v1/groups.list?count=0`, { headers: TESTER })).text());
    expect(listBytes).toBeGreaterThan(800_000);
    // A client pipelines requests for ~800 KB answers and reads none of them.
    const greedy = connect(twin.port, '127.0.0.1');
    const request = `GET /api/v1/groups.list?count=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: ${TESTER['x-auth-token']}\r\nX-User-Id: ${TESTER['x-user-id']}\r\n\r\n`;
    greedy.write(request.repeat(40));
    greedy.pause();
    let status = 200;
    for (let i = 0; i < 1000 && status !== 503; i += 1) status = (await fetch(`${twin.url}/__admin/health`)).status;
    expect(status).toBe(503);
    const busy = await fetch(`${twin.url}/__admin/health`);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(await busy.json()).toMatchObject({ type: 'urn:api-twin:problem:busy' });
    // Once it reads, it gets every one of its 40 answers (none is lost, the connection never hangs),
    // and new requests are served again.
    let received = 0;
    const all = new Promise<void>((resolve) => {
      greedy.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= 40 * listBytes) resolve();
      });
    });
    greedy.resume();
    await all;
    greedy.destroy();
    for (let i = 0; i < 1000 && status !== 200; i += 1) status = (await fetch(`${twin.url}/__admin/health`)).status;
    expect(status).toBe(200);
    await twin.close();
  });
});

describe('CLI start-up errors are one line', () => {
  function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('api-twin ready')) child.kill('SIGTERM');
    });
    return new Promise((resolve) => child.on('exit', (code) => { resolve({ code, stderr, stdout }); }));
  }

  it('--host 127.999.0.1 is refused without a stack trace', async () => {
    const { code, stderr } = await run(['--host', '127.999.0.1', '--port', '0']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('invalid host "127.999.0.1"');
  });

  it('an address this machine does not have is one line too', async () => {
    const { code, stderr } = await run(['--host', '192.0.2.1', '--port', '0', '--admin-token', 't']);
    expect(code).toBe(2);
    expect(stderr).toContain('192.0.2.1 is not an address of this machine');
    expect(stderr).not.toContain('    at ');
  });

  it('takes the admin token from a file, and refuses an empty file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-token-'));
    await writeFile(join(dir, 'token'), 'from-file\n');
    await writeFile(join(dir, 'empty'), '\n');
    const started = await run(['--host', '0.0.0.0', '--port', '0', '--admin-token-file', join(dir, 'token')]);
    expect(started.stdout).toContain('api-twin ready');
    expect(started.stdout).not.toContain('from-file');
    const empty = await run(['--host', '0.0.0.0', '--port', '0', '--admin-token-file', join(dir, 'empty')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('the admin token must not be empty');
  });
});

describe('served reference docs', () => {
  it('name the twin that serves them in "Servers", and only for answered Host headers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-docs-'));
    await writeFile(join(dir, 'rocketchat.html'), '<script>var s={"servers":[{"url":"http://127.0.0.1:4010"}]}</script>');
    const twin = await startTwin({ port: 0, docsDir: dir });
    const page = await (await fetch(`${twin.url}/docs/rocketchat.html`)).text();
    expect(page).toContain(`"url":"${twin.url}"`);
    expect(page).not.toContain('127.0.0.1:4010');
    await twin.close();
  });
});
