#!/usr/bin/env node
// The only reader of argv and env: builds the configuration, starts the node:http server,
// prints where everything is, and shuts down within the grace period on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readyBanner } from './banner.ts';
import { DEFAULT_FIXTURES_DIR, resolveConfig, type TwinConfig } from './config.ts';
import type { CorsPolicy } from './core/cors.ts';
import type { AllowedHosts } from './core/host-check.ts';
import { SpecError, type SpecSource } from './apis/openapi/index.ts';
import { FixtureError } from './core/fixtures.ts';
import { createTwin } from './create-twin.ts';
import { startTwin, type RunningTwin } from './http/node-server.ts';
import { memoryPlan } from './memory-plan.ts';
import { fromRoot } from './paths.ts';
import { reloadTwin } from './reload.ts';
import { watchDirs } from './watch.ts';

const usage = `Usage: api-twin [options]   (npm start -- [options])

  --port N               port to listen on (env PORT; default 4010)
  --host ADDR            address to bind (env HOST; default 127.0.0.1). Any other than loopback
                         needs an admin token, since the twin then answers other machines
  --fixtures DIR         folder with rocketchat.json and roam.json (default: fixtures/default),
                         and an optional <name>.json per document served with --spec
  --spec FILE[@/PREFIX]  also serve this OpenAPI 3.0/3.1 document (YAML or JSON, local $refs),
                         at its own paths or under PREFIX; repeatable. Its name (in the admin API
                         and fixtures) is the file name. Under a vendor's prefix it overlays the
                         modelled API: modelled operations keep their handlers
  --stateless            serve --spec documents without inferred state: every operation answers
                         its documented example or a body faked from its schema
  --state-dir DIR        keep every session's state in DIR (fixture format), restored at start
                         and written about a second after each change
  --admin-token T        require "Authorization: Bearer T" on /__admin/* (env ADMIN_TOKEN);
                         without it the admin API answers loopback clients only
  --admin-token-file F   read the admin token from file F (keeps it out of ps and shell history)
  --admin-origins LIST   comma list of browser origins allowed to call /__admin/* (default none)
  --allowed-hosts LIST   Host names answered beyond localhost and IP addresses (DNS-rebinding
                         defence); ".example.com" allows its subdomains, "all" turns the check off
  --cors POLICY          localhost (default: any localhost origin), *, off, or a comma list of origins
  --journal N            requests kept in the journal (default 1000; 0 turns it off)
  --journal-bytes SIZE   bytes the journal may hold (default 32m)
  --max-sessions N       X-Mock-Session states kept at once, 1 or more (default 1000)
  --max-session-bytes SIZE
                         bytes of stored documents per session (default: shared out of the heap)
  --strict               refuse requests that break the spec with the vendor's 400, even where the
                         vendor is lenient (default: answer as the vendor, list the violations
                         in the journal and the X-Api-Twin-Violations header)
  --grace MS             on SIGTERM/SIGINT, time to finish requests in flight (default 5000)
  --watch                reload fixtures and specs when they change; live sessions keep their
                         state where it passes the new checks, new or reset sessions start from
                         the new fixtures
  --help                 this text

SIZE is a number of bytes, or with k, m or g (KiB, MiB, GiB): 64m.`;

/** One line on stderr and exit code 2: the usage text is one `--help` away, not in every error. */
function fail(message: string): never {
  console.error(`api-twin: ${message} (api-twin --help for usage)`);
  process.exit(2);
}

let values: Record<string, string | boolean | string[] | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string' },
      'state-dir': { type: 'string' },
      'admin-token': { type: 'string' },
      'admin-token-file': { type: 'string' },
      'admin-origins': { type: 'string' },
      'allowed-hosts': { type: 'string' },
      cors: { type: 'string' },
      journal: { type: 'string' },
      'journal-bytes': { type: 'string' },
      'max-sessions': { type: 'string' },
      'max-session-bytes': { type: 'string' },
      grace: { type: 'string' },
      watch: { type: 'boolean' },
      strict: { type: 'boolean' },
      spec: { type: 'string', multiple: true },
      stateless: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
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

/** `1048576`, `64k`, `64m`, `2g` → bytes (binary units). */
function byteSize(name: string, raw: string): number {
  const match = /^(\d+)([kmg]?)i?b?$/i.exec(raw.trim());
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  const bytes = match ? Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? 1) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1024) fail(`invalid ${name} "${raw}" (a size of at least 1k, e.g. 64m)`);
  return bytes;
}

function originList(name: string, raw: string): string[] {
  const origins = raw.split(',').map((o) => o.trim()).filter((o) => o !== '');
  if (origins.length === 0 || origins.some((o) => !/^https?:\/\/[^/\s]+$/.test(o))) fail(`invalid ${name} "${raw}"`);
  return origins;
}

function corsPolicy(raw: string): CorsPolicy {
  if (raw === 'localhost' || raw === '*' || raw === 'off') return raw;
  return originList('cors', raw);
}

function hostList(raw: string): AllowedHosts {
  if (raw.trim() === 'all') return 'all';
  const hosts = raw.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  if (hosts.length === 0 || hosts.some((h) => !/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h))) fail(`invalid allowed-hosts "${raw}"`);
  return hosts;
}

function adminTokenOf(): string | undefined {
  const file = text('admin-token-file');
  let token = text('admin-token') ?? (process.env.ADMIN_TOKEN || undefined);
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      fail(`cannot read --admin-token-file: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
    }
  }
  if (token !== undefined && token.trim() === '') fail('the admin token must not be empty');
  return token;
}

const port = wholeNumber('port', text('port') ?? process.env.PORT ?? '4010', 65535);
const host = text('host') ?? process.env.HOST ?? '127.0.0.1';
// An IP literal or a DNS name; "127.999.0.1" is neither, and would die in getaddrinfo.
if (isIP(host) === 0 && !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(host)) fail(`invalid host "${host}"`);
if (isIP(host) === 0 && /^[\d.]+$/.test(host)) fail(`invalid host "${host}" (not an IPv4 address)`);
const adminToken = adminTokenOf();
const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host);
if (!loopback) {
  console.error(`api-twin: warning: binding ${host} answers other machines, not only this one`);
  if (adminToken === undefined) fail(`binding ${host} needs --admin-token (or ADMIN_TOKEN, --admin-token-file), so the admin API is not open to the network`);
}
const grace = wholeNumber('grace', text('grace') ?? '5000', 600_000);
const stateDir = text('state-dir') === undefined ? undefined : resolve(text('state-dir') ?? '');

/** `FILE` or `FILE@/prefix` (the last `@` followed by a slash splits them, so `a@b.yaml` is a file). */
function specSource(raw: string): SpecSource {
  const at = /^(.+)@(\/[^@]*)$/.exec(raw);
  const file = at?.[1] ?? raw;
  if (file.trim() === '') fail(`invalid spec "${raw}" (FILE or FILE@/prefix)`);
  return at?.[2] === undefined ? { file: resolve(file) } : { file: resolve(file), prefix: at[2] };
}
const specs = Array.isArray(values.spec) ? values.spec.map(specSource) : [];
const config: Partial<TwinConfig> = {
  ...(text('fixtures') === undefined ? {} : { fixturesDir: resolve(text('fixtures') ?? '') }),
  ...(adminToken === undefined ? {} : { adminToken }),
  ...(text('admin-origins') === undefined ? {} : { adminOrigins: originList('admin-origins', text('admin-origins') ?? '') }),
  ...(text('allowed-hosts') === undefined ? {} : { allowedHosts: hostList(text('allowed-hosts') ?? '') }),
  ...(text('cors') === undefined ? {} : { cors: corsPolicy(text('cors') ?? '') }),
  ...(text('journal') === undefined ? {} : { journalSize: wholeNumber('journal', text('journal') ?? '', 1_000_000) }),
  ...(text('journal-bytes') === undefined ? {} : { journalBytes: byteSize('journal-bytes', text('journal-bytes') ?? '') }),
  ...(text('max-sessions') === undefined ? {} : { maxSessions: wholeNumber('max-sessions', text('max-sessions') ?? '', 100_000, 1) }),
  ...(text('max-session-bytes') === undefined ? {} : { maxSessionBytes: byteSize('max-session-bytes', text('max-session-bytes') ?? '') }),
  ...(values.strict === true ? { strict: true } : {}),
  ...(specs.length > 0 ? { specs } : {}),
  ...(values.stateless === true ? { stateful: false } : {}),
};
const started = performance.now();

const plan = memoryPlan(resolveConfig(config));
if (!plan.fits) console.error(`api-twin: warning: memory: ${plan.summary}`);

/** `--watch`: rebuild on changes to the fixtures or specs, moving live sessions across. */
function watchForChanges(running: RunningTwin): () => void {
  const dirs = [...new Set([config.fixturesDir ?? DEFAULT_FIXTURES_DIR, fromRoot('openapi'), ...specs.map((s) => dirname(s.file))])];
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

/** Start-up failures users can fix, as one line each; anything else is a bug and keeps its stack. */
function startFailure(error: unknown): string | undefined {
  if (error instanceof FixtureError) return `bad fixture: ${error.message}`;
  if (error instanceof SpecError) return `bad spec: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `${host}:${port} is already in use`;
  if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine`;
  if (code === 'EACCES') return `no permission to listen on ${host}:${port}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve host "${host}"`;
  if (code !== undefined && stateDir !== undefined && /^E[A-Z]+$/.test(code)) return `cannot use --state-dir ${stateDir}: ${code}`;
  return undefined;
}

try {
  const running = await startTwin({ port, host, ...config, ...(stateDir === undefined ? {} : { stateDir }), onStateError: (m) => { console.error(`api-twin: ${m}`); } });
  // One write, so a reader of stdout that waits for the banner gets every line of it at once.
  const lines = [readyBanner(running.url, performance.now() - started), `  Memory       ${plan.summary}`];
  const warnings: string[] = [];
  for (const doc of running.documents) {
    const overlay = doc.overlays === null ? '' : `, laid over ${doc.overlays}`;
    lines.push(`  OpenAPI      ${doc.name}: ${running.url}${doc.mountPath}/ (${doc.operations} operations from ${doc.file}${overlay}; GET /__admin/specs/${doc.name}/operations)`);
    for (const notice of doc.notices) warnings.push(`api-twin: warning: ${doc.name}: ${notice.file}: ${notice.pointer || '/'}: ${notice.reason}`);
    if (doc.unservable.length > 0) {
      // Listed once here; at request time these answer 501 problem+json with the same reason.
      warnings.push(`api-twin: warning: ${doc.name}: ${doc.unservable.length} operation(s) cannot be served (they answer 501):`);
      for (const op of doc.unservable) warnings.push(`  ${op.method} ${doc.mountPath}${op.path} (${op.operationId}): ${op.reason}`);
    }
  }
  if (stateDir !== undefined) {
    lines.push(`  State        ${stateDir}: restored ${running.restored.sessions.length} session(s)`);
    for (const { session, why } of running.restored.skipped) warnings.push(`api-twin: warning: state of session ${session} not restored: ${why}`);
  }
  if (warnings.length > 0) console.error(warnings.join('\n'));
  console.log(lines.join('\n'));
  const stopWatching = values.watch === true ? watchForChanges(running) : () => undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`api-twin: ${signal}, finishing in-flight requests (at most ${grace} ms)`);
    stopWatching();
    // Whatever clients or the disk do, the process is gone one second after the grace period.
    setTimeout(() => process.exit(1), grace + 1000).unref();
    running.close(grace).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
} catch (error) {
  const message = startFailure(error);
  if (message !== undefined) fail(message);
  throw error;
}
