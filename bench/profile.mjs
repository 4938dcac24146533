// CPU profile of the twin under load: starts dist/bench-twin-server.js with --cpu-prof, sends
// unique groups.create requests with autocannon, then prints the top self-time functions.
// usage: node bench/profile.mjs [seconds=10]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const seconds = Number(process.argv[2] ?? 10);
const root = new URL('../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'twin-prof-'));
const port = 4399;
await new Promise((resolve) => spawn(process.execPath, [join(root, 'scripts/build.mjs'), '--no-docs'], { stdio: 'inherit' }).on('exit', resolve));
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'dist/bench-twin-server.js'), String(port)], { stdio: 'inherit' });
for (let i = 0; i < 200; i += 1) {
  try { await fetch(`http://127.0.0.1:${port}/__admin/health`); break; } catch { await new Promise((r) => setTimeout(r, 20)); }
}
let n = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}/api/v1/groups.create`, method: 'POST', connections: 50, duration: seconds,
  headers: { 'content-type': 'application/json', 'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'x-user-id': 'rbAXPnMktTFbNpwtJ' },
  requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ name: `prof-${++n}`, members: ['rocket.cat'] }) }) }],
});
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const self = new Map();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const byFn = new Map();
for (const [id, t] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(`file://${root}`, '');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
}
const busy = [...byFn].filter(([k]) => !k.startsWith('(idle)')).reduce((a, [, v]) => a + v, 0);
console.log(`${Math.round(result.requests.mean)} req/s; top self time (% of busy samples):`);
for (const [k, v] of [...byFn].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
}
