/**
 * Shapes first, tables on demand, in Chromium:
 *   - the first map (LSOA, IMD 2025) is drawn and coloured while DuckDB cannot start at all (its
 *     worker script is held back), from the shapes file and the pipeline's stored first-map results;
 *   - a view whose table is not loaded yet says so ("Loading data tables (smoking_aps ...)") while
 *     the table downloads, then draws its map.
 * The service worker is blocked here: it would answer the requests itself, out of reach of routing
 * (offline-revisit.test.ts covers it).
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo, waitForView } from './support/atlas-page';
import { collectErrors, launch, offlineContext, startPreview, type OfflineContext, type Server } from './support/browser';
import { mapPixels } from './support/map-pixels';

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];

/** Holds matching requests until `release` is called (then they go on to the server). */
async function holdRequests(p: Page, pattern: RegExp): Promise<{ held: () => number; release: () => Promise<void> }> {
  const waiting: Route[] = [];
  let open = false;
  await p.route(pattern, (r) => (open ? r.continue() : void waiting.push(r)));
  return {
    held: () => waiting.length,
    release: async () => {
      open = true;
      await Promise.all(waiting.splice(0).map((r) => r.continue()));
    },
  };
}

beforeAll(async () => {
  server = await startPreview('/');
  browser = await launch();
  ctx = await offlineContext(browser, { serviceWorkers: 'block' });
  page = await ctx.context.newPage();
  errors = collectErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first map and tables on demand', () => {
  it('draws the first LSOA map before DuckDB is ready', async () => {
    const duckdb = await holdRequests(page, /duckdb-browser-eh\.worker[^/]*\.js/);
    await page.goto(linkTo(server.url, {}));
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    // The frame that set 'ready' may not be on the canvas yet on a loaded machine.
    let px = await mapPixels(page);
    for (let i = 0; i < 20 && px.drawn <= 0.1; i++) {
      await page.waitForTimeout(250);
      px = await mapPixels(page);
    }
    expect(px.drawn).toBeGreaterThan(0.1);
    expect(px.colours).toBeGreaterThanOrEqual(5);
    // The database was asked for (after the first map) but could not have started.
    for (let i = 0; i < 40 && duckdb.held() === 0; i++) await page.waitForTimeout(250);
    expect(duckdb.held()).toBe(1);
    const marks = await page.evaluate(() => ['atlas:db-start', 'atlas:db-ready', 'atlas:first-query'].map((n) => performance.getEntriesByName(n).length));
    expect(marks).toEqual([1, 0, 0]);
    await page.screenshot({ path: 'test/output/e2e-first-map-without-duckdb.png' });
    await duckdb.release();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:db-ready').length === 1, undefined, { timeout: 60_000 });
  });

  it('shows progress while a view waits for a table not loaded yet, then draws it', async () => {
    const table = await holdRequests(page, /\/data\/tables\/smoking_aps\.[0-9a-f]{8}\.cols$/);
    await page.getByLabel('Areas', { exact: true }).selectOption('lad24');
    await waitForView(page, 'lad24', 'imd2025.imd.score');
    await page.getByLabel('Dataset', { exact: true }).selectOption('Smoking');
    await page.getByLabel('Measure', { exact: true }).selectOption('smoking.aps.current');
    const busy = page.locator('.busy-strip');
    await busy.filter({ hasText: /Loading data tables \(.*smoking_aps/ }).waitFor({ timeout: 30_000 });
    expect(table.held()).toBe(1);
    expect(await page.evaluate(() => document.getElementById('root')?.dataset.state)).toBe('loading');
    await page.screenshot({ path: 'test/output/e2e-table-loading.png' });
    await table.release();
    await waitForView(page, 'lad24', 'smoking.aps.current');
    await busy.waitFor({ state: 'detached', timeout: 30_000 });
    const px = await mapPixels(page);
    expect(px.drawn).toBeGreaterThan(0.1);
    expect(px.colours).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    expect(ctx.blocked).toEqual([]);
  });
});
