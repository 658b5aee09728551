/**
 * Issue 16 (layout): a commissioner's first hour, driven by visible labels and roles at 1400×900 and
 * 1280×720. The map's key stays in sight while long controls are open (the controls scroll by
 * themselves), wide tables open in a drawer below the map that resizes by keyboard, a share link
 * reopens the tab and panel it was made on, "Start again" resets the view but keeps a loaded file,
 * the map shows keyboard focus, a click clears the hover card, and axe finds nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/node-db';
import { hoverAt, linkTo, waitForCameraStill } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { collectErrors, launch, offlineContext, ROOT, startPreview, waitForReady, type OfflineContext, type Server } from './support/browser';
import { mapPixels } from './support/map-pixels';

const OUT = join(ROOT, 'test/output');
mkdirSync(OUT, { recursive: true });

const areas = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const lads = areas.filter((r) => r.level === 'lad24' && r.code.startsWith('E')).sort((a, b) => a.code.localeCompare(b.code));
/** A small file of the user's own: a made-up value per English local authority. */
const CSV = ['area_code,outreach_visits', ...lads.map((r, i) => `${r.code},${(i * 37) % 101}`)].join('\n');

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startPreview('/');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The box of an element, which must lie wholly inside the window (nothing to scroll to). */
async function inWindow(page: Page, l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await l.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, 'element is rendered').not.toBeNull();
  expect(box!.y, 'top edge in the window').toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'bottom edge in the window').toBeLessThanOrEqual(vp.height + 0.5);
  expect(box!.x + box!.width, 'right edge in the window').toBeLessThanOrEqual(vp.width + 0.5);
  return box!;
}

/** A tab of the controls panel (the drawer has tabs of its own). */
const viewTab = (page: Page, name: string | RegExp) => page.getByRole('navigation', { name: 'Map controls' }).getByRole('tab', typeof name === 'string' ? { name, exact: true } : { name });

/** The page itself never scrolls: each panel scrolls by itself. */
async function pageDoesNotScroll(page: Page) {
  const [scroll, height] = await page.evaluate(() => [document.scrollingElement!.scrollHeight, window.innerHeight]);
  expect(scroll).toBeLessThanOrEqual(height);
}

async function openSession(viewport: { width: number; height: number }) {
  const ctx: OfflineContext = await offlineContext(browser, { viewport });
  const page = await ctx.context.newPage();
  const errors = collectErrors(page);
  return { ctx, page, errors };
}

describe('first hour at 1400×900', () => {
  let ctx: OfflineContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ ctx, page, errors } = await openSession({ width: 1400, height: 900 }));
    await page.goto(server.url);
    await waitForReady(page);
  });
  afterAll(() => ctx?.context.close());

  it('keeps the map key and its counts in sight while long controls are open', async () => {
    const key = page.getByRole('complementary', { name: 'Map key' });
    const legend = key.getByTestId('legend');
    await legend.waitFor();
    await inWindow(page, key);
    await inWindow(page, legend.locator('.legend-count').first());
    // Long controls: the colour settings on the Map tab, then the composite's inputs on the Combine tab.
    await page.getByText('Colours and classes').click();
    await viewTab(page, 'Combine').click();
    // The tab opens with the composite chosen; the panel says the map does not show it yet, and one button does.
    await expect(page.getByRole('radio', { name: 'Composite risk index' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Show the composite risk index on the map' }).click();
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').includes('|composite|') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    const controls = page.getByRole('navigation', { name: 'Map controls' });
    const body = controls.locator('.sidebar-body');
    const [scrollH, clientH] = await body.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scrollH, 'the controls are longer than the window and scroll by themselves').toBeGreaterThan(clientH);
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await inWindow(page, key.getByTestId('legend').locator('.legend-count').first());
    await expect(key.getByTestId('legend').getByRole('heading').innerText()).resolves.toBe('Composite risk index');
    await pageDoesNotScroll(page);
    // The tab list stays at the top of the scrolled controls.
    await inWindow(page, viewTab(page, 'Combine'));
    await page.screenshot({ path: join(OUT, 'e2e-layout-1400-long-controls.png') });
  });

  it('opens the map as a table in a wide drawer below the map, resizable by keyboard', async () => {
    await page.getByRole('button', { name: 'Show as table' }).click();
    const drawer = page.getByRole('region', { name: 'Map as a table' });
    await drawer.getByRole('table').waitFor();
    const box = await inWindow(page, drawer);
    const controls = (await page.getByRole('navigation', { name: 'Map controls' }).boundingBox())!;
    expect(box.width, 'wider than the controls panel').toBeGreaterThan(2 * controls.width);
    expect(await drawer.getByRole('row').count()).toBeGreaterThan(10);
    // The map is still there above it.
    const map = (await page.locator('.atlas-map').boundingBox())!;
    expect(map.y + map.height).toBeLessThanOrEqual(box.y + 1);
    expect(map.height).toBeGreaterThan(300);

    const sep = page.getByRole('separator', { name: 'Resize the wide panel' });
    await expect(sep.getAttribute('aria-valuenow')).resolves.toBe('40');
    await sep.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(sep.getAttribute('aria-valuenow')).resolves.toBe('50');
    const taller = (await drawer.boundingBox())!;
    expect(taller.height - box.height).toBeCloseTo(0.1 * 900, -1);
    await page.keyboard.press('Home');
    await expect(sep.getAttribute('aria-valuenow')).resolves.toBe('15');
    await page.keyboard.press('PageUp');
    await expect(sep.getAttribute('aria-valuenow')).resolves.toBe('35');
    await inWindow(page, drawer);
    await page.screenshot({ path: join(OUT, 'e2e-layout-1400-drawer.png') });
    // The drawer also offers the shortlist table (by arrow keys on its tabs), then back to the map's table.
    await drawer.getByRole('tab', { name: 'Map as a table' }).focus();
    await page.keyboard.press('ArrowRight');
    const wide = page.getByRole('region', { name: /^Shortlist table/ });
    // The shortlist panel's code loads on first use (lazy panels): wait for it, then it must be visible.
    await wide.getByText('No areas yet').waitFor();
    await expect(wide.getByText('No areas yet').isVisible()).resolves.toBe(true);
    await page.keyboard.press('ArrowLeft');
    await drawer.getByRole('table').waitFor();
    expect(await axeViolations(page, '[data-testid=drawer]')).toEqual([]);
  });

  it('reopens the tab and the drawer the sender had, from the share link', async () => {
    await viewTab(page, /^Shortlist/).click();
    await page.waitForFunction(() => location.hash.length > 10);
    await page.waitForTimeout(300); // the link is rewritten 150 ms after a change
    const link = await page.evaluate(() => location.href);
    const other = await ctx.context.newPage();
    await other.goto(link);
    await waitForReady(other);
    await expect(viewTab(other, /^Shortlist/).getAttribute('aria-selected')).resolves.toBe('true');
    await other.getByRole('region', { name: 'Map as a table' }).getByRole('table').waitFor();
    await expect(other.getByRole('button', { name: 'Hide table' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await other.close();
    // A link made before tabs were kept still opens the tab of its map view.
    const old = await ctx.context.newPage();
    await old.goto(linkTo(server.url, { mode: 'rules' }));
    await waitForReady(old);
    await expect(viewTab(old, 'Combine').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(old.getByRole('radio', { name: 'Overlap rules' }).isChecked()).resolves.toBe(true);
    await old.close();
  });

  it('shows where keyboard focus is on the map, and a click clears the hover card', async () => {
    const canvas = page.locator('.atlas-map canvas.maplibregl-canvas');
    await canvas.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(canvas.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const outline = await canvas.evaluate((el) => { const s = getComputedStyle(el); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }; });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(OUT, 'e2e-layout-map-focus.png') });

    await page.getByRole('button', { name: 'Hide table' }).click();
    await expect(page.getByRole('region', { name: 'Map as a table' }).count()).resolves.toBe(0);
    await viewTab(page, 'Map').click();
    await page.getByRole('button', { name: 'Back to single measure' }).click();
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').startsWith('lsoa21|imd2025.imd.score|') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    await waitForCameraStill(page);
    await hoverAt(page, -1.47, 52.55);
    const tip = page.getByRole('tooltip');
    const box = (await page.locator('.atlas-map').boundingBox())!;
    const [x, y] = await page.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [-1.47, 52.55]);
    await page.mouse.click(box.x + x, box.y + y);
    await page.getByTestId('detail-panel').waitFor();
    await expect(tip.count()).resolves.toBe(0);
    await page.screenshot({ path: join(OUT, 'e2e-layout-detail-no-tooltip.png') });
  });

  it('"Start again" says what it keeps, resets the view, and keeps a loaded file', async () => {
    await viewTab(page, 'Your data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'outreach visits.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const mapping = page.getByTestId('yd-mapping');
    await mapping.getByTestId('yd-report').waitFor({ timeout: 120_000 });
    await mapping.getByTestId('yd-add').click();
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').includes('|user.') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(1);
    // Change more of the view: a focus and a shortlist area.
    await page.getByLabel('Focus', { exact: true }).selectOption({ label: 'Birmingham' });
    await page.waitForFunction(() => location.hash.length > 10);
    // The focused map is drawn before the next step (under load the redraw can hold the page for a while).
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });

    await page.getByRole('button', { name: 'Start again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start again?' });
    await expect(dialog.innerText()).resolves.toMatch(/Kept:.*outreach visits\.csv/s);
    await expect(dialog.innerText()).resolves.toMatch(/the focus.*the shortlist/s);
    expect(await axeViolations(page, '[data-testid=start-again-dialog]')).toEqual([]);
    await page.screenshot({ path: join(OUT, 'e2e-layout-start-again.png') });
    await dialog.getByRole('button', { name: 'Start again' }).click();
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').startsWith('lsoa21|imd2025.imd.score|') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    await expect(page.getByLabel('Areas', { exact: true }).inputValue()).resolves.toBe('lsoa21');
    await expect(page.getByLabel('Focus', { exact: true }).inputValue()).resolves.toBe('');
    await expect(viewTab(page, 'Map').getAttribute('aria-selected')).resolves.toBe('true');
    // The loaded file is still there, and still offered as a measure.
    await viewTab(page, 'Your data').click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(1);
    await expect(page.getByTestId('yd-dataset').innerText()).resolves.toMatch(/outreach visits\.csv/);
    expect((await mapPixels(page)).drawn).toBeGreaterThan(0.1);
  });

  it('opens the Combine tab with a view chosen, states the focus for counts, and says "both conditions met"', async () => {
    await page.getByLabel('Focus', { exact: true }).selectOption({ label: 'Birmingham' });
    await viewTab(page, 'Combine').click();
    // Not yet on the map: the composite is chosen and the panel says what the map still shows.
    await expect(page.getByRole('radio', { name: 'Composite risk index' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Show the composite risk index on the map' }).isVisible()).resolves.toBe(true);
    await page.getByRole('radio', { name: 'Overlap rules' }).check();
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').includes('|rules|') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    await expect(page.getByTestId('rule-scope').innerText()).resolves.toMatch(/^Counted for Birmingham only/);
    const summary = await page.getByTestId('rule-summary').innerText();
    expect(summary).toMatch(/^Both conditions met: /);
    const legend = await page.getByTestId('legend').innerText();
    expect(legend).not.toMatch(/all 2|none in view/i);
    expect(legend).toMatch(/Both conditions met \(outlined\)/);
    await page.screenshot({ path: join(OUT, 'e2e-layout-combine-rules.png') });
  });

  it('is accessible (axe, whole page) and logged no errors, offline', async () => {
    expect(await axeViolations(page, '.app')).toEqual([]);
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('first hour at 1280×720', () => {
  let ctx: OfflineContext;
  let page: Page;
  beforeAll(async () => {
    ({ ctx, page } = await openSession({ width: 1280, height: 720 }));
  });
  afterAll(() => ctx?.context.close());

  it('keeps the key in sight beside long composite controls, and the drawer with the map above it', async () => {
    await page.goto(linkTo(server.url, { mode: 'composite', tab: 'combine', drawer: 'table' }));
    await waitForReady(page);
    const key = page.getByRole('complementary', { name: 'Map key' });
    await inWindow(page, key.getByTestId('legend').locator('.legend-count').first());
    await expect(viewTab(page, 'Combine').getAttribute('aria-selected')).resolves.toBe('true');
    const drawer = page.getByRole('region', { name: 'Map as a table' });
    await drawer.getByRole('table').waitFor();
    await inWindow(page, drawer);
    const map = (await page.locator('.atlas-map').boundingBox())!;
    expect(map.height).toBeGreaterThan(250);
    expect(map.width).toBeGreaterThan(600);
    await pageDoesNotScroll(page);
    const px = await mapPixels(page);
    expect(px.drawn).toBeGreaterThan(0.05);
    await page.screenshot({ path: join(OUT, 'e2e-layout-1280-composite-drawer.png') });
    // Folding the key gives the map back, and it opens again from the same button.
    await key.getByRole('button', { name: 'Hide key' }).click();
    await expect(key.getByTestId('legend').isVisible()).resolves.toBe(false);
    await key.getByRole('button', { name: 'Show key' }).click();
    await expect(key.getByTestId('legend').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page, '.app')).toEqual([]);
  });
});
