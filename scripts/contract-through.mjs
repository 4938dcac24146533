// Runs the black-box contract suite against another way of serving the twin.
//   node scripts/contract-through.mjs prism    the twin behind `prism proxy <spec> <twin> --errors
//                                              --validate-request=false`: an independent validator
//                                              must agree that every answer fits the spec (a
//                                              violation becomes an error answer and fails a test)
//   node scripts/contract-through.mjs express  the twin mounted in an express app by twinMiddleware
// --json writes vitest's JSON reports to .ci/out/ for the CI summary.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const HOST = '127.0.0.1';
const children = [];

/** A port free right now (the OS picks it), so parallel runs never collide on fixed ports. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const TWIN_PORT = await freePort();

function start(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function waitFor(url) {
  for (let i = 0; i < 600; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// Prism's proxy checks credentials itself even with --validate-request=false and would answer
// its own 401 instead of forwarding; request checks are the twin's job here, so the copy Prism
// loads has no security requirements. Response schemas are untouched.
const work = mkdtempSync(join(tmpdir(), 'twin-prism-'));
function proxySpec(api) {
  const spec = parse(readFileSync(`${root}openapi/${api}.yaml`, 'utf8'));
  delete spec.security;
  for (const item of Object.values(spec.paths)) for (const op of Object.values(item)) if (op && typeof op === 'object') delete op.security;
  const file = join(work, `${api}.yaml`);
  writeFileSync(file, stringify(spec, { aliasDuplicateObjects: false }));
  return file;
}

// The OpenAPI documents every target serves (test/openapi/served.json), as --spec arguments; a
// generated one is written by bench/openapi-doc.ts first. Each contract file of test/contract/openapi
// named after a document runs through Prism with that document too: its paths under the prefix the
// twin serves them at, security requirements removed as above, in a copy of its folder (so the
// relative $refs of a document split over files still resolve).
const served = JSON.parse(readFileSync(`${root}test/openapi/served.json`, 'utf8')).specs;
async function specArgs() {
  const args = [];
  for (const entry of served) {
    let file = join(root, entry.file);
    if (entry.generate !== undefined) {
      file = join(tmpdir(), entry.file);
      if ((await run(process.execPath, ['--import', 'tsx', 'bench/openapi-doc.ts', String(entry.generate), file])) !== 0) throw new Error(`cannot generate ${file}`);
    }
    entry.path = file;
    args.push('--spec', entry.prefix === undefined ? file : `${file}@${entry.prefix}`);
  }
  return args;
}
function proxyDocument(entry) {
  const folder = mkdtempSync(join(work, 'doc-'));
  // A generated document is one file; a written one may $ref the files next to it.
  if (entry.generate === undefined) cpSync(dirname(entry.path), folder, { recursive: true });
  const spec = parse(readFileSync(entry.path, 'utf8'));
  delete spec.security;
  const paths = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const op of Object.values(item)) if (op && typeof op === 'object' && !Array.isArray(op)) delete op.security;
    paths[`${entry.prefix ?? ''}${path}`] = item;
  }
  spec.paths = paths;
  const file = join(folder, basename(entry.path));
  writeFileSync(file, stringify(spec, { aliasDuplicateObjects: false }));
  return file;
}

const mode = process.argv[2];
if (mode !== 'prism' && mode !== 'express') {
  console.error('usage: node scripts/contract-through.mjs prism|express [--json]');
  process.exit(2);
}
const json = process.argv.includes('--json');

function contract(name, dir, baseUrl, env = {}) {
  const reportArgs = json ? ['--reporter=default', '--reporter=json', `--outputFile.json=.ci/out/${name}.json`] : [];
  console.log(`\n::: contract suite ${dir} against ${baseUrl} (${name})`);
  return run(`${root}node_modules/.bin/vitest`, ['run', '--project', 'contract', dir, ...reportArgs], { BASE_URL: baseUrl, ...env });
}

let failed = 0;
try {
  if (mode === 'express') {
    start(process.execPath, ['--import', 'tsx', 'scripts/serve-express.ts', String(TWIN_PORT)]);
    await waitFor(`http://${HOST}:${TWIN_PORT}/__admin/health`);
    if ((await contract('express', 'test/contract', `http://${HOST}:${TWIN_PORT}`)) !== 0) failed += 1;
  } else {
    start(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', String(TWIN_PORT), ...(await specArgs())]);
    await waitFor(`http://${HOST}:${TWIN_PORT}/__admin/health`);
    const targets = [
      ...['rocketchat', 'roam'].map((api) => ({ name: api, spec: proxySpec(api), tests: `test/contract/${api}` })),
      ...served
        .filter((entry) => entry.prism !== false)
        .map((entry) => {
          const name = entry.name ?? basename(entry.file).replace(/\.[^.]+$/, '');
          return { name, spec: proxyDocument(entry), tests: `test/contract/openapi/${name}.contract.test.ts` };
        }),
    ];
    for (const target of targets) {
      const proxyPort = await freePort();
      start(`${root}node_modules/.bin/prism`, ['proxy', target.spec, `http://${HOST}:${TWIN_PORT}`, '--errors', '--validate-request=false', '-h', HOST, '-p', String(proxyPort), '-v', 'error']);
      await waitFor(`http://${HOST}:${proxyPort}/`);
      if ((await contract(`prism-${target.name}`, target.tests, `http://${HOST}:${proxyPort}`, { CONTRACT_PROXY: 'prism' })) !== 0) failed += 1;
    }
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
}
process.exit(failed === 0 ? 0 : 1);
