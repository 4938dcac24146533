import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';

/** Page names `npm run docs` writes; anything else (`..`, slashes) is never read from disk. */
const PAGE = /^[a-z0-9-]+\.html$/;

/** True for the paths the docs handler owns: `/docs` and below. */
export function isDocsPath(path: string): boolean {
  return path === '/docs' || path.startsWith('/docs/');
}

/** The server URL the specs name; a served page names the twin that serves it instead. */
const SPEC_SERVER = 'http://127.0.0.1:4010';
/** A Host header that is safe to write into a page (a name or address and a port, nothing else). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** A document served with `--spec`, as its reference page needs it. */
export interface DocsDocument {
  readonly name: string;
  readonly title: string;
  readonly mountPath: string;
  /** The dereferenced document (it may hold cycles). */
  readonly definition: unknown;
}

/**
 * Serves the static reference docs that `npm run docs` built into `docsDir`, at `/docs/`, with the
 * "Servers" URL of each spec replaced by the URL this request reached (`host`), so "try it" and
 * the copied curl lines point at the running twin. Documents served with `--spec` get a page each
 * (`/docs/<name>.html`, rendered in the browser by the same Redoc the built pages carry) and a link
 * on the index. When the docs were not built, answers a 404 problem saying how to build them.
 */
export async function serveDocs(docsDir: string, path: string, res: ServerResponse, host?: string, documents: readonly DocsDocument[] = []): Promise<void> {
  if (path === '/docs') {
    res.writeHead(301, { location: '/docs/' }).end();
    return;
  }
  const name = path.slice('/docs/'.length) || 'index.html';
  const safeHost = host !== undefined && SAFE_HOST.test(host) ? host : undefined;
  const served = documents.find((d) => `${d.name}.html` === name);
  let page: Buffer | undefined;
  if (served && PAGE.test(name)) page = await documentPage(docsDir, served, safeHost);
  else if (PAGE.test(name)) page = await readFile(join(docsDir, name)).catch(() => undefined);
  if (page === undefined) {
    const body = JSON.stringify({
      type: 'urn:api-twin:problem:docs-not-found',
      title: 'No such docs page',
      status: 404,
      // No file system path in the answer: the reader needs the fix, not where the twin lives.
      detail: `${name.slice(0, 100)} is not a built docs page; run \`npm run docs\` to build the reference docs.`,
    });
    res.writeHead(404, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    return;
  }
  let text = page.toString('utf8');
  if (name === 'index.html' && documents.length > 0) text = withDocuments(text, documents);
  const out = Buffer.from(safeHost === undefined ? text : text.replaceAll(SPEC_SERVER, `http://${safeHost}`));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': out.length }).end(out);
}

/** The built index with one more entry per served document. */
function withDocuments(index: string, documents: readonly DocsDocument[]): string {
  const items = documents.map((d) => `<li><a href="${escapeHtml(d.name)}.html">${escapeHtml(d.title)}</a> (served with --spec)</li>`).join('\n');
  return index.includes('</ul>') ? index.replace('</ul>', `${items}\n</ul>`) : index;
}

/** Redoc's module code, cut from a built page (every built page carries the same bundle). */
const bundles = new Map<string, Promise<string | undefined>>();

function redocBundle(docsDir: string): Promise<string | undefined> {
  let bundle = bundles.get(docsDir);
  if (!bundle) {
    bundle = (async () => {
      for (const page of ['admin.html', 'roam.html', 'rocketchat.html']) {
        const html = await readFile(join(docsDir, page), 'utf8').catch(() => undefined);
        const start = html?.indexOf('<script type="module">') ?? -1;
        const end = html?.indexOf('const __redoc_definition', start) ?? -1;
        if (html !== undefined && start !== -1 && end !== -1 && html.slice(start, end).includes('init')) return html.slice(start + '<script type="module">'.length, end);
      }
      return undefined;
    })();
    bundles.set(docsDir, bundle);
  }
  return bundle;
}

/**
 * A reference page for a served document: the built pages' Redoc, initialised in the browser with
 * the document (its servers pointing at this twin). Undefined when the docs were not built.
 */
async function documentPage(docsDir: string, document: DocsDocument, host: string | undefined): Promise<Buffer | undefined> {
  const bundle = await redocBundle(docsDir);
  if (bundle === undefined) return undefined;
  const definition = decycle(document.definition) as Record<string, unknown>;
  definition.servers = [{ url: `${host === undefined ? SPEC_SERVER : `http://${host}`}${document.mountPath}`, description: 'this twin' }];
  // `<` as \u003c: no text of the document can close the script element.
  const json = JSON.stringify(definition).replace(/</g, '\\u003c');
  return Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf8" />
  <title>${escapeHtml(document.title)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>body { padding: 0; margin: 0; }</style>
</head>
<body>
  <div id="redoc"></div>
  <script type="module">${bundle}
    init(${json}, {"disableTelemetry":true}, document.getElementById('redoc'));
  </script>
</body>
</html>
`);
}

/**
 * A JSON-safe copy of a dereferenced document: an object met again (a shared or recursive schema)
 * becomes a `$ref` to where it was first met, which Redoc resolves.
 */
function decycle(value: unknown): unknown {
  const seen = new Map<object, string>();
  const copy = (item: unknown, pointer: string): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    const first = seen.get(item);
    if (first !== undefined) return { $ref: `#${first}` };
    seen.set(item, pointer);
    if (Array.isArray(item)) return item.map((v, i) => copy(v, `${pointer}/${i}`));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(item)) out[key] = copy(v, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    return out;
  };
  return copy(value, '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
