/**
 * Issue 7 end to end: a commissioner's own files in the built app, in Debian Chromium, offline.
 * The CSV is generated here from the real local authority codes of the built data (values made up
 * in the test); the GeoJSON boundaries are four boxes drawn here. Expected report numbers come from
 * what the test put in the files, never from the app.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCode, packText } from '../../src/state/link-bytes';
import { LINK_DICTIONARY_V2 } from '../../src/state/link-dictionary';
import { DATA_DIR } from '../support/node-db';
import { num } from '../support/raw-csv';
import { openView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { openAtlasSession, ROOT, waitForReady, type OfflineContext, type Server } from './support/browser';
import { mapPixels } from './support/map-pixels';

const OUT = join(ROOT, 'test/output');
mkdirSync(OUT, { recursive: true });

// ---- the generated CSV -----------------------------------------------------------------------
const areas = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const las = areas.filter((r) => r.level === 'lad24').sort((a, b) => a.code.localeCompare(b.code));
/** Untrusted markup in a header: rendered as HTML it would run a script and request "x". */
const EVIL_HEADER = '<img src=x onerror="window.__injected=1">Uptake %';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
// uptake falls from south to north (so the map has a visible pattern); referrals are counts
const rows: string[][] = las.map((r) => [r.code, (85 - (Number(r.lat) - 50) * 6 + rand() * 4).toFixed(1), String(Math.round(50 + rand() * 400))]);
const NON_NUMERIC_ROW = 10;
const OUT_OF_RANGE_ROW = 20;
rows[NON_NUMERIC_ROW][1] = 'about 60';
rows[OUT_OF_RANGE_ROW][1] = '104.5';
const duplicate = [las[0].code, '70.0', '99'];
const unknownCode = ['E06999999', '55.0', '10'];
const notACode = ['not a code', '65.0', '12'];
const csvRows = [...rows, duplicate, unknownCode, notACode];
const CSV = [['area_code', q(EVIL_HEADER), 'referrals'].join(','), ...csvRows.map((r) => r.map((c) => (/[ ,"]/.test(c) ? q(c) : c)).join(','))].join('\n') + '\n';
const expected = {
  rowsRead: csvRows.length,
  rowsMatched: rows.length + 1,
  unmatched: 2,
  duplicates: 1,
  nonNumeric: 1,
  outOfRange: 1,
};

// ---- the generated boundaries: three boxes side by side in London, one alone in Manchester -----
const box = (x0: number, y0: number, x1: number, y1: number) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
const boxes = [
  { code: 'PCN-A', name: 'West PCN', ring: box(-0.45, 51.4, -0.2, 51.6), visits: 120 },
  { code: 'PCN-B', name: 'Central PCN', ring: box(-0.2, 51.4, 0.0, 51.6), visits: 340 },
  { code: 'PCN-C', name: 'East PCN', ring: box(0.0, 51.4, 0.2, 51.6), visits: 75 },
  { code: 'PCN-D', name: 'Manchester PCN', ring: box(-2.35, 53.4, -2.15, 53.55), visits: 210 },
];
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: boxes.map((b) => ({ type: 'Feature', properties: { pcn_code: b.code, pcn_name: b.name, outreach_visits: b.visits }, geometry: { type: 'Polygon', coordinates: b.ring } })),
});
// ---- a rate from a numerator and a denominator: screening coverage per LSOA, rising to the north ----
const lsoas = areas.filter((r) => r.level === 'lsoa21');
const pairOf = (a: Record<string, string>, i: number): [number, number] => {
  const eligible = 300 + ((i * 37) % 900);
  return [Math.round(eligible * Math.min(0.95, 0.5 + (Number(a.lat) - 50) * 0.06 + ((i * 13) % 10) / 100)), eligible];
};
const ratePairs = lsoas.map(pairOf);
const englandPair = ratePairs.reduce(([n, d], [a, b]) => [n + a, d + b], [0, 0]);
const RATE_CSV = `lsoa21_code,screened,eligible\nE92000001,${englandPair.join(',')}\n${lsoas.map((a, i) => `${a.code},${ratePairs[i].join(',')}`).join('\n')}\n`;
/** Each LA's summed numerator and denominator, recomputed here from the file and areas.csv. */
const laSums = new Map<string, [number, number]>();
lsoas.forEach((a, i) => {
  const s = laSums.get(a.lad24_code) ?? laSums.set(a.lad24_code, [0, 0]).get(a.lad24_code)!;
  s[0] += ratePairs[i][0];
  s[1] += ratePairs[i][1];
});

const BAD_CSV = 'area_code,value\nE06000001,12\nE06000002,"13\nE06000003,14\n';

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];
/** Every request of the page and its workers while `recording` is set. */
let recording: string[] | null = null;
const record = (r: Request) => recording?.push(r.url());

const view = () => page.evaluate(() => document.getElementById('root')?.dataset.view ?? '');
async function waitForViewPrefix(prefix: string, timeout = 180_000) {
  await page.waitForFunction((p) => {
    const r = document.getElementById('root');
    return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith(p);
  }, prefix, { timeout });
}
const reportNumber = async (id: string) => num((await page.getByTestId(`yd-report-${id}`).innerText()).split(' ')[0]);

beforeAll(async () => {
  // No service worker: after the first map it stores the site's own files (icons, scripts, data) for
  // offline visits, and those requests would mix with the ones this file checks a user's file makes.
  ({ server, browser, ctx, page, errors } = await openAtlasSession('/', { context: { serviceWorkers: 'block' } }));
  page.on('request', record);
  ctx.context.on('request', record);
  await openView(page, server.url, { level: 'lad24' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Your data, offline in Chromium', () => {
  let before: Awaited<ReturnType<typeof mapPixels>>;
  let datasetView = '';

  it('loads a generated CSV through the file chooser with no network request, and reports the join', async () => {
    before = await mapPixels(page);
    // Opening the tab fetches the code lists from this site, once (recorded to prove the recorder sees workers).
    recording = [];
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
    const preparing = recording;
    expect(preparing.some((u) => u.includes('tables/ref_lad_codes.csv'))).toBe(true);

    recording = [];
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'screening <b>uptake</b>.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const dialog = page.getByTestId('yd-mapping');
    await dialog.getByTestId('yd-report').waitFor({ timeout: 120_000 });

    expect(await reportNumber('rows-read')).toBe(expected.rowsRead);
    expect(await reportNumber('rows-matched')).toBe(expected.rowsMatched);
    expect(await reportNumber('unmatched')).toBe(expected.unmatched);
    expect(await reportNumber('duplicates')).toBe(expected.duplicates);
    expect(await reportNumber('non-numeric')).toBe(expected.nonNumeric);
    expect(await reportNumber('out-of-range')).toBe(expected.outOfRange);
    expect(await page.getByTestId('yd-report-areas-matched').innerText()).toBe(`${las.length} of ${las.length + 2} distinct codes`);
    await expect(page.getByTestId('yd-report-vintage').innerText()).resolves.toMatch(/local authorit/i);
    await expect(page.getByTestId('yd-key-column').inputValue()).resolves.toBe('area_code');
    await page.getByTestId('yd-unmatched').locator('summary').click();
    const listed = await page.getByTestId('yd-unmatched').locator('li code').allInnerTexts();
    expect(listed.sort()).toEqual([unknownCode[0], notACode[0]].sort());
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yd-download-unmatched').click()]);
    const unmatchedCsv = readFileSync((await dl.path()), 'utf8').replace(/^\uFEFF/, '');
    expect(unmatchedCsv).toContain(unknownCode[0]);
    expect(unmatchedCsv).toContain(notACode[0]);
    await page.screenshot({ path: join(OUT, 'your-data-report.png') });

    // the header with markup is shown as text, exactly as written, and nothing ran
    const headers = await dialog.getByTestId('yd-preview-header').allInnerTexts();
    expect(headers).toContain(EVIL_HEADER);
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(await dialog.locator('h2').innerText()).toBe('Add screening <b>uptake</b>.csv');

    // mapping: label, direction, then add; the map changes to the new measure
    await dialog.getByTestId('yd-value-label-0').fill('Screening uptake');
    await dialog.getByTestId('yd-value-direction-0').selectOption('lower-worse');
    await expect(dialog.getByTestId('yd-value-unit-0').inputValue()).resolves.toBe('percent');
    await expect(dialog.getByTestId('yd-value-unit-1').inputValue()).resolves.toBe('count');
    await dialog.getByTestId('yd-add').click();
    await waitForViewPrefix('lad24|user.');
    datasetView = await view();
    const loading = recording;
    recording = null;
    expect(loading).toEqual([]);
    expect(ctx.blocked).toEqual([]);

    const after = await mapPixels(page);
    expect(after.drawn).toBeGreaterThan(before.drawn * 0.9); // every LA has a value: England is filled as before
    expect(after.colours).toBeGreaterThan(4);
    expect(after.grid).not.toEqual(before.grid);
    await page.screenshot({ path: join(OUT, 'your-data-mapped.png') });
    // the Map tab's measure picker lists it like any built-in measure
    await page.getByTestId('tab-map').click();
    await expect(page.getByTestId('group-select').inputValue()).resolves.toBe('Your data');
    await expect(page.getByTestId('measure-select').inputValue()).resolves.toBe(datasetView.split('|')[1]);
    await expect(page.getByTestId('measure-select').locator('option', { hasText: 'Screening uptake' }).count()).resolves.toBe(1);
    await page.getByTestId('tab-your-data').click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(1);
    await expect(page.getByTestId('yd-method').first().innerText()).resolves.toMatch(/your values as loaded/);
  });

  it('shows the measure at another level and says how it was aggregated', async () => {
    const measure = datasetView.split('|')[1];
    await page.getByTestId('level-select').selectOption('icb24');
    await waitForViewPrefix(`icb24|${measure}`);
    await expect(page.getByTestId('yd-method').first().innerText()).resolves.toMatch(/average of your .* weighted by Census 2021 residents/i);
    const counts = page.getByTestId('yd-method').nth(1);
    await expect(counts.innerText()).resolves.toMatch(/sum of your .* counts/i);
    await page.getByTestId('level-select').selectOption('lad24');
    await waitForViewPrefix(`lad24|${measure}`);
  });

  it('keeps the loaded dataset when a bad file is dropped, and names the file and row', async () => {
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'broken-referrals.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    const alert = page.getByTestId('file-queue').getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.innerText();
    expect(text).toContain('broken-referrals.csv');
    expect(text).toMatch(/row 3/);
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(1);
    expect((await view()).startsWith(datasetView.split('|').slice(0, 2).join('|'))).toBe(true);
    await page.screenshot({ path: join(OUT, 'your-data-bad-file.png') });
  });

  it('adds GeoJSON boundaries as a new level with contiguity computed in the browser', async () => {
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'pcn-areas.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(GEOJSON) });
    const dialog = page.getByTestId('yd-mapping');
    await dialog.getByTestId('yd-boundary-label').waitFor({ timeout: 60_000 });
    await expect(dialog.getByTestId('yd-mode-boundaries').isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId('yd-boundary-code').inputValue()).resolves.toBe('pcn_code');
    await expect(dialog.getByTestId('yd-boundary-name').inputValue()).resolves.toBe('pcn_name');
    await dialog.getByTestId('yd-boundary-label').fill('Test PCN areas');
    const axe = await axeViolations(page, '[data-testid=yd-mapping]');
    expect(axe, JSON.stringify(axe, null, 1)).toEqual([]);
    await dialog.getByTestId('yd-add').click();
    await waitForViewPrefix('user_');
    const levelId = (await view()).split('|')[0];
    await expect(page.getByTestId('level-select').inputValue()).resolves.toBe(levelId);
    await expect(page.getByTestId('level-select').locator('option', { hasText: 'Test PCN areas' }).count()).resolves.toBe(1);
    const level = page.getByTestId('yd-level');
    // three boxes touch, one stands alone
    await expect(level.innerText()).resolves.toMatch(/4 areas holding [\d,]+ LSOAs/);
    await expect(level.innerText()).resolves.toMatch(/1 area has no neighbour/);
    await page.screenshot({ path: join(OUT, 'your-data-boundaries.png') });
  });

  it('keeps a failing panel inside its panel: the rest works, the loaded data survives, "Try again" recovers', async () => {
    const view0 = await view();
    const before = errors.length;
    const crash = (region: string | null) => page.evaluate((r) => { window.__atlasCrashTest = r ?? undefined; }, region);
    // a tab panel fails on its next render (test hook in src/ui/ErrorBoundary.tsx)
    await crash('tab-hotspots');
    await page.getByTestId('tab-hotspots').click();
    const alert = page.getByTestId('error-tab-hotspots');
    await alert.waitFor({ timeout: 30_000 });
    const said = await alert.innerText();
    expect(said).toMatch(/The Hotspots tab stopped working/);
    expect(said).toMatch(/any data you loaded, are not affected/);
    expect(said).toMatch(/save a project file there first/);
    expect(said).not.toMatch(/^[^.]*reload/i); // a reload is never the first advice
    await page.screenshot({ path: join(OUT, 'your-data-panel-crash.png') });
    // the map, the other tabs and the user's data carry on
    expect(await view()).toBe(view0);
    await page.getByTestId('tab-your-data').click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(2);
    await expect(page.getByTestId('yd-level').count()).resolves.toBe(1);
    await page.getByTestId('tab-map').click();
    await expect(page.getByTestId('group-select').locator('option', { hasText: 'Your data' }).count()).resolves.toBe(1);
    // once the cause is gone, "Try again" brings the panel back without a reload
    await page.getByTestId('tab-hotspots').click();
    await page.getByTestId('error-tab-hotspots').waitFor();
    await crash(null);
    await page.getByTestId('retry-tab-hotspots').click();
    await page.getByTestId('hotspot-panel').waitFor({ timeout: 30_000 });

    // the area details fail: the map and the table stay
    await crash('detail');
    await page.getByTestId('toggle-table').click();
    await page.getByTestId('area-table').locator('tbody button').first().click();
    await page.getByTestId('error-detail').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('area-table').isVisible()).resolves.toBe(true);
    await crash(null);
    await page.getByTestId('retry-detail').click();
    await page.getByTestId('detail-panel').waitFor({ timeout: 30_000 });
    await page.getByTestId('toggle-table').click();
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 60_000 });

    // the only console errors are the forced ones, which are then taken off the list
    const forced = errors.splice(before);
    expect(forced.length).toBeGreaterThan(0);
    for (const e of forced) expect(e, e).toMatch(/test crash in (tab-hotspots|detail)|stopped working|The above error occurred/);
  });

  it('cancelling a slow read stops the worker at once, and the next file reads in a fresh one', async () => {
    // boundaries in British National Grid metres: parsing and reprojecting keep the worker busy
    const features = Array.from({ length: 4000 }, (_, f) => {
      const x = 400_000 + (f % 60) * 2000;
      const y = 200_000 + Math.floor(f / 60) * 2000;
      const ring = Array.from({ length: 250 }, (_, k) => [x + 900 * Math.cos((2 * Math.PI * k) / 250), y + 900 * Math.sin((2 * Math.PI * k) / 250)]);
      return { type: 'Feature', properties: { name: `Area ${f}` }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } };
    });
    const slowPath = join(OUT, 'slow-boundaries.geojson');
    writeFileSync(slowPath, JSON.stringify({ type: 'FeatureCollection', features }));
    await page.getByTestId('yd-drop-input').setInputFiles(slowPath);
    const cancel = page.getByTestId('file-queue').getByRole('button', { name: /Cancel/ });
    await cancel.waitFor({ timeout: 30_000 });
    const reader = page.workers().find((w) => w.url().includes('import.worker'));
    expect(reader, 'the import worker is running').toBeDefined();
    const closed = new Promise<void>((r) => reader!.once('close', () => r()));
    await cancel.click();
    await closed; // terminated, not asked to stop at its next check
    const failed = page.getByTestId('file-queue').getByRole('alert').filter({ hasText: 'slow-boundaries.geojson' });
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.innerText()).toMatch(/Cancelled; nothing was added/);
    await failed.getByRole('button', { name: /Dismiss/ }).click();
    // the app carries on: a small file is read (by a new worker) and can be mapped
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'after-cancel.csv', mimeType: 'text/csv', buffer: Buffer.from(`area_code,visits\n${las.slice(0, 5).map((r, i) => `${r.code},${i + 1}`).join('\n')}\n`) });
    const dialog = page.getByTestId('yd-mapping');
    await dialog.getByTestId('yd-report').waitFor({ timeout: 60_000 });
    expect(await reportNumber('rows-matched')).toBe(5);
    expect(page.workers().filter((w) => w.url().includes('import.worker'))).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Discard file' }).click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(2);
  });

  it('refuses a share link that would inflate to 64 MB, quickly, and keeps the view', async () => {
    const view0 = await view();
    const settings = packText(JSON.stringify({ level: 'icb24', title: 'x'.repeat(64 * 2 ** 20) }), LINK_DICTIONARY_V2);
    const body = `${settings}..`;
    const bomb = `#s2=${body}.${checkCode(body)}`;
    await page.evaluate((h) => { location.hash = h; }, bomb);
    const notice = page.locator('.notice', { hasText: 'This share link' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toMatch(/the atlas reads share-link parts that unpack to at most 1 MB\. The view was not changed/);
    await page.waitForFunction(() => !location.hash.startsWith('#s2=') || location.hash.length < 20_000, undefined, { timeout: 10_000 });
    expect(await view()).toBe(view0);
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(2);
    await notice.getByRole('button', { name: /Dismiss/ }).click();

    // opened as a page: refused the same way, the atlas starts with the view this browser last showed
    const fresh = await ctx.context.newPage();
    await fresh.goto(`${server.url}${bomb}`);
    await waitForReady(fresh);
    await expect(fresh.locator('.notice', { hasText: 'This share link' }).innerText()).resolves.toMatch(/unpack to at most 1 MB\. The view was not changed/);
    await fresh.close();
  });

  it('maps a numerator over a denominator: rates rebuilt from sums for larger areas, with intervals and England comparisons', async () => {
    await page.getByTestId('tab-your-data').click();
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'screening-coverage.csv', mimeType: 'text/csv', buffer: Buffer.from(RATE_CSV) });
    const dialog = page.getByTestId('yd-mapping');
    await dialog.getByTestId('yd-report').waitFor({ timeout: 120_000 });
    // the direction starts neutral, and its choices say which way early-diagnosis measures go
    await expect(dialog.getByTestId('yd-value-direction-0').inputValue()).resolves.toBe('neutral');
    const directions = await dialog.getByTestId('yd-value-direction-0').locator('option').allInnerTexts();
    expect(directions.join('\n')).toMatch(/Lower is worse, higher is better \(e\.g\. screening coverage, urgent suspected cancer referral/);
    expect(directions.join('\n')).toMatch(/Neutral context.*registers/);
    expect(directions.join('\n')).not.toMatch(/worse \(e\.g\. referrals/);
    // "eligible" is the denominator, not a value of its own
    await dialog.getByTestId('yd-value-on').nth(1).uncheck();
    await dialog.getByTestId('yd-value-unit-0').selectOption('ratio');
    await expect(dialog.getByTestId('yd-value-denominator-0').inputValue()).resolves.toBe('eligible');
    await expect(dialog.getByTestId('yd-value-kind-0').inputValue()).resolves.toBe('proportion');
    await dialog.getByTestId('yd-value-label-0').fill('Screening coverage');
    await dialog.getByTestId('yd-value-direction-0').selectOption('lower-worse');
    const axe = await axeViolations(page, '[data-testid=yd-mapping]');
    expect(axe, JSON.stringify(axe, null, 1)).toEqual([]);
    await page.screenshot({ path: join(OUT, 'your-data-rate-dialog.png') });
    await dialog.getByTestId('yd-add').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await waitForViewPrefix('', 120_000);
    const measure = (await view()).split('|')[1];
    expect(measure).toMatch(/^user\.d[a-z0-9]{6}\.v1$/);
    expect(measure).not.toBe(datasetView.split('|')[1]);
    await page.getByTestId('level-select').selectOption('lad24');
    await waitForViewPrefix(`lad24|${measure}`);
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(3);
    await expect(page.getByTestId('yd-method').last().innerText()).resolves.toMatch(/rate recomputed from the sum of "screened" over the sum of "eligible".*Wilson/);

    // out to the whole country, where coverage visibly rises from south to north
    for (let k = 0; k < 4; k++) await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(1500);
    const drawn = await mapPixels(page);
    expect(drawn.colours).toBeGreaterThan(4);
    await page.screenshot({ path: join(OUT, 'your-data-rate-map.png') });

    await page.getByTestId('toggle-table').click();
    const table = page.getByTestId('area-table');
    const scroller = table.locator('.area-table-scroll');
    /** The table renders only the rows in view: scroll until the area's row is there. */
    async function rowText(code: string): Promise<string> {
      const row = table.locator('tbody tr', { hasText: code });
      for (let y = 0; y <= las.length * 30; y += 240) {
        await scroller.evaluate((el, top) => { el.scrollTop = top; }, y);
        try {
          await row.waitFor({ timeout: 500 });
          return await row.innerText();
        } catch { /* not in view yet: scroll on */ }
      }
      throw new Error(`no table row for ${code}`);
    }
    const manchester = las.find((r) => r.name === 'Manchester')!;
    const cornwall = las.find((r) => r.name === 'Cornwall')!;
    const texts = new Map<string, string>();
    for (const la of [manchester, cornwall]) {
      const [n, d] = laSums.get(la.code)!;
      const row = await rowText(la.code);
      texts.set(la.code, row);
      expect(row).toContain(`${(100 * n / d).toFixed(1)} %`);
      expect(row).toMatch(/95 % CI \d+\.\d–\d+\.\d/);
    }
    // coverage rises to the north: Manchester is above England, Cornwall below, each called so only through its interval
    expect(texts.get(manchester.code)).toMatch(/Significantly higher than England \(better\)/);
    expect(texts.get(cornwall.code)).toMatch(/Significantly lower than England \(worse\)/);
    await page.screenshot({ path: join(OUT, 'your-data-rate-table.png') });
    await page.getByTestId('toggle-table').click();
  });

  it('saves a project file that re-opens the session, data included, when dropped back in', async () => {
    const saved = await view();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('yd-save-project').click()]);
    const projectPath = join(OUT, 'your-data-project.zip');
    await dl.saveAs(projectPath);
    expect(dl.suggestedFilename()).toMatch(/^hotspot-atlas-project-.*\.zip$/);

    // a fresh page has none of it
    await page.reload();
    await page.waitForFunction(() => document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 180_000 });
    await page.getByTestId('tab-your-data').click();
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(0);

    await page.getByTestId('yd-drop-input').setInputFiles(projectPath);
    await page.getByTestId('yd-level').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('yd-dataset').count()).resolves.toBe(3);
    await waitForViewPrefix(saved.split('|').slice(0, 2).join('|'));
    const drawn = await mapPixels(page);
    expect(drawn.colours).toBeGreaterThan(2);
    await page.screenshot({ path: join(OUT, 'your-data-project-reopened.png') });

    const axe = await axeViolations(page, '[data-testid=your-data-panel]');
    expect(axe, JSON.stringify(axe, null, 1)).toEqual([]);
    await expect(page.getByTestId('yd-share-note').innerText()).resolves.toMatch(/never the data you loaded/);
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
