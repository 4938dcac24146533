// Builds what the package runs, from src/: ESM with declaration files in dist/ (tsc), the CLI as
// one bundle dist/api-twin.js (esbuild; packages stay external) for a fast start, the benchmark
// server, and the reference docs in docs/. Runs on `npm ci` (prepare) and `npm pack`.
//   node scripts/build.mjs [--no-docs]
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

await build({
  absWorkingDir: root,
  entryPoints: { 'api-twin': 'src/cli.ts', 'bench-twin-server': 'bench/twin-server.ts' },
  outdir: 'dist',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
});
chmodSync(`${root}dist/api-twin.js`, 0o755);
// The dereferenced spec cache ships in dist/spec (src/ does not ship).
mkdirSync(`${root}dist/spec`, { recursive: true });
for (const file of readdirSync(`${root}src/generated`).filter((f) => f.endsWith('.openapi.json'))) copyFileSync(`${root}src/generated/${file}`, `${root}dist/spec/${file}`);

if (!process.argv.includes('--no-docs')) execFileSync(process.execPath, [`${root}scripts/build-docs.mjs`], { cwd: root, stdio: 'inherit' });
