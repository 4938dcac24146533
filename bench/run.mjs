// Load benchmark: the twin vs Prism's mock vs a bare node:http server, interleaved in one run
// (research/baseline.md §3 method). All traffic goes to 127.0.0.1. usage:
//   node bench/run.mjs [--rounds 3] [--duration 10] [--warmup 2] [--only twin,prism,...]
//
// Two parts, each server started fresh per round and ended by its pid:
// - the modelled Rocket.Chat API: POST /api/v1/groups.create (unique names), on the real spec and
//   on a 500-operation copy (bench/many-ops.mjs);
// - a document served with --spec (bench/openapi-doc.ts, a generated petstore): an example answer
//   (GET /status) and a stateful create (POST /pets, unique names), on the same document with 10
//   and with 2,000 operations, side by side with `prism mock` on the same documents; and start-up
//   (spawn to first answer) with a 5 MB document, YAML and JSON.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
const tmp = (name) => join(tmpdir(), `api-twin-bench-${name}`);

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

const spec500 = tmp('500ops.yaml');
const doc10 = tmp('doc-10.yaml');
const doc2000 = tmp('doc-2000.yaml');
const doc5mb = tmp('doc-5mb.yaml');
const doc5mbJson = tmp('doc-5mb.json');
const generate = (n, out, ...extra) => run(process.execPath, ['--import', 'tsx', join(root, 'bench/openapi-doc.ts'), String(n), out, ...extra]);
await run(process.execPath, [join(root, 'bench/many-ops.mjs'), '500', spec500]);
await generate(10, doc10);
await generate(2000, doc2000);
await generate(2000, doc5mb, '--pad', String(5 * 1024 * 1024));
await generate(2000, doc5mbJson, '--pad', String(5 * 1024 * 1024), '--json');
await run(process.execPath, [join(root, 'scripts/build.mjs'), '--no-docs']);

const RC_HEADERS = {
  'content-type': 'application/json',
  'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f',
  'x-user-id': 'rbAXPnMktTFbNpwtJ',
};
let counter = 0;
const unique = () => `bench-${process.pid}-${++counter}`;

/** What a server is loaded with: each its own autocannon run. */
const LOADS = {
  groupsCreate: { path: '/api/v1/groups.create', method: 'POST', headers: RC_HEADERS, body: () => JSON.stringify({ name: unique(), members: ['rocket.cat'], readOnly: false }), ok: 200 },
  example: { path: '/status', method: 'GET', headers: {}, ok: 200 },
  create: { path: '/pets', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'bench-key' }, body: () => JSON.stringify({ name: unique(), tag: 'dog' }), ok: 201 },
};

const twin = (...args) => (port) => [join(root, 'dist/api-twin.js'), '--port', String(port), ...args];
const prism = (spec) => (port) => ['mock', spec, '-h', HOST, '-p', String(port), '-v', 'error'];
const SERVERS = [
  { id: 'bare', cmd: process.execPath, args: (p) => [join(root, 'bench/bare-server.mjs'), String(p)], loads: ['groupsCreate'] },
  { id: 'twin', cmd: process.execPath, args: (p) => [join(root, 'dist/bench-twin-server.js'), String(p)], loads: ['groupsCreate'] },
  { id: 'prism', cmd: bin('prism'), args: prism(join(root, 'openapi/rocketchat.yaml')), loads: ['groupsCreate'] },
  { id: 'twin-500ops', cmd: process.execPath, args: (p) => [join(root, 'dist/bench-twin-server.js'), String(p), spec500], loads: ['groupsCreate'] },
  { id: 'prism-500ops', cmd: bin('prism'), args: prism(spec500), loads: ['groupsCreate'] },
  { id: 'twin-doc10', cmd: process.execPath, args: twin('--spec', doc10), loads: ['example', 'create'] },
  { id: 'prism-doc10', cmd: bin('prism'), args: prism(doc10), loads: ['example', 'create'] },
  { id: 'twin-doc2000', cmd: process.execPath, args: twin('--spec', doc2000), loads: ['example', 'create'] },
  { id: 'twin-5mb-yaml', cmd: process.execPath, args: twin('--spec', doc5mb), loads: [] },
  { id: 'twin-5mb-json', cmd: process.execPath, args: twin('--spec', doc5mbJson), loads: [] },
].filter((s) => !values.only || values.only.split(',').includes(s.id));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answers(port, load) {
  try {
    const res = await fetch(`http://${HOST}:${port}${load.path}`, { method: load.method, headers: load.headers, body: load.body?.() });
    await res.arrayBuffer();
    return res.status === load.ok;
  } catch {
    return false;
  }
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { hwmMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
}

function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function load(port, spec, duration) {
  return autocannon({
    url: `http://${HOST}:${port}${spec.path}`,
    method: spec.method,
    headers: spec.headers,
    connections: CONNECTIONS,
    duration,
    ...(spec.body === undefined ? {} : { requests: [{ setupRequest: (req) => ({ ...req, body: spec.body() }) }] }),
  });
}

async function measure(server, port) {
  const t0 = performance.now();
  const child = spawn(server.cmd, server.args(port), { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => { exited = true; });
  // Start-up: spawn to the first answered request (the first load, or the document's example).
  const probe = LOADS[server.loads[0] ?? 'example'];
  let startupMs;
  while (!exited && performance.now() - t0 < 120_000) {
    if (await answers(port, probe)) { startupMs = performance.now() - t0; break; }
    await sleep(5);
  }
  if (startupMs === undefined) { child.kill('SIGKILL'); throw new Error(`${server.id} did not start`); }
  const results = [];
  for (const name of server.loads) {
    const spec = LOADS[name];
    await load(port, spec, WARMUP);
    const ticks0 = cpuTicks(child.pid);
    const w0 = performance.now();
    const result = await load(port, spec, DURATION);
    const cores = (cpuTicks(child.pid) - ticks0) / 100 / ((performance.now() - w0) / 1000);
    results.push({ load: name, rps: result.requests.mean, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, cores });
  }
  const mem = memory(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => (exited ? r() : child.on('exit', r)));
  return { id: server.id, startupMs, hwmMB: mem.hwmMB, results };
}

const runs = [];
let port = 4400;
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const server of SERVERS) {
    const r = await measure(server, port++);
    runs.push({ ...r, round });
    const loads = r.results.map((x) => `${x.load} ${Math.round(x.rps)} req/s p99 ${x.p99} ms (${x.cores.toFixed(2)} cores, non-2xx ${x.non2xx}, errors ${x.errors})`).join('; ');
    console.error(`round ${round} ${r.id.padEnd(14)} start ${Math.round(r.startupMs)} ms peak ${r.hwmMB.toFixed(0)} MB ${loads}`);
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** Medians over rounds of one server and load. */
function stat(id, name) {
  const rs = runs.filter((r) => r.id === id);
  if (rs.length === 0) return undefined;
  const xs = name === undefined ? [] : rs.map((r) => r.results.find((x) => x.load === name)).filter(Boolean);
  return {
    startupMs: median(rs.map((r) => r.startupMs)),
    hwmMB: median(rs.map((r) => r.hwmMB)),
    ...(xs.length === 0 ? {} : { rps: median(xs.map((x) => x.rps)), p50: median(xs.map((x) => x.p50)), p99: median(xs.map((x) => x.p99)), non2xx: xs.reduce((a, x) => a + x.non2xx, 0) }),
  };
}

const date = new Date().toISOString().slice(0, 10);
console.log(`\n${CONNECTIONS} connections, ${DURATION} s per load after ${WARMUP} s warm-up, median of ${ROUNDS} interleaved rounds, ${date}, node ${process.version}\n`);
console.log('POST /api/v1/groups.create (modelled Rocket.Chat)\n');
console.log('| server | req/s | p50 ms | p99 ms | start-up ms | peak RSS MB | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
for (const id of ['bare', 'twin', 'prism', 'twin-500ops', 'prism-500ops']) {
  const s = stat(id, 'groupsCreate');
  if (s) console.log(`| ${id} | ${fmt(s.rps)} | ${s.p50} | ${s.p99} | ${fmt(s.startupMs)} | ${fmt(s.hwmMB)} | ${s.non2xx} |`);
}
console.log(`\nA document served with --spec (bench/openapi-doc.ts): GET /status answers its example, POST /pets creates\n`);
console.log('| server | operations | example req/s (p99 ms) | create req/s (p99 ms) | start-up ms | peak RSS MB | non-2xx |');
console.log('|---|---|---|---|---|---|---|');
for (const [id, ops] of [['twin-doc10', 10], ['prism-doc10', 10], ['twin-doc2000', 2000]]) {
  const e = stat(id, 'example');
  const c = stat(id, 'create');
  if (e && c) console.log(`| ${id} | ${fmt(ops)} | ${fmt(e.rps)} (${e.p99}) | ${fmt(c.rps)} (${c.p99}) | ${fmt(e.startupMs)} | ${fmt(e.hwmMB)} | ${e.non2xx + c.non2xx} |`);
}
for (const [id, file] of [['twin-5mb-yaml', doc5mb], ['twin-5mb-json', doc5mbJson]]) {
  const s = stat(id);
  if (s) console.log(`| ${id} (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB) | 2,000 | – | – | ${fmt(s.startupMs)} | ${fmt(s.hwmMB)} | – |`);
}

const targets = [];
const t = stat('twin', 'groupsCreate');
const p = stat('prism', 'groupsCreate');
const b = stat('bare', 'groupsCreate');
const t5 = stat('twin-500ops', 'groupsCreate');
if (t && p) targets.push(['groups.create: twin req/s ≥ 3× Prism', t.rps / p.rps, 3, '≥']);
if (t && b) targets.push(['groups.create: twin req/s ≥ 0.35× bare node:http', t.rps / b.rps, 0.35, '≥']);
if (t && p) targets.push(['groups.create: twin p99 ≤ ⅓ of Prism p99', t.p99 / p.p99, 1 / 3, '≤']);
if (t && t5) targets.push(['groups.create: 500-op spec cost ≤ 1.3× small spec (req/s small/500)', t.rps / t5.rps, 1.3, '≤']);
for (const name of ['example', 'create']) {
  const td = stat('twin-doc10', name);
  const pd = stat('prism-doc10', name);
  const tb = stat('twin-doc2000', name);
  if (td && pd) targets.push([`document ${name}: twin req/s ≥ 5× Prism`, td.rps / pd.rps, 5, '≥']);
  if (td && tb) targets.push([`document ${name}: cost at 2,000 operations ≤ 1.15× at 10 (req/s 10/2,000)`, td.rps / tb.rps, 1.15, '≤']);
}
for (const id of ['twin-5mb-yaml', 'twin-5mb-json']) {
  const s = stat(id);
  if (s) targets.push([`${id}: start-up ≤ 1 s (ms)`, s.startupMs, 1000, '≤']);
}
console.log('\n| target | measured | goal | met |\n|---|---|---|---|');
for (const [name, value, goal, op] of targets) {
  const met = op === '≥' ? value >= goal : value <= goal;
  console.log(`| ${name} | ${value.toFixed(2)} | ${op} ${goal.toFixed(2)} | ${met ? 'yes' : 'NO'} |`);
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/run-${Date.now()}.json`), JSON.stringify({ runs }, null, 1));
