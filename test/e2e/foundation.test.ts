/**
 * Issue 2 end to end: the built app in Debian Chromium, offline. Expected values come from the raw
 * files (read here with papaparse), never from the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { hoverAt, linkTo, openView, waitForCameraStill, waitForView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { closeAtlasSession, offlineContext, openAtlasSession, type OfflineContext, type Server } from './support/browser';
import { gridDifference, mapPixels } from './support/map-pixels';

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];

const imd = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, r]));
const pop = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, num(r.total_usual_residents)]));
const lookup = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz').filter((r) => r.lsoa21_code.startsWith('E01'));
const icbLookup = rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz');
/** Where to point the mouse for an area: the label point the pipeline placed inside it. */
const places = new Map(
  Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [`${r.level}:${r.code}`, r]),
);

const fmt = (v: number, dp: number) => v.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });

beforeAll(async () => {
  ({ server, browser, ctx, page, errors } = await openAtlasSession('/', { open: true }));
});

afterAll(() => closeAtlasSession({ browser, server }));

describe('England deprivation map, offline', () => {
  it('draws IMD 2025 for all 33,755 LSOAs with no request leaving the machine', async () => {
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    const px = await mapPixels(page);
    expect(px.drawn).toBeGreaterThan(0.1);
    expect(px.colours).toBeGreaterThanOrEqual(5);
    const counts = await page.locator('.legend-count').allInnerTexts();
    expect(counts.reduce((s, c) => s + num(c), 0)).toBe(33755);
    await page.screenshot({ path: 'test/output/e2e-england-lsoa.png' });
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the raw file value and national rank in the tooltip for known LSOAs', async () => {
    const codes = [...imd.keys()];
    for (const code of [codes[120], codes[16000], codes[33000]]) {
      const p = places.get(`lsoa21:${code}`)!;
      await openView(page, server.url, { viewport: { longitude: Number(p.lon), latitude: Number(p.lat), zoom: 11 } });
      const text = await hoverAt(page, Number(p.lon), Number(p.lat));
      expect(text).toContain(code);
      expect(text).toContain(fmt(Number(imd.get(code)!.IMD_score), 2));
      expect(text).toContain(`${fmt(Number(imd.get(code)!.IMD_rank), 0)} of 33,755`);
    }
    await page.screenshot({ path: 'test/output/e2e-tooltip.png' });
  });

  it('switching level and measure changes the map', async () => {
    await page.goto(server.url + '#');
    await page.evaluate(() => localStorage.clear());
    await page.goto(linkTo(server.url, {}));
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    const lsoa = await mapPixels(page);
    await page.getByLabel('Areas', { exact: true }).selectOption('lad24');
    await waitForView(page, 'lad24', 'imd2025.imd.score');
    const lad = await mapPixels(page);
    expect(gridDifference(lsoa, lad)).toBeGreaterThan(0.05);
    await page.getByLabel('Measure', { exact: true }).selectOption('imd2025.income.share20');
    await waitForView(page, 'lad24', 'imd2025.income.share20');
    const share = await mapPixels(page);
    expect(gridDifference(lad, share)).toBeGreaterThan(0.05);
    await expect(page.getByTestId('legend-method').innerText()).resolves.toMatch(/Census 2021 usual residents/);
    await page.screenshot({ path: 'test/output/e2e-lad-income-core20.png' });
  });

  it('a link arriving while a change is still being written to the address bar is opened, not overwritten', async () => {
    await page.goto(linkTo(server.url, {}));
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    const link = linkTo(server.url, { level: 'ward24', indicator: 'imd2025.income.share20' });
    // Change the level, then put a link in the address bar before the change has been written (150 ms):
    // replaceState changes the hash without a hashchange event, as when the event is still queued.
    await page.evaluate((href) => {
      const select = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Areas')!.control as HTMLSelectElement;
      select.value = 'lad24';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      history.replaceState(null, '', href);
    }, link);
    await waitForView(page, 'ward24', 'imd2025.income.share20');
    await expect(page.getByLabel('Areas', { exact: true }).inputValue()).resolves.toBe('ward24');
  });

  it('a ward value equals the population-weighted mean of its LSOA scores, computed from the raw files', async () => {
    const wards = [...new Set(lookup.map((r) => r.ward24_code))];
    const ward = wards[2500];
    let s = 0;
    let w = 0;
    for (const r of lookup) {
      if (r.ward24_code !== ward) continue;
      s += pop.get(r.lsoa21_code)! * Number(imd.get(r.lsoa21_code)!.IMD_score);
      w += pop.get(r.lsoa21_code)!;
    }
    await page.goto(linkTo(server.url, { level: 'ward24' }));
    await waitForView(page, 'ward24', 'imd2025.imd.score');
    await page.getByLabel('Find an area', { exact: true }).fill(ward);
    await page.getByRole('option', { name: new RegExp(ward) }).first().click();
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor();
    await expect(panel.locator('tr.current td').first().innerText()).resolves.toBe(fmt(s / w, 2));
    await waitForCameraStill(page);
    const p = places.get(`ward24:${ward}`)!;
    await expect(hoverAt(page, Number(p.lon), Number(p.lat))).resolves.toContain(fmt(s / w, 2));
  });

  it('the focus filter restricts the map and its colour scale to one ICB', async () => {
    const icb = 'E54000057';
    const inIcb = icbLookup.filter((r) => r.icb24_code === icb).length;
    await page.goto(linkTo(server.url, {}));
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    await page.getByLabel('Focus', { exact: true }).selectOption(`icb24:${icb}`);
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready');
    await waitForCameraStill(page);
    const counts = await page.locator('.legend-count').allInnerTexts();
    expect(counts.reduce((s, c) => s + num(c), 0)).toBe(inIcb);
    await expect(page.locator('.legend .hint').first().innerText()).resolves.toMatch(/Greater Manchester/);
    await page.screenshot({ path: 'test/output/e2e-focus-icb.png' });
  });

  it('is keyboard-operable and passes axe-core checks', async () => {
    await page.goto(linkTo(server.url, {}));
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    await page.getByLabel('Areas', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await waitForView(page, 'ward24', 'imd2025.imd.score');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });

  it('starts without data and says how to build it', async () => {
    // A first visit in a context of its own: the service worker the earlier visits installed would
    // answer the page's requests itself, out of reach of page.route.
    const fresh = await offlineContext(browser, { serviceWorkers: 'block' });
    const p2 = await fresh.context.newPage();
    await p2.route('**/data/manifest.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await p2.goto(server.url);
    await p2.waitForFunction(() => document.getElementById('root')?.dataset.state === 'empty');
    await expect(p2.getByText('npm run data').first().isVisible()).resolves.toBe(true);
    await fresh.context.close();
  });
});
