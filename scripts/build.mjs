// Bundles the twin's entry points into dist/ with esbuild (packages stay external), so
// `npm start` runs plain JavaScript: no TypeScript loader on the start-up path. Takes ~0.1 s.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts', 'bench-twin-server': 'bench/twin-server.ts' },
  outdir: 'dist',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
