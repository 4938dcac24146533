// Builds static HTML reference docs for every spec in openapi/ with Redocly's build-docs
// (Redoc inlined, so the pages work offline), plus docs/index.html linking them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const redocly = `${root}node_modules/.bin/redocly`;
mkdirSync(`${root}docs`, { recursive: true });
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

const pages = [];
for (const file of readdirSync(`${root}openapi`).filter((f) => f.endsWith('.yaml')).sort()) {
  const name = file.replace(/\.yaml$/, '');
  const spec = parse(readFileSync(`${root}openapi/${file}`, 'utf8'));
  const title = spec.info.title;
  try {
    execFileSync(redocly, ['build-docs', `openapi/${file}`, '-o', `docs/${name}.html`, '--inlineBundle', '--title', title], { cwd: root, env, stdio: 'pipe' });
  } catch (error) {
    // Redocly's own output only matters when it fails (it prints a Node 20 notice on every run).
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`redocly build-docs failed for openapi/${file}`);
  }
  const operations = Object.values(spec.paths).flatMap((item) => Object.values(item).filter((op) => op && op.operationId));
  pages.push({ name, title, version: spec.info.version, operations: operations.length });
  console.log(`docs/${name}.html  ${title} (${operations.length} operations)`);
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
writeFileSync(
  `${root}docs/index.html`,
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>api-twin API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}li{margin:.5rem 0}</style>
</head><body>
<h1>api-twin API reference</h1>
<p>Reference docs built from the specs in <code>openapi/</code>.</p>
<ul>
${pages.map((p) => `<li><a href="${p.name}.html">${esc(p.title)}</a> (version ${esc(p.version)}, ${p.operations} operations)</li>`).join('\n')}
</ul>
</body></html>
`,
);
console.log('docs/index.html');
