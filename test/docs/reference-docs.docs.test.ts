import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/**
 * Opens `op` at its menu address (`#/<tag>/<operationid>`) and waits until its summary renders,
 * then checks the menu lists it. Not by clicking the menu: which tags Redoc opens there depends on
 * the length of the intro and on the operation shown, in a long menu an open tag's row can overlap
 * an entry, and an operation under two tags has two entries.
 */
async function openOperation(page: Page, op: Op): Promise<void> {
  const hash = `#/${op.tag}/${op.id.toLowerCase()}`;
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await expect.poll(() => page.locator('#api-content').innerText(), { message: `${op.id} renders`, timeout: 10_000 }).toContain(op.summary);
  await expect.poll(() => page.locator(`a[href="${hash}"]`).count(), { message: `menu entry for ${op.id}` }).toBeGreaterThan(0);
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
      await openOperation(page, op);
      expect(await page.locator('#api-content').innerText()).toContain(`${op.method}\n${op.path}`);
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
      await openOperation(page, op);
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
      await openOperation(page, op);
    }
    await page.close();
  });
});
