// Builds what the package runs, from src/: ESM with declaration files in dist/ (tsc), the CLI as
// one bundle with its dependencies (dist/api-twin-cli.js, started by dist/api-twin.js) for a fast
// start, the spec cache and the list of checked bundled fixtures (dist/spec), the benchmark
// server, and the reference docs in docs/. Runs on `npm ci` (prepare) and `npm pack`.
//   node scripts/build.mjs [--no-docs]
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

const common = { absWorkingDir: root, outdir: 'dist', bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: false, logLevel: 'warning' };
// The CLI carries its dependencies in the one file: resolving and reading the ~300 files of
// openapi-backend, ajv and lodash was a third of the start-up time. CommonJS dependencies get
// a `require` for node's built-ins; express is not used by the CLI.
// Whitespace and syntax are minified (names are kept, so stack traces still read): V8 parses the
// whole file at every start.
await build({
  ...common,
  entryPoints: { 'api-twin-cli': 'src/cli.ts' },
  external: ['express'],
  banner: { js: "import { createRequire as __apiTwinRequire } from 'node:module';\nconst require = __apiTwinRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
});
// The bin: node's on-disk compile cache (Node 22.1+, `module.enableCompileCache`; absent on 20)
// applies to modules loaded after it is turned on, so a two-line entry turns it on and then loads
// the bundle: from the second start on, V8 skips parsing and compiling it.
writeFileSync(
  `${root}dist/api-twin.js`,
  "#!/usr/bin/env node\nimport module from 'node:module';\nmodule.enableCompileCache?.();\nawait import('./api-twin-cli.js');\n",
);
await build({ ...common, entryPoints: { 'bench-twin-server': 'bench/twin-server.ts' }, packages: 'external' });
chmodSync(`${root}dist/api-twin.js`, 0o755);
// The dereferenced spec cache ships in dist/spec (src/ does not ship).
mkdirSync(`${root}dist/spec`, { recursive: true });
for (const file of readdirSync(`${root}src/generated`).filter((f) => f.endsWith('.openapi.json'))) copyFileSync(`${root}src/generated/${file}`, `${root}dist/spec/${file}`);

// The bundled fixtures, checked here in full (schema and rules) with the compiled code, and listed
// by digest so a start with them skips compiling the fixture schemas (src/core/fixtures.ts).
{
  const { CHECKED_FIXTURES_FILE, fixtureDigest } = await import(`${root}dist/core/fixtures.js`);
  const { loadRocketChatFixtures } = await import(`${root}dist/apis/rocketchat/fixtures.js`);
  const { fixtureSchema } = await import(`${root}dist/apis/rocketchat/fixture-format.js`);
  const { loadRoamFixtures } = await import(`${root}dist/apis/roam/fixtures.js`);
  const { roamFixtureSchema } = await import(`${root}dist/apis/roam/fixture-schema.js`);
  const dir = `${root}fixtures/default`;
  const deps = { now: () => new Date(0), random: Math.random };
  await loadRocketChatFixtures(dir, deps);
  await loadRoamFixtures(dir, deps);
  const digests = [
    fixtureDigest(fixtureSchema, readFileSync(`${dir}/rocketchat.json`, 'utf8')),
    fixtureDigest(roamFixtureSchema, readFileSync(`${dir}/roam.json`, 'utf8')),
  ];
  writeFileSync(CHECKED_FIXTURES_FILE, `${JSON.stringify(digests)}\n`);
}

if (!process.argv.includes('--no-docs')) execFileSync(process.execPath, [`${root}scripts/build-docs.mjs`], { cwd: root, stdio: 'inherit' });
