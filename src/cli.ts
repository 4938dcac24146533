#!/usr/bin/env node
// The only reader of argv and env: builds the configuration, starts the node:http server,
// prints where everything is, and shuts down cleanly on SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readyBanner } from './banner.ts';
import type { TwinConfig } from './config.ts';
import type { CorsPolicy } from './core/cors.ts';
import { FixtureError } from './core/fixtures.ts';
import { startTwin, type RunningTwin } from './http/node-server.ts';
import { DEFAULT_FIXTURES_DIR } from './config.ts';
import { createTwin } from './create-twin.ts';
import { fromRoot } from './paths.ts';
import { reloadTwin } from './reload.ts';
import { watchDirs } from './watch.ts';

const usage = `Usage: npm start -- [options]

  --port N            port to listen on (env PORT; default 4010)
  --host ADDR         address to bind (env HOST; default 127.0.0.1). Any other than loopback
                      needs an admin token, since the twin then answers other machines
  --fixtures DIR      folder with rocketchat.json and roam.json (default: fixtures/default)
  --admin-token T     require "Authorization: Bearer T" on /__admin/* (env ADMIN_TOKEN);
                      without it the admin API answers loopback clients only
  --cors POLICY       localhost (default: any localhost origin), *, off, or a comma list of origins
  --journal N         requests kept in the journal (default 1000; 0 turns it off)
  --max-sessions N    X-Mock-Session states kept at once, 1 or more (default 1000)
  --watch             reload fixtures and specs when they change; live sessions keep their
                      state where it passes the new checks, new or reset sessions start from
                      the new fixtures
  --help              this text`;

function fail(message: string): never {
  console.error(`api-twin: ${message}\n\n${usage}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string' },
      'admin-token': { type: 'string' },
      cors: { type: 'string' },
      journal: { type: 'string' },
      'max-sessions': { type: 'string' },
      watch: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help === true) {
  console.log(usage);
  process.exit(0);
}

const text = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined);

function wholeNumber(name: string, raw: string, max: number, min = 0): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > max || n < min) fail(`invalid ${name} "${raw}"`);
  return n;
}

function corsPolicy(raw: string): CorsPolicy {
  if (raw === 'localhost' || raw === '*' || raw === 'off') return raw;
  const origins = raw.split(',').map((o) => o.trim()).filter((o) => o !== '');
  if (origins.length === 0 || origins.some((o) => !/^https?:\/\/[^/\s]+$/.test(o))) fail(`invalid cors "${raw}"`);
  return origins;
}

const port = wholeNumber('port', text('port') ?? process.env.PORT ?? '4010', 65535);
const host = text('host') ?? process.env.HOST ?? '127.0.0.1';
const adminToken = text('admin-token') ?? (process.env.ADMIN_TOKEN || undefined);
if (adminToken !== undefined && adminToken.trim() === '') fail('the admin token must not be empty');
const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);
if (!loopback) {
  console.error(`api-twin: warning: binding ${host} answers other machines, not only this one`);
  if (adminToken === undefined) fail(`binding ${host} needs --admin-token (or ADMIN_TOKEN), so the admin API is not open to the network`);
}
const config: Partial<TwinConfig> = {
  ...(text('fixtures') === undefined ? {} : { fixturesDir: resolve(text('fixtures') ?? '') }),
  ...(adminToken === undefined ? {} : { adminToken }),
  ...(text('cors') === undefined ? {} : { cors: corsPolicy(text('cors') ?? '') }),
  ...(text('journal') === undefined ? {} : { journalSize: wholeNumber('journal', text('journal') ?? '', 1_000_000) }),
  ...(text('max-sessions') === undefined ? {} : { maxSessions: wholeNumber('max-sessions', text('max-sessions') ?? '', 100_000, 1) }),
};
const started = performance.now();

/** `--watch`: rebuild on changes to the fixtures or specs, moving live sessions across. */
function watchForChanges(running: RunningTwin): () => void {
  const dirs = [config.fixturesDir ?? DEFAULT_FIXTURES_DIR, fromRoot('openapi')];
  console.log(`api-twin: watching ${dirs.join(' and ')}`);
  let reloading = Promise.resolve();
  const onError = (error: Error) => { console.error(`api-twin: watching stopped: ${error.message}`); };
  return watchDirs(dirs, onError, () => {
    reloading = reloading.then(async () => {
      try {
        const { kept, dropped } = await reloadTwin(running.twin, () => createTwin(config), (twin) => { running.swap(twin); });
        const lost = dropped.map((d) => `${d.session} (${d.why})`).join(', ');
        const hint = kept.length > 0 ? ' (POST /__admin/reset starts them from the new fixtures)' : '';
        console.log(`api-twin: reloaded; kept ${kept.length} session(s)${hint}${dropped.length > 0 ? `; restarted from fixtures: ${lost}` : ''}`);
      } catch (error) {
        console.error(`api-twin: reload failed, still serving the previous version: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
}

try {
  const running = await startTwin({ port, host, ...config });
  console.log(readyBanner(running.url, performance.now() - started));
  const stopWatching = values.watch === true ? watchForChanges(running) : () => undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`api-twin: ${signal}, finishing in-flight requests`);
    stopWatching();
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
} catch (error) {
  if (error instanceof FixtureError) fail(`bad fixture: ${error.message}`);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(`${host}:${port} is already in use`);
  throw error;
}
