/**
 * Issue 12 (places that deliver) end to end in the built app, offline in Chromium: a generated CSV
 * of pharmacy-like places (real GP site coordinates in Sheffield, MANIFEST §8, with made-up names,
 * one of them markup) becomes ring markers on the map, a places table and two measures; a file with
 * latitude and longitude swapped is refused with a message naming the file and columns, and what
 * was loaded stays.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { area, centerOfMass, distance, polygon } from '@turf/turf';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeShapes } from '../../src/geo/shapes-file';
import { PLACE_RING } from '../../src/map/delivery-points-layer';
import { DATA_DIR, dataFile } from '../support/node-db';
import { practiceFile } from '../support/practice-file';
import { addPracticeShareFile, expectPracticeShareFunnel } from './support/your-data-page';
import { num, rawRows } from '../support/raw-csv';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';
import { hoverAt, openView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { openAtlasSession, ROOT, type Server } from './support/browser';

const OUT = join(ROOT, 'test/output');
mkdirSync(OUT, { recursive: true });

const SHEFFIELD = 'E08000019';
const sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')
  .filter((r) => r.ltla24_code === SHEFFIELD && r.latitude && r.longitude);
const EVIL = '<img src=x onerror="window.__injected=1">Late pharmacy';
const names = sites.map((_, i) => (i === 0 ? EVIL : `Pharmacy ${i + 1}`));
const CSV = `Name,Type,Latitude,Longitude\n${sites.map((r, i) => `"${names[i].replace(/"/g, '""')}",pharmacy,${r.latitude},${r.longitude}`).join('\n')}\n`;
const SWAPPED = `name,latitude,longitude\n${sites.slice(0, 5).map((r, i) => `Site ${i},${r.longitude},${r.latitude}`).join('\n')}\n`;

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
/** The places file's dataset id (from the view key once it is mapped). */
let dataset = '';

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
  // Focused on Sheffield: the overlap rule then counts Sheffield's LSOAs only.
  await openView(page, server.url, { level: 'lsoa21', focus: { level: 'lad24', code: SHEFFIELD }, viewport: { longitude: -1.47, latitude: 53.38, zoom: 11 } });
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
    dataset = /user\.(d[a-z0-9]{6})\./.exec(await page.evaluate(() => document.getElementById('root')?.dataset.view ?? ''))![1];
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

  it('names the place under the pointer (as text) and keys the places in the map key', async () => {
    // The place nearest the map's centre among those that share their position with no other place.
    const at = (r: (typeof sites)[number]) => `${r.latitude},${r.longitude}`;
    const off = (r: (typeof sites)[number]) => Math.hypot(Number(r.longitude) + 1.47, Number(r.latitude) - 53.38);
    const lone = sites.filter((r) => sites.filter((o) => at(o) === at(r)).length === 1).sort((a, b) => off(a) - off(b));
    expect(lone.length).toBeGreaterThan(0);
    const i = sites.indexOf(lone[0]);
    await page.getByTestId('tab-your-data').click();
    const text = await hoverAt(page, Number(sites[i].longitude), Number(sites[i].latitude));
    expect(text).toContain(names[i]);
    expect(text).toMatch(/Your place/);
    expect(text).toMatch(/Type\s*pharmacy/);
    // Row numbers as the file counts them: the header is line 1, so place i is on line i + 2.
    expect(text).toContain(`sheffield pharmacies.csv, row ${i + 2}`);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await page.screenshot({ path: join(OUT, 'places-hover.png') });
    await page.mouse.move(5, 5);

    const key = page.getByTestId('places-key');
    expect(await key.innerText()).toMatch(new RegExp(`sheffield pharmacies\\.csv\\s*${sites.length}`));
    expect(await axeViolations(page, '[data-testid=map-key]')).toEqual([]);
  });

  it('refuses a file with latitude and longitude swapped, saying so, and keeps the places loaded', async () => {
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'swapped sites.csv', mimeType: 'text/csv', buffer: Buffer.from(SWAPPED) });
    const alert = page.getByTestId('file-queue').getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toMatch(/swapped sites\.csv: the column "latitude" holds longitudes and "longitude" holds latitudes .*Swap the two column names/);
    await expect(page.getByText(`sheffield pharmacies.csv (${sites.length} places)`).count()).resolves.toBe(1);
    expect(await ringPixels()).toBeGreaterThan(sites.length * 10);
  });

  it('"Core20 and no place within 1 km" as an overlap rule changes the shortlist; pull partners carry ODS codes', async () => {
    // Expected, recomputed here: Sheffield's LSOAs, Core20 by IMD 2019 on LSOA 2021 (the preset's
    // edition), km from the centre of mass of each LSOA's largest ring (turf) to the nearest place.
    const areas = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const lsoas = areas.filter((a) => a.level === 'lsoa21' && a.lad24_code === SHEFFIELD).map((a) => a.code);
    const imd = rawImd2019OnLsoa21();
    const core20 = lsoas.filter((c) => imd.get(c)!.decile.imd <= 2);
    const g = decodeShapes(gunzipSync(readFileSync(dataFile('geo/lsoa21.bin'))), 'lsoa21').polygons;
    const index = new Map(g.ids.map((id, i) => [id, i]));
    const kmOf = (code: string) => {
      const i = index.get(code)!;
      const rings: number[][][] = [];
      for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
        const ring: number[][] = [];
        for (let v = g.ringStarts[r]; v < g.ringStarts[r + 1]; v++) ring.push([g.positions[2 * v], g.positions[2 * v + 1]]);
        if (ring.length >= 3) rings.push([...ring, ring[0]]);
      }
      const c = centerOfMass(rings.map((r) => polygon([r])).reduce((a, b) => (area(b) > area(a) ? b : a))).geometry.coordinates;
      return Math.min(...sites.map((s) => distance(c, [Number(s.longitude), Number(s.latitude)], { units: 'kilometers' })));
    };
    const far = core20.filter((c) => kmOf(c) >= 1);
    expect(far.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThan(core20.length);

    await page.getByTestId('tab-combine').click();
    await page.getByTestId('combine-view-rules').check();
    await page.getByTestId('rule-preset-core20').click();
    const summary = page.getByTestId('rule-summary');
    await page.waitForFunction((n) => (document.querySelector('[data-testid=rule-summary]')?.textContent ?? '').includes(n), core20.length.toLocaleString('en-GB'), { timeout: 120_000 })
      .catch(async (e: Error) => {
        await page.screenshot({ path: join(OUT, 'places-rule-failed.png') });
        throw new Error(`${e.message}: summary "${await summary.innerText().catch(() => '?')}", expected ${core20.length}`);
      });
    expect(num(/(\d[\d,]*) area/.exec(await summary.innerText())![1])).toBe(core20.length);
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-measure-1').selectOption(`user.${dataset}.v2`);
    await page.getByTestId('rule-test-1').selectOption('at-least');
    await page.getByTestId('rule-value-1').fill('1');
    await page.getByTestId('rule-value-1').press('Enter');
    await page.waitForFunction(() => /^Both conditions met: /.test(document.querySelector('[data-testid=rule-summary]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    // "at least 1 km" to the nearest: no place within 1 km of the LSOA's centre (exactly 1 km is a measure-zero case)
    expect(num(/(\d[\d,]*) area/.exec(await summary.innerText())![1])).toBe(far.length);

    await page.getByTestId('tab-shortlist').click();
    await page.getByTestId('shortlist-add-rule').click();
    await page.waitForFunction((n) => (document.querySelector('[data-testid=shortlist-totals]')?.textContent ?? '').startsWith(`${n} `), String(far.length), { timeout: 60_000 });

    await page.getByTestId('shortlist-partners').click();
    const partners = page.getByTestId('pull-partners');
    await partners.locator('table tbody tr').first().waitFor({ timeout: 60_000 });
    const [dl] = await Promise.all([page.waitForEvent('download'), partners.getByTestId('pull-partners-csv').click()]);
    const csv = Papa.parse<Record<string, string>>(readFileSync(await dl.path(), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const codes = new Set(csv.map((r) => r.practice_code));
    expect(csv.every((r) => /^[A-Z]\d{5}$/.test(r.practice_code) && (r.pcn_code === '' || /^U\d{5}$/.test(r.pcn_code)))).toBe(true);
    // Every QOF practice whose site is in a shortlisted LSOA is listed (raw file, MANIFEST §8).
    const located = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')
      .filter((r) => r.in_qof_2022_23 === 'TRUE' && far.includes(r.lsoa21_code)).map((r) => r.practice_code);
    for (const c of located) expect(codes.has(c), c).toBe(true);
    expect(csv.length).toBeGreaterThanOrEqual(located.length);
    expect(csv.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'places-partners.png') });

    // "Add to shortlist" on the first practice: it joins the shortlist's own "Practices and PCNs"
    // section, and the CSV download carries it with its ODS codes and its site (raw file, MANIFEST §8).
    const first = csv[0];
    const row = partners.locator('table tbody tr').first();
    expect(await row.locator('td').nth(1).innerText()).toBe(first.practice_code);
    await row.getByRole('button', { name: `Add to shortlist: ${first.practice_name}` }).click();
    await row.getByText('in the shortlist').waitFor();
    await page.getByTestId('tab-shortlist').click();
    const section = page.getByTestId('shortlist-practices');
    await expect.poll(() => section.innerText(), { timeout: 60_000 }).toContain(`${first.practice_name} (${first.practice_code}`);
    await page.screenshot({ path: join(OUT, 'places-shortlist-practices.png') });
    const [zipped] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
    const files = unzipSync(new Uint8Array(readFileSync(await zipped.path())));
    const name = Object.keys(files).find((n) => n.endsWith('-practices-and-pcns.csv'));
    expect(name).toBeDefined();
    const listed = Papa.parse<Record<string, string>>(strFromU8(files[name!]).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const site = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv').find((r) => r.practice_code === first.practice_code)!;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'GP practice', practice_code: first.practice_code, practice_name: first.practice_name, pcn_code: first.pcn_code, pcn_name: first.pcn_name });
    expect(Number(listed[0].latitude)).toBeCloseTo(Number(site.latitude), 5);
    expect(Number(listed[0].longitude)).toBeCloseTo(Number(site.longitude), 5);
    expect(Number(listed[0].list_size)).toBeGreaterThan(0);

    // The map image marks it with a keyed diamond (MARKER: map-image.ts), and the one-page brief lists it.
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-png').click()]);
    const pngPath = join(OUT, 'places-shortlist-map.png');
    await png.saveAs(pngPath);
    const mapWidth = await page.locator('.atlas-map canvas').evaluate((c) => (c as HTMLCanvasElement).width);
    const diamonds = await page.evaluate(async ([b64, split]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      const n = { map: 0, key: 0 };
      for (let o = 0; o < data.length; o += 4) {
        if (Math.abs(data[o] - 11) + Math.abs(data[o + 1] - 46) + Math.abs(data[o + 2] - 107) > 24) continue;
        if ((o / 4) % c.width < split) n.map++;
        else n.key++;
      }
      return n;
    }, [readFileSync(pngPath).toString('base64'), mapWidth] as const);
    // a diamond of half-diagonal 6 px is ~70 CSS px: one at the practice's site, one in the key
    expect(diamonds.map).toBeGreaterThan(30);
    expect(diamonds.key).toBeGreaterThan(30);
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => { w.__printed++; };
    });
    await page.getByTestId('export-print').click();
    await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0, undefined, { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    try {
      const brief = page.getByTestId('print-practices');
      await expect.poll(() => brief.isVisible()).toBe(true);
      const text = await brief.innerText();
      expect(text).toContain(first.practice_code);
      expect(text).toContain(first.practice_name);
      expect(text).toContain(Number(listed[0].list_size).toLocaleString('en-GB'));
      await page.screenshot({ path: join(OUT, 'places-print-brief.png'), fullPage: true });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }

    // Removable: the section goes when its last entry is removed.
    await section.getByRole('button', { name: /^Remove / }).click();
    await expect.poll(() => section.count()).toBe(0);
    await page.getByTestId('shortlist-partners').click();
    await partners.locator('table tbody tr').first().getByTestId('partner-add-practice').waitFor();
  });

  it('has no accessibility violations in the Your data panel, the places table and the pull partners', async () => {
    expect(await axeViolations(page, '[data-testid=pull-partners]')).toEqual([]);
    await page.getByTestId('tab-your-data').click();
    expect(await axeViolations(page, '[data-testid=your-data-panel]')).toEqual([]);
    await page.getByRole('button', { name: 'Places as a table' }).click();
    await page.locator('table.places-table').waitFor();
    expect(await axeViolations(page, 'table.places-table')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a saved project brings back the places and a GP practice file\'s practice measure after starting again', async () => {
    const f = practiceFile(8);
    const label = 'Screening coverage';
    await addPracticeShareFile(page, 'screening-practices.csv', f.text, label);
    await expect.poll(() => page.getByTestId('yd-dataset').count(), { timeout: 120_000 }).toBe(2);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yd-save-project').click()]);
    const projectPath = join(OUT, 'places-project.zip');
    await dl.saveAs(projectPath);

    // start again: a fresh page has none of it
    await page.reload();
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 180_000 });
    await page.getByTestId('tab-your-data').click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(0);
    await page.getByTestId('yd-drop-input').setInputFiles(projectPath);
    await expect.poll(() => page.getByTestId('yd-dataset').count(), { timeout: 120_000 }).toBe(2);

    // the places: drawn, listed with their names as text, and their two measures
    await page.getByRole('heading', { name: 'Places on the map' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Places as a table' }).click();
    const table = page.locator('table.places-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 60_000 }).toBe(sites.length);
    await expect(table.locator('tbody tr').first().locator('td').nth(2).innerText()).resolves.toBe(EVIL);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await expect(page.getByTestId('yd-map-measure').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Map “sheffield pharmacies: places in the area”', 'Map “sheffield pharmacies: km to the nearest”']));
    await page.screenshot({ path: join(OUT, 'places-project-reopened.png') });

    // the practice file's share is a practice measure again, around the same England value
    await expectPracticeShareFunnel(page, 'screening-practices.csv', label, f.england);
    expect(errors).toEqual([]);
  }, 300_000);
});
