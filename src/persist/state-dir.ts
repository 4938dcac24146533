import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Twin } from '../core/twin.ts';

/**
 * `--state-dir DIR`: every session's state on disk in the fixture format (DESIGN.md §6: the
 * fixture format is the on-disk format), so a restart — or `kill -9` — loses at most the last
 * second of changes. The request path stays in memory: sessions are marked dirty when they
 * change and written at most once per `intervalMs`, and once more at shutdown.
 *
 * Layout: `DIR/<session>/<api>.json` plus `DIR/<session>/session.json` (`{"session": id}`). Each
 * session folder is a complete fixture set: `--fixtures DIR/default` serves it. Files are written
 * to a temporary name and renamed, so a crash never leaves half a file.
 */
export interface StateDir {
  /** Loads every saved session into `twin`; returns what was restored and what was skipped, and why. */
  restore(twin: Twin): Promise<{ restored: string[]; skipped: { session: string; why: string }[] }>;
  /** Starts following `twin`'s sessions (again, after a `--watch` reload swapped twins). */
  follow(twin: Twin): void;
  /** Writes what changed since the last write. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

/** Session folder name: the id when it is a plain name, else a hash (ids may hold `/` or `..`). */
export function sessionFolder(id: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : `~${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

/** Persists the sessions of the twin it follows into `dir`. */
export function createStateDir(dir: string, intervalMs = 1000, onError: (message: string) => void = () => undefined): StateDir {
  let twin: Twin | undefined;
  let unsubscribe = (): void => undefined;
  // The latest thing to do per session: write its state, or delete its folder.
  const pending = new Map<string, 'write' | 'delete'>();
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => { void flush(); }, intervalMs);
  timer.unref();

  async function writeSession(current: Twin, id: string): Promise<void> {
    // Exported synchronously: one consistent picture of the session, whatever comes next.
    const files = current.controls.apis.map((api) => [`${api}.json`, `${JSON.stringify(current.controls.exportState(id, api), null, 1)}\n`] as const);
    const folder = join(dir, sessionFolder(id));
    await mkdir(folder, { recursive: true });
    // session.json first: a folder whose API files are there always says whose they are.
    for (const [name, text] of [['session.json', `${JSON.stringify({ session: id })}\n`] as const, ...files]) {
      const tmp = join(folder, `.${name}.${process.pid}.tmp`);
      await writeFile(tmp, text);
      await rename(tmp, join(folder, name));
    }
  }

  async function run(): Promise<void> {
    const current = twin;
    if (!current) return;
    const work = [...pending];
    pending.clear();
    for (const [id, action] of work) {
      try {
        if (action === 'delete') await rm(join(dir, sessionFolder(id)), { recursive: true, force: true });
        else await writeSession(current, id);
      } catch (error) {
        onError(`could not save session ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  function flush(): Promise<void> {
    // One write at a time; a flush asked for while one runs waits for it and then runs.
    running = running.then(run, run);
    return running;
  }

  return {
    async restore(target) {
      const restored: string[] = [];
      const skipped: { session: string; why: string }[] = [];
      await mkdir(dir, { recursive: true });
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const folder = join(dir, entry.name);
        try {
          const meta: unknown = JSON.parse(await readFile(join(folder, 'session.json'), 'utf8'));
          const id = typeof meta === 'object' && meta !== null && 'session' in meta && typeof meta.session === 'string' ? meta.session : undefined;
          if (id === undefined) throw new Error('session.json names no session');
          const states: Record<string, unknown> = {};
          for (const api of target.controls.apis) {
            const text = await readFile(join(folder, `${api}.json`), 'utf8').catch(() => undefined);
            if (text !== undefined) states[api] = JSON.parse(text) as unknown;
          }
          const result = target.controls.importState(id, states);
          if (result.ok) restored.push(id);
          else skipped.push({ session: id, why: `${result.api}: ${result.pointer || '/'}: ${result.reason}` });
        } catch (error) {
          skipped.push({ session: entry.name, why: error instanceof Error ? error.message : String(error) });
        }
      }
      // Restoring marked every session changed; what is on disk is already current.
      pending.clear();
      return { restored, skipped };
    },
    follow(target) {
      unsubscribe();
      twin = target;
      unsubscribe = target.controls.watchSessions((id, event) => {
        pending.set(id, event === 'changed' ? 'write' : 'delete');
      });
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
      unsubscribe();
    },
  };
}
