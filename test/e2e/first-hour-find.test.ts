/**
 * Issue 16 (part B) end to end, offline in Debian Chromium, driven by visible labels and roles: search
 * that finds places as people name them, place names at England scale, the palette's emphasis, where
 * the Gi* hot spots are, class breaks that follow the focus, plain-English help, and the export naming
 * the measure actually mapped. Expected names, counts and residents come from the raw ONS and census
 * files (read here), never from the app.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMBINE } from '../../src/state/combine-spec';
import { DATA_DIR } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { linkTo, waitForCameraStill, waitForView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { closeAtlasSession, openAtlasSession, type AtlasSession } from './support/browser';

const OUT = 'test/output/first-hour-find';
mkdirSync(OUT, { recursive: true });

let s: AtlasSession;
let page: Page;

const lookup = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz').filter((r) => r.lsoa21_code.startsWith('E01'));
const residents = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, num(r.total_usual_residents)]));
const ladName = new Map(lookup.map((r) => [r.ltla24_code, r.ltla24_name]));
const ladOf = new Map(lookup.map((r) => [r.lsoa21_code, r.ltla24_code]));
/** Label points and bounds the pipeline placed for each area (where to look on screen). */
const places = new Map(
  Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [`${r.level}:${r.code}`, r]),
);
const ladCode = (name: string) => [...ladName].find(([, n]) => n === name)![0];

const combobox = () => page.getByRole('combobox', { name: 'Find an area' });
const options = () => page.getByRole('listbox', { name: 'Matching places' }).getByRole('option');
const project = (lon: number, lat: number) => page.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [lon, lat]);

/** Pixels of the map canvas inside a screen box (map coordinates), as [r, g, b] triples. */
async function canvasPixels(x0: number, y0: number, x1: number, y1: number): Promise<number[][]> {
  return page.evaluate(([a, b, c, d]) => {
    const gl = document.querySelector('.atlas-map canvas') as HTMLCanvasElement;
    const k = gl.width / gl.getBoundingClientRect().width;
    const cv = document.createElement('canvas');
    [cv.width, cv.height] = [gl.width, gl.height];
    const ctx = cv.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const [x, y, w, h] = [Math.max(0, Math.round(a * k)), Math.max(0, Math.round(b * k)), Math.round((c - a) * k), Math.round((d - b) * k)];
    const data = ctx.getImageData(x, y, Math.max(1, w), Math.max(1, h)).data;
    const out: number[][] = [];
    for (let i = 0; i < data.length; i += 4) out.push([data[i], data[i + 1], data[i + 2]]);
    return out;
  }, [x0, y0, x1, y1]);
}

const luminance = (css: string) => {
  const [r, g, b] = (/rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css) ?? []).slice(1).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

beforeAll(async () => {
  s = await openAtlasSession('/', { open: true });
  page = s.page;
});

afterAll(() => closeAtlasSession(s ?? {}));

describe('England at national zoom', () => {
  it('shows city and authority names with a halo over the map, and the darkest colour at the worse end', async () => {
    await waitForView(page, 'lsoa21', 'imd2025.imd.score');
    // The names come from the areas table, which loads in the background after the first map.
    await page.locator('.busy-strip').waitFor({ state: 'detached', timeout: 120_000 });
    await waitForCameraStill(page);
    await page.waitForTimeout(500);
    const shot = join(OUT, 'england-labels.png');
    await page.screenshot({ path: shot });
    // The biggest authorities (by raw census residents) are labelled: look for the label's white halo
    // (no class colour of the map is near-white) around the label points of Birmingham and Leeds.
    const pop = new Map<string, number>();
    for (const r of lookup) pop.set(r.ltla24_code, (pop.get(r.ltla24_code) ?? 0) + (residents.get(r.lsoa21_code) ?? 0));
    const biggest = [...pop].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([c]) => c);
    expect(biggest.map((c) => ladName.get(c))).toEqual(['Birmingham', 'Leeds']);
    for (const code of biggest) {
      const p = places.get(`lad24:${code}`)!;
      const [x, y] = await project(Number(p.lon), Number(p.lat));
      const px = await canvasPixels(x - 45, y - 10, x + 45, y + 10);
      const halo = px.filter(([r, g, b]) => r > 235 && g > 235 && b > 235).length;
      const ink = px.filter(([r, g, b]) => r < 70 && g < 70 && b < 70).length;
      expect(halo, `halo of ${ladName.get(code)}'s label`).toBeGreaterThan(40);
      expect(ink, `text of ${ladName.get(code)}'s label`).toBeGreaterThan(15);
    }
    // Nowhere far from any label is there such a halo: the map itself is not near-white.
    const sea = await canvasPixels(5, 5, 60, 60);
    expect(sea.filter(([r, g, b]) => r > 235 && g > 235 && b > 235).length).toBe(0);

    // Palette: the default is colour-blind safe and darkest at the worse end, said in words.
    await expect(page.getByTestId('palette-select').inputValue()).resolves.toBe('YlOrRd');
    await expect(page.locator('.legend-direction').innerText()).resolves.toMatch(/^Darkest: .*deprived/i);
    const swatches = await page.locator('[data-testid=legend] .legend-items .swatch:not(.swatch-nodata)').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(swatches.length).toBeGreaterThanOrEqual(5);
    // Items run from the worse end: each is darker than the next.
    const lum = swatches.map(luminance);
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeGreaterThan(lum[i - 1]);
  });
});

describe('search finds places the way people name them', () => {
  it('"Salford" lists the local authority first, named areas before LSOAs; Enter zooms to the whole authority and closes the list', async () => {
    await combobox().fill('Salford');
    await options().first().waitFor();
    const texts = await options().allInnerTexts();
    expect(texts[0]).toMatch(/^Salford\s+local authority in NHS Greater Manchester/);
    const firstLsoa = texts.findIndex((t) => / LSOA in /.test(t));
    const lastNamed = texts.map((t) => !/ LSOA in /.test(t)).lastIndexOf(true);
    expect(firstLsoa === -1 || lastNamed < firstLsoa, texts.join(' | ')).toBe(true);
    await expect(combobox().getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(combobox().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('listbox', { name: 'Matching places' }).isVisible()).resolves.toBe(false);
    await waitForCameraStill(page);
    // The whole authority is on screen, filling most of the map (not a 200 m close-up).
    const p = places.get(`lad24:${ladCode('Salford')}`)!;
    const [x0, y1] = await project(Number(p.minx), Number(p.miny));
    const [x1, y0] = await project(Number(p.maxx), Number(p.maxy));
    const box = (await page.locator('.atlas-map').boundingBox())!;
    expect(x0).toBeGreaterThanOrEqual(-2);
    expect(y0).toBeGreaterThanOrEqual(-2);
    expect(x1).toBeLessThanOrEqual(box.width + 2);
    expect(y1).toBeLessThanOrEqual(box.height + 2);
    expect(Math.max((x1 - x0) / box.width, (y1 - y0) / box.height)).toBeGreaterThan(0.6);
    const picked = page.getByTestId('search-picked');
    await expect(picked.innerText()).resolves.toMatch(/Showing Salford \(local authority in NHS Greater Manchester/);
    await expect(picked.getByRole('button', { name: 'Focus on this local authority' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(OUT, 'search-salford.png') });
  });

  it('two wards called "Moss Side" are told apart by their authority; Escape closes the list, a second Escape clears it', async () => {
    const expected = [...new Set(lookup.filter((r) => r.ward24_name === 'Moss Side').map((r) => r.ltla24_name))].sort();
    expect(expected.length).toBeGreaterThanOrEqual(2);
    await combobox().fill('Moss Side');
    await options().first().waitFor();
    const all = await options().allInnerTexts();
    const wards = all.filter((t) => /^Moss Side\s+ward in /.test(t));
    expect(wards.length, all.join(' | ')).toBeGreaterThanOrEqual(2);
    expect(wards.map((t) => /ward in (.+?) ·/.exec(t)![1]).sort()).toEqual(expected);
    await page.screenshot({ path: join(OUT, 'search-moss-side.png') });
    await page.keyboard.press('ArrowDown');
    await expect(combobox().getAttribute('aria-activedescendant')).resolves.toMatch(/opt-1$/);
    await page.keyboard.press('Escape');
    await expect(combobox().getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('listbox', { name: 'Matching places' }).isVisible()).resolves.toBe(false);
    await expect(combobox().inputValue()).resolves.toBe('Moss Side');
    await page.keyboard.press('Escape');
    await expect(combobox().inputValue()).resolves.toBe('');
  });
});

describe('where the hot spots are', () => {
  it('after a Gi* run for England, lists local authorities by residents in hot-spot LSOAs (as the raw files give) and zooms to the first', async () => {
    await page.goto(linkTo(s.server.url, { mode: 'hotspots' }));
    await page.waitForFunction(() => {
      const r = document.getElementById('root');
      return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith('lsoa21|hotspots|') && !(r.dataset.view ?? '').includes('|none|');
    }, undefined, { timeout: 300_000 });
    const list = page.getByRole('region', { name: 'Where the hot spots are' });
    await list.waitFor({ timeout: 60_000 });
    const rows = async () => list.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    const shown = await rows();
    expect(shown.length).toBeGreaterThan(3);
    // The app's per-area results, regrouped here by the raw ONS lookup with raw census residents.
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('hotspot-download').click()]);
    const csv = readFileSync((await dl.path()), 'utf8').replace(/^\uFEFF/, '');
    const results = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    const byLad = new Map<string, { areas: number; residents: number }>();
    for (const r of results) {
      if (!/^hot-/.test(r.cluster)) continue;
      const lad = ladOf.get(r.code)!;
      const t = byLad.get(lad) ?? { areas: 0, residents: 0 };
      t.areas++;
      t.residents += residents.get(r.code)!;
      byLad.set(lad, t);
    }
    const expected = [...byLad].sort((a, b) => b[1].residents - a[1].residents || b[1].areas - a[1].areas).slice(0, shown.length);
    expect(shown.map((r) => [r[1], num(r[2].split(' of ')[0]), num(r[3])])).toEqual(expected.map(([c, t]) => [ladName.get(c), t.areas, t.residents]));
    await page.screenshot({ path: join(OUT, 'hotspot-places.png') });

    const before = await page.evaluate(() => window.hotspotAtlas!.camera().zoom);
    await list.getByRole('button', { name: `Zoom to the hot spots in ${shown[0][1]}` }).click();
    await waitForCameraStill(page);
    expect(await page.evaluate(() => window.hotspotAtlas!.camera().zoom)).toBeGreaterThan(before + 2);
    await page.screenshot({ path: join(OUT, 'hotspot-zoom-first.png') });

    await list.getByRole('radio', { name: 'ICB' }).check();
    await expect(list.locator('thead th').nth(1).innerText()).resolves.toBe('ICB');
    const icbRows = await rows();
    expect(icbRows.reduce((t, r) => t + num(r[2].split(' of ')[0]), 0)).toBeLessThanOrEqual([...byLad.values()].reduce((t, x) => t + x.areas, 0));
    expect(icbRows[0][1]).toMatch(/Integrated Care Board|ICB/);

    // The list also opens wide below the map, and is then shown there only.
    await page.getByRole('button', { name: 'Open the list wide, below the map' }).click();
    const wide = page.getByTestId('drawer').getByTestId('hotspot-places');
    await wide.waitFor();
    await expect(page.getByTestId('hotspot-places').count()).resolves.toBe(1);
    expect(await wide.locator('tbody tr').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(OUT, 'hotspot-places-wide.png') });
    await page.getByRole('button', { name: 'Show it here instead' }).click();
    await list.waitFor();
    await expect(page.getByTestId('drawer').getByTestId('hotspot-places').count()).resolves.toBe(0);

    // Plain-English help opens from the keyboard.
    const help = page.locator('details.help-tip', { hasText: 'What is the false discovery rate' });
    await help.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(help.getAttribute('open')).resolves.not.toBeNull();
    await expect(help.innerText()).resolves.toMatch(/Benjamini–Hochberg/);
    for (const q of ['What is Getis–Ord Gi*?', 'What are queen and rook neighbours?', 'What does row-standardised mean?', 'What are conditional permutations?', 'What do α, 95 % and 99 % mean?', 'How to read this map']) {
      await expect(page.locator('details.help-tip summary', { hasText: q }).count(), q).resolves.toBeGreaterThan(0);
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('class breaks follow the focus', () => {
  it('a composite for Birmingham wards spreads Birmingham over the classes; England\'s breaks are one click away', async () => {
    const birmingham = ladCode('Birmingham');
    const wards = new Set(lookup.filter((r) => r.ltla24_code === birmingham).map((r) => r.ward24_code)).size;
    await page.goto(linkTo(s.server.url, { level: 'ward24', mode: 'composite', combine: structuredClone(DEFAULT_COMBINE), focus: { level: 'lad24', code: birmingham }, viewport: { longitude: -1.89, latitude: 52.48, zoom: 10 } }));
    await page.waitForFunction(() => {
      const r = document.getElementById('root');
      return r?.dataset.state === 'ready' && (r.dataset.view ?? '').startsWith('ward24|composite|');
    }, undefined, { timeout: 180_000 });
    const counts = async () => (await page.locator('[data-testid=legend] .legend-items li:not(.legend-target) .legend-count').allInnerTexts()).map(num);
    const own = await counts();
    expect(own.reduce((a, b) => a + b, 0)).toBe(wards);
    // Quintiles of Birmingham's own wards: no class holds more than a fifth, give or take ties.
    expect(Math.max(...own)).toBeLessThanOrEqual(Math.ceil(wards / 5) + 2);
    await expect(page.getByTestId('legend-classification').innerText()).resolves.toMatch(/breaks from Birmingham/);
    await page.screenshot({ path: join(OUT, 'birmingham-own-breaks.png') });
    const legend = page.getByTestId('legend');
    await legend.getByRole('button', { name: 'Use national (England) breaks' }).click();
    await expect.poll(() => page.getByTestId('legend-classification').innerText()).toMatch(/breaks from all of England/);
    const national = await counts();
    expect(national.reduce((a, b) => a + b, 0)).toBe(wards);
    // Birmingham is more deprived than England: on England's quintiles its wards crowd the top classes.
    expect(Math.max(...national)).toBeGreaterThan(Math.max(...own));
    await page.screenshot({ path: join(OUT, 'birmingham-national-breaks.png') });
    await legend.getByRole('button', { name: 'Use breaks for Birmingham' }).click();
    await expect.poll(counts).toEqual(own);
  });

  it('after the composite, the shortlist export names the composite as the map measure, with no overlap-rule column', async () => {
    await page.getByRole('tab', { name: 'Shortlist' }).click();
    await page.getByTestId('shortlist-top-n').fill('5');
    await expect.poll(() => page.getByTestId('shortlist-top-by').locator('option').allInnerTexts(), { timeout: 120_000 }).toContain('Composite risk index');
    await page.getByTestId('shortlist-top-by').selectOption('composite');
    await page.getByTestId('shortlist-add-top').click();
    await expect.poll(() => page.locator('[data-testid=shortlist-table] tbody tr[data-code]').count(), { timeout: 60_000 }).toBe(5);
    const headers = await page.locator('[data-testid=shortlist-table] thead th').allTextContents();
    expect(headers.some((h) => /Conditions met/.test(h))).toBe(false);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
    const files = unzipSync(new Uint8Array(readFileSync((await dl.path()))));
    const names = Object.keys(files);
    const method = strFromU8(files[names.find((n) => n.includes('method'))!]);
    const table = strFromU8(files[names.find((n) => !n.includes('method') && !n.includes('who-it-reaches'))!]).replace(/^\uFEFF/, '');
    expect(method).toMatch(/Map measure\W+Composite risk index of /);
    expect(method).not.toMatch(/Map measure\W+IMD/);
    const [header] = Papa.parse<string[]>(table.trim(), { skipEmptyLines: true }).data;
    expect(header.some((h) => /Conditions met|Rule condition/.test(h))).toBe(false);
    expect(header.some((h) => /^Composite risk index/.test(h))).toBe(true);
    expect(s.errors).toEqual([]);
  });
});
