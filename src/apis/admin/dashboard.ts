import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../paths.ts';

/** The dashboard page (`GET /__admin/ui`): plain HTML with its style and script inline. */
const PAGE_FILE = fromRoot('ui/dashboard.html');

let page: { readonly html: string; readonly headers: Readonly<Record<string, string>> } | undefined;

/** The page's text, read once on first use (a twin that never shows it never reads it). */
export function dashboardPage(): string {
  return load().html;
}

/** Headers of the page: a CSP that admits only its own inline script and style (by hash) and calls to this twin. */
export function dashboardHeaders(): Readonly<Record<string, string>> {
  return load().headers;
}

function load(): NonNullable<typeof page> {
  if (page) return page;
  const html = readFileSync(PAGE_FILE, 'utf8');
  const csp = [
    "default-src 'none'",
    `script-src ${hashes(html, 'script')}`,
    `style-src ${hashes(html, 'style')}`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  page = {
    html,
    headers: { 'content-security-policy': csp, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' },
  };
  return page;
}

/** `'sha256-…'` of every inline element of this kind, so the CSP needs no 'unsafe-inline'. */
function hashes(html: string, tag: 'script' | 'style'): string {
  const found: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
    found.push(`'sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}'`);
  }
  return found.length > 0 ? found.join(' ') : "'none'";
}
