// What the dashboard's live stream costs the request path. usage:
//   node bench/stream-cost.mjs [--rounds 5] [--duration 5] [--warmup 2] [--base REF]
//
// Loads POST /api/v1/groups.create (unique names, journal on) with 50 connections on three servers,
// each started fresh per round (bench/twin-server.ts under tsx, so all three run the same way):
// - before: the source at REF (default: the merge-base with main), which has no stream hook;
// - idle:   this tree with no stream open (the journal's one empty-set check per request);
// - open:   this tree with one reader of GET /__admin/requests/stream taking every event.
// Rounds interleave the servers; medians are reported. All traffic goes to 127.0.0.1. Besides
// req/s (which the load generator, on the same cores, and any other load on the machine move),
// each server's own CPU time per answered request is reported: the steadier measure of the cost.
/* global AbortController, TextDecoder */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    base: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const HOST = '127.0.0.1';
const root = new URL('../', import.meta.url).pathname;
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

// The source before the hook, unpacked next to a link to this tree's node_modules.
const base = values.base ?? git('merge-base', 'HEAD', 'main');
const before = mkdtempSync(join(tmpdir(), 'api-twin-stream-base-'));
execFileSync('bash', ['-c', `git archive ${base} src openapi fixtures bench/twin-server.ts package.json tsconfig.json | tar -x -C ${before}`], { cwd: root });
symlinkSync(join(root, 'node_modules'), join(before, 'node_modules'));
mkdirSync(join(before, 'docs'), { recursive: true });

const HEADERS = {
  'content-type': 'application/json',
  'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f',
  'x-user-id': 'rbAXPnMktTFbNpwtJ',
};
let counter = 0;
const body = () => JSON.stringify({ name: `stream-${process.pid}-${++counter}`, members: ['rocket.cat'], readOnly: false });

const SERVERS = [
  { id: 'before', dir: before, stream: false },
  { id: 'idle', dir: root, stream: false },
  { id: 'open', dir: root, stream: true },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function ready(port) {
  for (let i = 0; i < 2400; i += 1) {
    try {
      const res = await fetch(`http://${HOST}:${port}/__admin/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`the twin on ${port} did not start`);
}

/** One reader of the stream that takes every byte; resolves its counts when stopped. */
async function reader(port) {
  const controller = new AbortController();
  const res = await fetch(`http://${HOST}:${port}/__admin/requests/stream`, { signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`stream answered ${res.status}`);
  let bytes = 0;
  let events = 0;
  const done = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) {
        bytes += chunk.byteLength;
        events += decoder.decode(chunk, { stream: true }).split('event: request').length - 1;
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return async () => {
    controller.abort();
    await done;
    return { bytes, events };
  };
}

/** User + system CPU ticks (1/100 s) a process has used (/proc/<pid>/stat fields 14 and 15). */
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function load(port, duration) {
  return autocannon({
    url: `http://${HOST}:${port}/api/v1/groups.create`,
    method: 'POST',
    headers: HEADERS,
    connections: 50,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
}

async function measure(server, port) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(server.dir, 'bench/twin-server.ts'), String(port)], { cwd: server.dir, stdio: 'ignore' });
  try {
    await ready(port);
    const stop = server.stream ? await reader(port) : undefined;
    await load(port, WARMUP);
    const ticks0 = cpuTicks(child.pid);
    const result = await load(port, DURATION);
    const cpuUs = ((cpuTicks(child.pid) - ticks0) * 10_000) / result.requests.total;
    const streamed = stop ? await stop() : undefined;
    return { id: server.id, rps: result.requests.mean, p50: result.latency.p50, p99: result.latency.p99, cpuUs, non2xx: result.non2xx, errors: result.errors, streamed };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
  }
}

const runs = [];
let port = 4600;
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const server of SERVERS) {
      const r = await measure(server, port++);
      runs.push(r);
      const streamed = r.streamed ? `, stream ${r.streamed.events} events ${(r.streamed.bytes / 1e6).toFixed(1)} MB` : '';
      console.error(`round ${round} ${r.id.padEnd(6)} ${Math.round(r.rps)} req/s p50 ${r.p50} ms p99 ${r.p99} ms, ${r.cpuUs.toFixed(1)} µs CPU/request (non-2xx ${r.non2xx}, errors ${r.errors}${streamed})`);
    }
  }
} finally {
  rmSync(before, { recursive: true, force: true });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const of = (id) => runs.filter((r) => r.id === id);
const rps = (id) => median(of(id).map((r) => r.rps));
console.log(`\nmedians of ${ROUNDS} rounds, ${DURATION} s each, 50 connections, POST /api/v1/groups.create (base ${base.slice(0, 10)}):`);
const cpu = (id) => median(of(id).map((r) => r.cpuUs));
console.log('| server | req/s | p50 ms | p99 ms | server CPU µs/request | req/s vs before | CPU vs before |');
console.log('|---|---|---|---|---|---|---|');
for (const { id } of SERVERS) {
  console.log(`| ${id} | ${Math.round(rps(id)).toLocaleString('en-US')} | ${median(of(id).map((r) => r.p50))} | ${median(of(id).map((r) => r.p99))} | ${cpu(id).toFixed(1)} | ${(rps(id) / rps('before')).toFixed(3)} | ${(cpu(id) / cpu('before')).toFixed(3)} |`);
}
