// Proof from the outside: packs the package, installs the tarball into a scratch project the way a
// user would, and checks that
//   1. it installs without EBADENGINE warnings and ships only what runs;
//   2. a plain `node` import works (no TypeScript loader);
//   3. the README's vitest example, copied from README.md, passes `tsc --noEmit` under the default
//      `tsc --init` tsconfig (module nodenext) and runs green;
//   4. `npx api-twin --port 0` serves the vendor's sample groups.create.
// usage: node scripts/check-package.mjs [--json]   (--json: vitest's JSON report into .ci/out/)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const json = process.argv.includes('--json');
const run = (cmd, args, cwd, options = {}) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund'], cwd, { env: { ...process.env, npm_config_update_notifier: 'false' } });
const fail = (message) => {
  console.error(`check-package: ${message}`);
  process.exit(1);
};

// 1. Build, pack, and look at what ships.
run(process.execPath, [join(root, 'scripts/build.mjs')], root);
const work = mkdtempSync(join(tmpdir(), 'api-twin-package-'));
const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root))[0];
const shipped = packed.files.map((f) => f.path);
const strays = shipped.filter((p) => /^(test|bench|scripts|\.ci)\//.test(p) || (p.startsWith('src/') && !p.startsWith('src/generated/')));
if (strays.length > 0) fail(`the tarball ships files that do not run: ${strays.slice(0, 5).join(', ')}`);
for (const needed of ['dist/index.js', 'dist/index.d.ts', 'dist/api-twin.js', 'dist/api-twin-cli.js', 'dist/spec/checked-fixtures.json', 'dist/express.d.ts', 'openapi/rocketchat.yaml', 'fixtures/default/roam.json', 'ui/dashboard.html', 'LICENSE', 'README.md']) {
  if (!shipped.includes(needed)) fail(`the tarball lacks ${needed}`);
}
console.log(`packed ${packed.filename}: ${shipped.length} files, ${(packed.size / 1024).toFixed(0)} KiB`);

// 2. A scratch project with the tarball, TypeScript and vitest, as a user would set it up.
const app = join(work, 'app');
mkdirSync(join(app, 'test'), { recursive: true });
writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }, null, 2));
const versions = { typescript: pkg.devDependencies.typescript, vitest: pkg.devDependencies.vitest, '@types/node': pkg.devDependencies['@types/node'] };
const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', join(work, packed.filename), ...Object.entries(versions).map(([name, v]) => `${name}@${v}`)], { cwd: app, encoding: 'utf8' });
if (install.status !== 0) fail(`npm install failed:\n${install.stderr}`);
// npm prints engine warnings on stderr.
if (/EBADENGINE/.test(`${install.stdout}${install.stderr}`)) fail(`npm install warned EBADENGINE:\n${install.stderr}`);
const imported = run(process.execPath, ['-e', "import('api-twin').then((m) => console.log(typeof m.startTwin, typeof m.createTwin))"], app).trim();
if (imported !== 'function function') fail(`plain node import gave "${imported}"`);
console.log('plain node import: ok');

// 3. The README's vitest example, as written there.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = /```ts\n(\/\/ vitest:[\s\S]*?)```/.exec(readme)?.[1];
if (example === undefined) fail('README.md has no "// vitest:" example');
writeFileSync(join(app, 'test', 'readme.test.ts'), example);
run(join(app, 'node_modules/.bin/tsc'), ['--init'], app);
try {
  run(join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
} catch (error) {
  fail(`tsc --noEmit on the README example:\n${error.stdout}${error.stderr}`);
}
console.log('README example: tsc --noEmit ok');
const report = json ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(root, '.ci/out/package.json')}`] : [];
try {
  process.stdout.write(run(join(app, 'node_modules/.bin/vitest'), ['run', ...report], app));
} catch (error) {
  fail(`the README example failed under vitest:\n${error.stdout}${error.stderr}`);
}

// 4. npx api-twin serves the vendor's sample create.
// Its own process group, so the twin behind npx is stopped with it.
const child = spawn('npx', ['--no-install', 'api-twin', '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /Admin\s+(http:\/\/[\d.:]+)\//.exec(out);
    if (match) resolve(match[1]);
  });
  child.on('exit', (code) => reject(new Error(`npx api-twin exited ${code}: ${out}`)));
});
const res = await fetch(`${url}/api/v1/groups.create`, {
  method: 'POST',
  headers: { 'X-Auth-Token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'X-User-Id': 'rbAXPnMktTFbNpwtJ', 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'groupname', members: ['rocket.cat'], readOnly: true, excludeSelf: true, customFields: { type: 'default' }, extraData: { broadcast: true, encrypted: false, teamId: '658441562dd9f928ad9951aa' } }),
});
const answer = await res.json();
process.kill(-child.pid, 'SIGTERM');
if (res.status !== 200 || answer.success !== true) fail(`npx api-twin answered ${res.status} ${JSON.stringify(answer)}`);
console.log('npx api-twin: the vendor sample create answered 200');
process.exit(0);
