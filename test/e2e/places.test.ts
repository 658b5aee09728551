/**
 * Issue 12 (places that deliver) end to end in the built app, offline in Chromium: a generated CSV
 * of pharmacy-like places (real GP site coordinates in Sheffield, MANIFEST §8, with made-up names,
 * one of them markup) becomes ring markers on the map, a places table and two measures; a file with
 * latitude and longitude swapped is refused with a message naming the file and columns, and what
 * was loaded stays.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLACE_RING } from '../../src/map/delivery-points-layer';
import { rawRows } from '../support/raw-csv';
import { openView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { openAtlasSession, ROOT, type Server } from './support/browser';

const OUT = join(ROOT, 'test/output');
mkdirSync(OUT, { recursive: true });

const sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')
  .filter((r) => r.ltla24_code === 'E08000019' && r.latitude && r.longitude);
const EVIL = '<img src=x onerror="window.__injected=1">Late pharmacy';
const names = sites.map((_, i) => (i === 0 ? EVIL : `Pharmacy ${i + 1}`));
const CSV = `Name,Type,Latitude,Longitude\n${sites.map((r, i) => `"${names[i].replace(/"/g, '""')}",pharmacy,${r.latitude},${r.longitude}`).join('\n')}\n`;
const SWAPPED = `name,latitude,longitude\n${sites.slice(0, 5).map((r, i) => `Site ${i},${r.longitude},${r.latitude}`).join('\n')}\n`;

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];

/** Canvas pixels within a small distance of the places' ring colour. */
const ringPixels = () => page.evaluate((rgb) => {
  const gl = document.querySelector('.atlas-map canvas') as HTMLCanvasElement;
  const c = document.createElement('canvas');
  [c.width, c.height] = [gl.width, gl.height];
  const g = c.getContext('2d')!;
  g.drawImage(gl, 0, 0);
  const { data } = g.getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let o = 0; o < data.length; o += 4) if (Math.abs(data[o] - rgb[0]) + Math.abs(data[o + 1] - rgb[1]) + Math.abs(data[o + 2] - rgb[2]) < 40) n++;
  return n;
}, PLACE_RING);

beforeAll(async () => {
  ({ server, browser, page, errors } = await openAtlasSession('/', { context: { serviceWorkers: 'block' } }));
  await openView(page, server.url, { level: 'lsoa21', viewport: { longitude: -1.47, latitude: 53.38, zoom: 11 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Places that deliver, in Chromium', () => {
  it('draws a CSV of places as ring markers, lists them as a table and maps their count per area', async () => {
    expect(sites.length).toBeGreaterThan(50);
    const before = await ringPixels();
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'sheffield pharmacies.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.waitForFunction(() => /^lsoa21\|user\.d[a-z0-9]{6}\.v1\|/.test(document.getElementById('root')?.dataset.view ?? '') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 180_000 });
    await page.getByRole('heading', { name: 'Places on the map' }).waitFor();
    await expect(page.getByText(`sheffield pharmacies.csv (${sites.length} places)`).count()).resolves.toBe(1);
    await page.waitForTimeout(500);
    const shown = await ringPixels();
    await page.screenshot({ path: join(OUT, 'places-map.png') });
    expect(before).toBeLessThan(50);
    // A ring is ~2 px wide around a 6 px radius: dozens of places draw well over a thousand pixels.
    expect(shown).toBeGreaterThan(sites.length * 10);

    // "Show on map" off removes them, on brings them back.
    const toggle = page.getByRole('checkbox', { name: /sheffield pharmacies\.csv/ });
    await toggle.uncheck();
    await page.waitForTimeout(500);
    expect(await ringPixels()).toBeLessThan(50);
    await toggle.check();

    // The table: every place, names as text (the markup did not run).
    await page.getByRole('button', { name: 'Places as a table' }).click();
    const table = page.locator('table.places-table');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(sites.length);
    await expect(table.locator('tbody tr').first().locator('td').nth(2).innerText()).resolves.toBe(EVIL);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();

    // The two measures are listed under Your data, with their method.
    await expect(page.getByTestId('yd-map-measure').allInnerTexts()).resolves.toEqual(['Map “sheffield pharmacies: places in the area”', 'Map “sheffield pharmacies: km to the nearest”']);
  });

  it('refuses a file with latitude and longitude swapped, saying so, and keeps the places loaded', async () => {
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'swapped sites.csv', mimeType: 'text/csv', buffer: Buffer.from(SWAPPED) });
    const alert = page.getByTestId('file-queue').getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toMatch(/swapped sites\.csv: the column "latitude" holds longitudes and "longitude" holds latitudes .*Swap the two column names/);
    await expect(page.getByText(`sheffield pharmacies.csv (${sites.length} places)`).count()).resolves.toBe(1);
    expect(await ringPixels()).toBeGreaterThan(sites.length * 10);
  });

  it('has no accessibility violations in the Your data panel and the places table', async () => {
    expect(await axeViolations(page, '[data-testid=your-data-panel]')).toEqual([]);
    expect(await axeViolations(page, 'table.places-table')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
