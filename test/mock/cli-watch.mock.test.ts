import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The CLI's output as it arrives; `waitFor` resolves once a line matches, never by sleeping. */
class Output {
  text = '';
  private readonly waiters: (() => void)[] = [];

  constructor(child: ChildProcessWithoutNullStreams) {
    const add = (chunk: Buffer) => {
      this.text += chunk.toString();
      for (const waiter of this.waiters.splice(0)) waiter();
    };
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    child.on('exit', (code) => {
      this.text += `\n[exited ${String(code)}]\n`;
      for (const waiter of this.waiters.splice(0)) waiter();
    });
  }

  /** The first line after character `from` that matches `pattern`. */
  waitFor(pattern: RegExp, from = 0): Promise<{ line: string; end: number }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const rest = this.text.slice(from);
        const line = rest.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) resolve({ line, end: from + rest.indexOf(line) + line.length });
        else if (/\[exited /.test(rest)) reject(new Error(`CLI exited before ${String(pattern)}:\n${this.text}`));
        else this.waiters.push(check);
      };
      check();
    });
  }
}

const ROAM = { 'api-key': '289eb8eb262140629664078bec76d60c', 'content-type': 'application/json' };
const NEW_USER = '6a0c20ce0000000000000002';

describe('npm start -- --watch', () => {
  it('reloads changed fixtures, keeps live sessions, and keeps serving the old version while the fixtures are broken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twin-watch-'));
    await cp(join(root, 'fixtures/default'), dir, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--fixtures', dir, '--watch'], { cwd: root });
    children.push(child);
    const out = new Output(child);
    const ready = await out.waitFor(/api-twin: watching /);
    const url = /Rocket\.Chat\s+(http:\/\/\S+?)\/api\/v1\//.exec(out.text)?.[1] ?? '';
    expect(url).not.toBe('');

    const created = await fetch(`${url}/v1/api/group/`, { method: 'POST', headers: ROAM, body: '{"description":"before-reload"}' });
    expect(created.status).toBe(201);
    const groupsOf = async (session: string) =>
      (await fetch(`${url}/v1/api/group/?page_number=1`, { headers: { ...ROAM, 'x-mock-session': session } })).text();
    const userStatus = async (session: string) =>
      (await fetch(`${url}/v1/api/user/?user_id=${NEW_USER}`, { headers: { ...ROAM, 'x-mock-session': session } })).status;

    // A broken fixture: the reload fails with the FixtureError and the old twin keeps answering.
    const original = await readFile(join(dir, 'roam.json'), 'utf8');
    await writeFile(join(dir, 'roam.json'), '{ "projects": ');
    const failed = await out.waitFor(/reload failed, still serving the previous version/, ready.end);
    expect(failed.line).toContain(`${join(dir, 'roam.json')}: /: not valid JSON`);
    expect(await groupsOf('default')).toContain('before-reload');

    // A good edit: one more Roam user.
    const file = JSON.parse(original) as { users: unknown[] };
    file.users.push({ user_id: NEW_USER, project_id: '620e3ab8dea1d50efec54581', app_type: 2, device_token: 'added', created_at: '2026-05-19T08:35:26.000' });
    await writeFile(join(dir, 'roam.json'), JSON.stringify(file));
    const reloaded = await out.waitFor(/api-twin: reloaded; kept \d+ session/, failed.end);
    expect(reloaded.line).toContain('kept 1 session');

    // The live session kept its group; a new session starts from the new fixtures.
    expect(await groupsOf('default')).toContain('before-reload');
    expect(await userStatus('after-reload')).toBe(200);
    expect(await groupsOf('after-reload')).not.toContain('before-reload');
    // The journal survived the reload.
    const journal = (await (await fetch(`${url}/__admin/requests?path=/v1/api/group/&method=POST`)).json()) as { count: number };
    expect(journal.count).toBe(1);
    // Resetting the live session moves it onto the new fixtures too.
    expect(await userStatus('default')).toBe(400);
    await fetch(`${url}/__admin/reset?session=default`, { method: 'POST' });
    expect(await userStatus('default')).toBe(200);
  });
});
