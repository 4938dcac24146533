// Load benchmark: the twin vs Prism's mock vs a bare node:http server, interleaved in one run
// (research/baseline.md §3 method). All traffic goes to 127.0.0.1. usage:
//   node bench/run.mjs [--rounds 3] [--duration 10] [--warmup 2] [--only twin,prism,...]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = 50;
const HOST = '127.0.0.1';
const root = new URL('../', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules/.bin', name);
const spec500 = join(tmpdir(), 'api-twin-bench-500ops.yaml');
await run(process.execPath, [join(root, 'bench/many-ops.mjs'), '500', spec500]);
await run(process.execPath, [join(root, 'scripts/build.mjs'), '--no-docs']);

const HEADERS = {
  'content-type': 'application/json',
  'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f',
  'x-user-id': 'rbAXPnMktTFbNpwtJ',
};
const SERVERS = [
  { id: 'bare', cmd: process.execPath, args: (p) => [join(root, 'bench/bare-server.mjs'), String(p)] },
  { id: 'twin', cmd: process.execPath, args: (p) => [join(root, 'dist/bench-twin-server.js'), String(p)] },
  { id: 'prism', cmd: bin('prism'), args: (p) => ['mock', join(root, 'openapi/rocketchat.yaml'), '-h', HOST, '-p', String(p), '-v', 'error'] },
  { id: 'twin-500ops', cmd: process.execPath, args: (p) => [join(root, 'dist/bench-twin-server.js'), String(p), spec500] },
  { id: 'prism-500ops', cmd: bin('prism'), args: (p) => ['mock', spec500, '-h', HOST, '-p', String(p), '-v', 'error'] },
].filter((s) => !values.only || values.only.split(',').includes(s.id));

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

let counter = 0;
const body = () => JSON.stringify({ name: `bench-${process.pid}-${++counter}`, members: ['rocket.cat'], readOnly: false });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function firstOk(port) {
  try {
    const res = await fetch(`http://${HOST}:${port}/api/v1/groups.create`, { method: 'POST', headers: HEADERS, body: body() });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
}

function load(port, duration) {
  return autocannon({
    url: `http://${HOST}:${port}/api/v1/groups.create`,
    method: 'POST',
    headers: HEADERS,
    connections: CONNECTIONS,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  });
}

async function measure(server, port) {
  const t0 = performance.now();
  const child = spawn(server.cmd, server.args(port), { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => { exited = true; });
  let startupMs;
  while (!exited && performance.now() - t0 < 60_000) {
    if (await firstOk(port)) { startupMs = performance.now() - t0; break; }
    await sleep(5);
  }
  if (startupMs === undefined) { child.kill('SIGKILL'); throw new Error(`${server.id} did not start`); }
  await load(port, WARMUP);
  const result = await load(port, DURATION);
  const mem = memory(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => (exited ? r() : child.on('exit', r)));
  return {
    id: server.id, startupMs, rps: result.requests.mean, p50: result.latency.p50, p99: result.latency.p99,
    non2xx: result.non2xx, errors: result.errors, hwmMB: mem.hwmMB,
  };
}

const results = [];
let port = 4400;
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const server of SERVERS) {
    const r = await measure(server, port++);
    results.push({ ...r, round });
    console.error(`round ${round} ${r.id.padEnd(13)} ${Math.round(r.rps)} req/s p50 ${r.p50} ms p99 ${r.p99} ms start ${Math.round(r.startupMs)} ms peak ${r.hwmMB.toFixed(0)} MB non2xx ${r.non2xx} errors ${r.errors}`);
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const summary = Object.fromEntries(SERVERS.map(({ id }) => {
  const rs = results.filter((r) => r.id === id);
  return [id, { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), startupMs: median(rs.map((r) => r.startupMs)), hwmMB: median(rs.map((r) => r.hwmMB)), non2xx: rs.reduce((a, r) => a + r.non2xx, 0) }];
}));

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`\nPOST /api/v1/groups.create, ${CONNECTIONS} connections, ${DURATION} s per run, median of ${ROUNDS} interleaved rounds, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
console.log('| server | req/s | p50 ms | p99 ms | start-up ms | peak RSS MB | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
for (const [id, s] of Object.entries(summary)) console.log(`| ${id} | ${fmt(s.rps)} | ${s.p50} | ${s.p99} | ${fmt(s.startupMs)} | ${fmt(s.hwmMB)} | ${s.non2xx} |`);

const targets = [];
const t = summary.twin, p = summary.prism, b = summary.bare, t5 = summary['twin-500ops'];
if (t && p) targets.push(['twin req/s ≥ 3× Prism', t.rps / p.rps, 3, '≥']);
if (t && b) targets.push(['twin req/s ≥ 0.35× bare node:http', t.rps / b.rps, 0.35, '≥']);
if (t && p) targets.push(['twin p99 ≤ ⅓ of Prism p99', t.p99 / p.p99, 1 / 3, '≤']);
if (t) targets.push(['twin start-up ≤ 0.5 s (ms)', t.startupMs, 500, '≤']);
if (t && t5) targets.push(['500-op spec cost ≤ 1.3× small spec (req/s ratio small/500)', t.rps / t5.rps, 1.3, '≤']);
console.log('\n| target | measured | goal | met |\n|---|---|---|---|');
for (const [name, value, goal, op] of targets) {
  const met = op === '≥' ? value >= goal : value <= goal;
  console.log(`| ${name} | ${value.toFixed(2)} | ${op} ${goal.toFixed(2)} | ${met ? 'yes' : 'NO'} |`);
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/run-${Date.now()}.json`), JSON.stringify({ results, summary }, null, 1));
