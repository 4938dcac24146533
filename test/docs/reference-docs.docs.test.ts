import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium.ts';
import { fromRoot } from '../../src/paths.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SPECS = ['rocketchat', 'roam', 'admin'] as const;
let browser: Browser;
let running: RunningTwin;
/** A twin serving documents with --spec: their pages are made at request time. */
let served: RunningTwin;
const PETSTORE = 'test/openapi/petstore-30.yaml';

interface Op {
  readonly id: string;
  readonly tag: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

interface SpecOp {
  readonly operationId?: string;
  readonly summary?: string;
  readonly tags?: readonly string[];
}

function operationsOf(api: string, file = `${root}openapi/${api}.yaml`): Op[] {
  const spec = parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, SpecOp>> };
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) =>
      op.operationId === undefined
        ? []
        : [{ id: op.operationId, tag: op.tags?.[0] ?? '', method: method.toUpperCase(), path, summary: op.summary ?? '' }],
    ),
  );
}

beforeAll(async () => {
  const executablePath = ensureChromium();
  execFileSync(process.execPath, ['scripts/build-docs.mjs'], { cwd: root, stdio: 'pipe' });
  running = await startTwin({ port: 0 });
  served = await startTwin({ port: 0, specs: [{ file: fromRoot(PETSTORE) }, { file: fromRoot('test/openapi/bookshop/bookshop.yaml'), prefix: '/shop' }] });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser.close();
  await running.close();
  await served.close();
});

describe('reference docs (npm run docs), served by the twin at /docs', () => {
  it('index links a page per spec', async () => {
    const page = await browser.newPage();
    await page.goto(`${running.url}/docs`);
    const anchors = page.locator('a');
    const links: (string | null)[] = [];
    for (let i = 0; i < (await anchors.count()); i += 1) links.push(await anchors.nth(i).getAttribute('href'));
    expect(links).toEqual(SPECS.map((api) => `${api}.html`).sort());
    await page.close();
  });

  it.each(SPECS)('%s: every operation renders', async (api) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${running.url}/docs/${api}.html`);
    await page.waitForSelector('#api-content');
    const operations = operationsOf(api);
    expect(operations.length).toBeGreaterThan(0);
    // Redoc 3 shows one operation at a time: open each at its menu address (`#/<tag>/<operationid>`)
    // and check that its own heading and method/path render and the menu lists it.
    for (const op of operations) {
      // Opened through its menu address: which tags Redoc opens in the menu depends on the length
      // of the intro and on the operation shown, and an operation under two tags has two entries.
      const hash = `#/${op.tag}/${op.id.toLowerCase()}`;
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      const content = page.locator('#api-content');
      await expect.poll(() => content.innerText(), { message: `${op.id} renders`, timeout: 10_000 }).toContain(op.summary);
      expect(await content.innerText()).toContain(`${op.method}\n${op.path}`);
      await expect.poll(() => page.locator(`a[href="${hash}"]`).count(), { message: `menu entry for ${op.id}` }).toBeGreaterThan(0);
    }
    mkdirSync(`${root}test-results`, { recursive: true });
    await page.screenshot({ path: `${root}test-results/docs-${api}.png`, fullPage: false });
    await page.close();
  });
});

describe('documents served with --spec get a page each', () => {
  it('the index links them after the built pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${served.url}/docs/`);
    const anchors = page.locator('a');
    const hrefs: (string | null)[] = [];
    for (let i = 0; i < (await anchors.count()); i += 1) hrefs.push(await anchors.nth(i).getAttribute('href'));
    expect(hrefs).toEqual([...SPECS.map((api) => `${api}.html`).sort(), 'petstore-30.html', 'bookshop.html']);
    await page.close();
  });

  it('petstore-30: every operation renders, and "try it" points at this twin', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.url}/docs/petstore-30.html`);
    await page.waitForSelector('#api-content');
    for (const op of operationsOf('petstore-30', fromRoot(PETSTORE))) {
      const link = page.locator(`a[href="#/${op.tag}/${op.id.toLowerCase()}"]`);
      // Redoc opens the first tag of the menu only when the intro text is short: a closed tag is
      // opened from its own menu entry (`/<tag>`) first.
      if ((await link.count()) === 0) await page.locator(`a[href="/${op.tag}"]`).first().click();
      await expect.poll(() => link.count(), { message: `menu entry for ${op.id}` }).toBeGreaterThan(0);
      // Followed through its own href: in a long menu an open tag's row can overlap the entry, and
      // an operation listed under two tags has two entries.
      const href = await link.first().getAttribute('href');
      await page.evaluate(`window.location.hash = ${JSON.stringify(href ?? '')}`);
      const content = page.locator('#api-content');
      await expect.poll(() => content.innerText(), { message: `${op.id} renders`, timeout: 10_000 }).toContain(op.summary);
    }
    expect(await page.content()).toContain(served.url);
    mkdirSync(`${root}test-results`, { recursive: true });
    await page.screenshot({ path: `${root}test-results/docs-petstore-30.png`, fullPage: false });
    await page.close();
  });

  it('bookshop: a document split over files renders from its dereferenced form', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.url}/docs/bookshop.html`);
    await page.waitForSelector('#api-content');
    for (const op of operationsOf('bookshop', fromRoot('test/openapi/bookshop/bookshop.yaml'))) {
      const link = page.locator(`a[href="#/${op.tag}/${op.id.toLowerCase()}"]`);
      // Redoc opens the first tag of the menu only when the intro text is short: a closed tag is
      // opened from its own menu entry (`/<tag>`) first.
      if ((await link.count()) === 0) await page.locator(`a[href="/${op.tag}"]`).first().click();
      await expect.poll(() => link.count(), { message: `menu entry for ${op.id}` }).toBeGreaterThan(0);
      // Followed through its own href: in a long menu an open tag's row can overlap the entry, and
      // an operation listed under two tags has two entries.
      const href = await link.first().getAttribute('href');
      await page.evaluate(`window.location.hash = ${JSON.stringify(href ?? '')}`);
      await expect.poll(() => page.locator('#api-content').innerText(), { message: `${op.id} renders`, timeout: 10_000 }).toContain(op.summary);
    }
    await page.close();
  });
});
