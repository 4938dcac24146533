import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium.ts';
import { ROAM_KEY, TESTER } from '../support/in-process.ts';

/**
 * The dashboard (`/__admin/ui`) in Debian's Chromium against a started twin. Every wait is on a
 * locator or a polled value, never a sleep; screenshots go to test-results/.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const shots = `${root}test-results`;
let browser: Browser;
let running: RunningTwin;
let page: Page;
/** Console errors and uncaught exceptions (a CSP refusal is a console error). */
const problems: string[] = [];

function createGroup(session: string, description: string, headers: Record<string, string> = ROAM_KEY): Promise<Response> {
  return fetch(`${running.url}/v1/api/group/`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-mock-session': session },
    body: JSON.stringify({ description }),
  });
}

const rows = () => page.locator('#requests tbody tr');

/**
 * Visible text whose contrast with its background is under WCAG's 4.5:1, as `text (ratio)`.
 * Evaluated in the page as a string: this project's types have no DOM.
 */
const LOW_CONTRAST = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own || el.closest('.sr-only')) continue;
    const a = lum(rgb(getComputedStyle(el).color).slice(0, 3));
    const b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) out.push(el.textContent.trim().slice(0, 40) + ' (' + ratio.toFixed(2) + ')');
  }
  return out;
})()`;

beforeAll(async () => {
  const executablePath = ensureChromium();
  mkdirSync(shots, { recursive: true });
  running = await startTwin({ port: 0 });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => { problems.push(error.message); });
  await page.goto(`${running.url}/__admin/ui`);
  await page.locator('#live', { hasText: 'Live' }).waitFor();
}, 300_000);

afterAll(async () => {
  await browser.close();
  await running.close();
});

describe('dashboard at /__admin/ui', () => {
  it('shows a request the test sends, live, and opens it', async () => {
    expect((await createGroup('ui-live', 'sent-by-the-test')).status).toBe(201);
    const row = rows().filter({ hasText: 'ui-live' });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('201');
    await row.first().click();
    const detail = page.locator('#detail');
    await detail.getByRole('button', { name: 'Copy as curl' }).waitFor();
    const text = await detail.innerText();
    expect(text).toContain('POST /v1/api/group/ → 201');
    expect(text).toContain('sent-by-the-test');
    // The credential is redacted as in the journal.
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(ROAM_KEY['api-key']);
    await detail.getByRole('button', { name: 'Copy as curl' }).click();
    const command = await detail.getByLabel('curl command').innerText();
    expect(command).toContain(`curl -X POST '${running.url}/v1/api/group/'`);
    expect(command).toContain("-H 'x-mock-session: ui-live'");
    expect(command).toContain(`--data-raw '{"description":"sent-by-the-test"}'`);
    await page.screenshot({ path: `${shots}/dashboard-requests.png` });
  });

  it('filters by session, status class, API, operation and violations', async () => {
    expect((await createGroup('ui-filter', 'no key', {})).status).toBe(401);
    // Rocket.Chat lets a wrong type through (answered 200) but the twin lists the violation.
    const lenient = await fetch(`${running.url}/api/v1/groups.create`, {
      method: 'POST',
      headers: { ...TESTER, 'content-type': 'application/json', 'x-mock-session': 'ui-viol' },
      body: JSON.stringify({ name: 'ui-lenient', readOnly: 5 }),
    });
    expect(lenient.status).toBe(200);
    await rows().filter({ hasText: 'ui-filter' }).first().waitFor();
    await rows().filter({ hasText: 'ui-viol' }).first().waitFor();
    await page.locator('#f-violations').check();
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.includes('ui-viol'))).toEqual([true]);
    await page.locator('#f-violations').uncheck();
    await page.selectOption('#f-status', '4');
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.includes('401'))).toEqual([true]);
    await page.selectOption('#f-status', '');
    await page.selectOption('#f-session', 'ui-live');
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.includes('ui-live'))).toEqual([true]);
    await page.selectOption('#f-session', '');
    await page.selectOption('#f-api', 'rocketchat');
    await expect.poll(() => rows().count()).toBe(1);
    await page.selectOption('#f-api', '');
    await page.selectOption('#f-operation', 'roam createGroup');
    await expect.poll(() => rows().count()).toBe(2);
    await page.selectOption('#f-operation', '');
  });

  it('is usable from the keyboard: tabs with arrows, rows with Enter', async () => {
    const first = rows().first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('document.activeElement ? document.activeElement.id : ""')).toBe('detail');
    await page.locator('#tab-requests').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-state').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#tab-requests').getAttribute('aria-selected')).toBe('true');
    // Every form control has an accessible name.
    // (A string, evaluated in the page: this project's types have no DOM.)
    const unnamed = await page.evaluate<number>(`[...document.querySelectorAll('select, input, button')].filter((c) =>
      c.closest('label') === null && c.getAttribute('aria-label') === null && (c.textContent || '').trim() === '').length`);
    expect(unnamed).toBe(0);
  });

  it('shows a created group in the state tree, and reset empties it', async () => {
    expect((await createGroup('ui-state', 'group-in-the-tree')).status).toBe(201);
    await page.locator('#tab-state').click();
    const session = page.locator('#s-session');
    await expect.poll(async () => (await session.locator('option').allInnerTexts()).includes('ui-state')).toBe(true);
    await session.selectOption('ui-state');
    await expect.poll(() => page.locator('#tree').getAttribute('data-session')).toBe('ui-state');
    await page.locator('#s-expand').click();
    await page.locator('#tree').getByText('"group-in-the-tree"').waitFor();
    await page.screenshot({ path: `${shots}/dashboard-state.png` });
    expect(await page.evaluate<string[]>(LOW_CONTRAST)).toEqual([]);
    await page.locator('#s-reset').click();
    await page.locator('#message', { hasText: 'Session ui-state is back to the fixtures.' }).waitFor();
    await page.locator('#s-expand').click();
    expect(await page.locator('#tree').innerText()).not.toContain('group-in-the-tree');
  });

  it('marks the served statuses in the coverage matrix, and a forced status takes effect', async () => {
    await page.locator('#tab-coverage').click();
    const op = page.locator('tr[data-operation="roam createGroup"]');
    await op.locator('td[data-status="201"].served').waitFor();
    await op.locator('td[data-status="401"].served').waitFor();
    expect(await page.locator('#matrix td.unserved').count()).toBeGreaterThan(0);
    expect(await op.locator('td[data-status="400"]').getAttribute('class')).toContain('unserved');
    // Force the next createGroup of session ui-force to 400 (documented, never served yet).
    await page.locator('#c-session').fill('ui-force');
    await op.getByRole('combobox').selectOption('400');
    await op.getByRole('button', { name: 'Force the next answer of roam createGroup' }).click();
    await page.locator('#forced-list', { hasText: 'roam createGroup → 400 in session ui-force' }).waitFor();
    expect((await createGroup('ui-force', 'would be created')).status).toBe(400);
    // Once: the next one is created again.
    expect((await createGroup('ui-force', 'created')).status).toBe(201);
    await op.locator('td[data-status="400"].served').waitFor();
    await page.locator('#forced-list', { hasText: 'None.' }).waitFor();
    await page.screenshot({ path: `${shots}/dashboard-coverage.png` });
    expect(await page.evaluate<string[]>(LOW_CONTRAST)).toEqual([]);
  });

  it('shows the request with violations and its issues (the README picture)', async () => {
    await page.locator('#tab-requests').click();
    await rows().filter({ hasText: 'ui-viol' }).first().click();
    await page.locator('#detail li', { hasText: '/requestBody/readOnly' }).waitFor();
    await page.screenshot({ path: `${shots}/dashboard.png` });
    expect(await page.evaluate<string[]>(LOW_CONTRAST)).toEqual([]);
  });

  it('fits a narrow window without page-wide horizontal scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.locator('#tab-requests').click();
    await rows().first().waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/dashboard-narrow.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('with an admin token, opens once the browser gives it (HTTP Basic) and goes live', async () => {
    const guarded = await startTwin({ port: 0, adminToken: 'tok-dashboard' });
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: 'tok-dashboard' } });
    try {
      const other = await context.newPage();
      await other.goto(`${guarded.url}/__admin/ui`);
      await other.locator('#live', { hasText: 'Live' }).waitFor();
      await fetch(`${guarded.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json', 'x-mock-session': 'ui-token' }, body: '{"description":"guarded"}' });
      await other.locator('#requests tbody tr', { hasText: 'ui-token' }).first().waitFor();
    } finally {
      await context.close();
      await guarded.close();
    }
  });

  it('logged no console error (the CSP admitted its own script and style)', () => {
    expect(problems).toEqual([]);
  });
});
