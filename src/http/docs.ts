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

/**
 * Serves the static reference docs that `npm run docs` built into `docsDir`, at `/docs/`, with the
 * "Servers" URL of each spec replaced by the URL this request reached (`host`), so "try it" and
 * the copied curl lines point at the running twin. When they were not built, answers a 404
 * problem saying how to build them.
 */
export async function serveDocs(docsDir: string, path: string, res: ServerResponse, host?: string): Promise<void> {
  if (path === '/docs') {
    res.writeHead(301, { location: '/docs/' }).end();
    return;
  }
  const name = path.slice('/docs/'.length) || 'index.html';
  const page = PAGE.test(name) ? await readFile(join(docsDir, name)).catch(() => undefined) : undefined;
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
  const served = host !== undefined && SAFE_HOST.test(host) ? Buffer.from(page.toString('utf8').replaceAll(SPEC_SERVER, `http://${host}`)) : page;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': served.length }).end(served);
}
