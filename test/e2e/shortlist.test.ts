/**
 * Issue 6 end to end: the built app served under a sub-path (/atlas/), in Debian Chromium, offline.
 * A shortlist of Manchester wards is made through the UI (click, shift-click, box, lasso, top N),
 * annotated, reordered, cleared and restored with undo; every export is downloaded and its file read
 * back; the share link is opened in a fresh browser context and compared (state and map pixels);
 * damaged links must warn, not crash. Expected areas and values come from the raw files and the
 * label points the pipeline placed, never from the app.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/data/catalogue';
import { DEFAULT_COMBINE } from '../../src/state/combine-spec';
import { DATA_DIR } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { openView, waitForCameraStill } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { collectErrors, launch, offlineContext, startPreview, waitForReady, type OfflineContext, type Server } from './support/browser';
import { gridDifference, mapPixels } from './support/map-pixels';

const OUT = join(import.meta.dirname, '../output/shortlist');
mkdirSync(OUT, { recursive: true });

const MANCHESTER = 'E08000003';
const VIEW = {
  level: 'ward24' as const,
  indicator: 'imd2025.imd.score',
  focus: { level: 'lad24' as const, code: MANCHESTER },
  viewport: { longitude: -2.235, latitude: 53.44, zoom: 10.2 },
};

const areas = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const wards = areas.filter((r) => r.level === 'ward24' && r.lad24_code === MANCHESTER)
  .map((r) => ({ code: r.code, name: r.name, lon: Number(r.lon), lat: Number(r.lat) }));
const wardName = new Map(wards.map((w) => [w.code, w.name]));

// Ward residents and resident-weighted IMD score, from the raw LSOA files and the raw lookup.
const imd = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, Number(r.IMD_score)]));
const pop = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, num(r.total_usual_residents)]));
const wardStats = new Map<string, { residents: number; weighted: number; weight: number }>();
for (const r of rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz')) {
  if (!wardName.has(r.ward24_code)) continue;
  const s = wardStats.get(r.ward24_code) ?? { residents: 0, weighted: 0, weight: 0 };
  const p = pop.get(r.lsoa21_code) ?? 0;
  s.residents += p;
  const x = imd.get(r.lsoa21_code);
  if (x !== undefined && Number.isFinite(x)) {
    s.weighted += p * x;
    s.weight += p;
  }
  wardStats.set(r.ward24_code, s);
}
const wardImd = (code: string) => wardStats.get(code)!.weighted / wardStats.get(code)!.weight;

const NOTES = {
  formula: '=HYPERLINK("http://evil.example","click")',
  plus: '+SUM(A1:A9)',
  at: '@cmd',
  plain: 'Pharmacy outreach – Tuesday',
};

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];
let mapBox: { x: number; y: number; width: number; height: number };

async function screen(p: Page, lon: number, lat: number): Promise<[number, number]> {
  const [x, y] = await p.evaluate(([a, b]) => window.hotspotAtlas!.project(a, b), [lon, lat]);
  return [mapBox.x + x, mapBox.y + y];
}

async function count(p: Page): Promise<number> {
  return Number(await p.getByTestId('shortlist-panel').getAttribute('data-count'));
}

async function waitCount(p: Page, n: number): Promise<void> {
  await p.waitForFunction((k) => document.querySelector('[data-testid=shortlist-panel]')?.getAttribute('data-count') === String(k), n, { timeout: 30_000 });
}

async function tableCodes(p: Page): Promise<string[]> {
  return p.locator('[data-testid=shortlist-table] tbody tr[data-code]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')!));
}

async function tableNotes(p: Page): Promise<string[]> {
  return p.locator('[data-testid=shortlist-table] tbody tr[data-code] .note-cell input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function download(p: Page, testId: string, name: string): Promise<{ file: string; bytes: Buffer; suggested: string }> {
  const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 120_000 }), p.getByTestId(testId).click()]);
  const file = join(OUT, name);
  await dl.saveAs(file);
  return { file, bytes: readFileSync(file), suggested: dl.suggestedFilename() };
}

/** Screen positions of Manchester's ward label points, to know what a drawn shape should pick. */
async function wardPoints(p: Page) {
  return Promise.all(wards.map(async (w) => ({ ...w, xy: await screen(p, w.lon, w.lat) })));
}

function inPolygon([x, y]: [number, number], poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

beforeAll(async () => {
  server = await startPreview('/atlas/');
  browser = await launch();
  ctx = await offlineContext(browser, { acceptDownloads: true });
  // The print dialog cannot open headless: count the calls instead.
  await ctx.context.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => { (window as unknown as { __printed: number }).__printed++; };
  });
  page = await ctx.context.newPage();
  errors = collectErrors(page);
  await openView(page, server.url, VIEW);
  await waitForCameraStill(page);
  mapBox = (await page.locator('.atlas-map').boundingBox())!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('shortlist, export and share (served under /atlas/)', () => {
  it('serves a Content-Security-Policy that allows only the site itself', async () => {
    const html = await (await fetch(server.url)).text();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(page.url()).toContain('/atlas/');
    expect(ctx.blocked).toEqual([]);
  });

  it('picks areas by click, shift-click, box, lasso and top N', async () => {
    await page.getByTestId('tab-shortlist').click();
    await expect.poll(() => count(page)).toBe(0);
    const byName = (n: string) => wards.find((w) => w.name === n)!;

    // Click with the pick tool adds; shift-click with the details tool adds too.
    await page.getByTestId('shortlist-tool-pick').check();
    await page.mouse.click(...(await screen(page, byName('Moss Side').lon, byName('Moss Side').lat)));
    await waitCount(page, 1);
    await page.getByTestId('shortlist-tool-details').check();
    await page.keyboard.down('Shift');
    await page.mouse.click(...(await screen(page, byName('Hulme').lon, byName('Hulme').lat)));
    await page.keyboard.up('Shift');
    await waitCount(page, 2);
    expect(await tableCodes(page)).toEqual([byName('Moss Side').code, byName('Hulme').code]);

    // Box round the two southernmost wards.
    const pts = await wardPoints(page);
    const [a, b] = [pts.find((p) => p.name === 'Woodhouse Park')!.xy, pts.find((p) => p.name === 'Sharston')!.xy];
    const x0 = Math.min(a[0], b[0]) - 15, x1 = Math.max(a[0], b[0]) + 15, y0 = Math.min(a[1], b[1]) - 8, y1 = Math.max(a[1], b[1]) + 15;
    const inBox = pts.filter((p) => p.xy[0] > x0 && p.xy[0] < x1 && p.xy[1] > y0 && p.xy[1] < y1).map((p) => p.code);
    expect(inBox.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('shortlist-tool-box').check();
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let k = 1; k <= 6; k++) await page.mouse.move(x0 + ((x1 - x0) * k) / 6, y0 + ((y1 - y0) * k) / 6);
    await page.mouse.up();
    await waitCount(page, 2 + inBox.length);
    expect((await tableCodes(page)).slice(2).sort()).toEqual([...inBox].sort());

    // Lasso (a triangle) round Didsbury East and West.
    const [e, w] = [pts.find((p) => p.name === 'Didsbury East')!.xy, pts.find((p) => p.name === 'Didsbury West')!.xy];
    const tri: [number, number][] = [[Math.min(e[0], w[0]) - 25, Math.max(e[1], w[1]) + 12], [Math.max(e[0], w[0]) + 25, Math.max(e[1], w[1]) + 12], [(e[0] + w[0]) / 2, Math.min(e[1], w[1]) - 25]];
    const inLasso = pts.filter((p) => inPolygon(p.xy, tri) && !inBox.includes(p.code)).map((p) => p.code);
    expect(inLasso.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('shortlist-tool-lasso').check();
    await page.mouse.move(...tri[0]);
    await page.mouse.down();
    for (const [i, j] of [[0, 1], [1, 2], [2, 0]]) {
      for (let k = 1; k <= 8; k++) await page.mouse.move(tri[i][0] + ((tri[j][0] - tri[i][0]) * k) / 8, tri[i][1] + ((tri[j][1] - tri[i][1]) * k) / 8);
    }
    await page.mouse.up();
    const before = 2 + inBox.length;
    await waitCount(page, before + inLasso.length);
    expect((await tableCodes(page)).slice(before).sort()).toEqual([...inLasso].sort());
    // Drawing is not clicking: no area's details opened on the way.
    expect(await page.getByTestId('detail-panel').count()).toBe(0);
    await page.getByTestId('shortlist-tool-details').check();

    // Top 3 by the map's measure (IMD score, higher is worse) within Manchester.
    const have = new Set(await tableCodes(page));
    const top3 = [...wardName.keys()].sort((x, y) => wardImd(y) - wardImd(x)).slice(0, 3);
    await page.getByTestId('shortlist-top-n').fill('3');
    await page.getByTestId('shortlist-top-by').selectOption({ label: 'Index of Multiple Deprivation score' }).catch(async () => {
      // The option label is the indicator's label; pick the map measure's column (index 0) otherwise.
      await page.getByTestId('shortlist-top-by').selectOption('0');
    });
    await page.getByTestId('shortlist-add-top').click();
    const added = top3.filter((c) => !have.has(c));
    await waitCount(page, have.size + added.length);
    expect((await tableCodes(page)).slice(have.size)).toEqual(added);
    await page.screenshot({ path: join(OUT, 'picked.png') });
  });

  it('shows residents and values that match the raw files', async () => {
    const rows = await page.locator('[data-testid=shortlist-table] tbody tr[data-code]').evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code')!, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '') })));
    const headers = await page.locator('[data-testid=shortlist-table] thead th').allTextContents();
    const col = (label: string) => headers.findIndex((h) => h.startsWith(label));
    for (const r of rows) {
      expect(r.cells[col('Area')]).toBe(wardName.get(r.code));
      expect(num(r.cells[col('Residents')])).toBe(wardStats.get(r.code)!.residents);
      expect(Number(r.cells[col('Index of Multiple Deprivation')].split(' ')[0])).toBeCloseTo(wardImd(r.code), 1);
    }
    const totals = await page.getByTestId('shortlist-totals').innerText();
    const residents = rows.reduce((s, r) => s + wardStats.get(r.code)!.residents, 0);
    expect(totals).toContain(`${rows.length} Electoral ward (2024) areas, ${residents.toLocaleString('en-GB')} residents`);
    const manchester = [...wardStats.values()].reduce((s, w) => s + w.residents, 0);
    expect(totals).toContain(`${(Math.round((1000 * residents) / manchester) / 10).toFixed(1)}% of Manchester`);
  });

  it('keeps notes, reorders, removes, clears with undo, and survives a reload', async () => {
    await page.getByTestId('shortlist-title').fill('Manchester lung checks');
    const notes = page.locator('[data-testid=shortlist-table] .note-cell input');
    await notes.nth(0).fill(NOTES.formula);
    await notes.nth(1).fill(NOTES.plus);
    await notes.nth(2).fill(NOTES.at);
    await notes.nth(3).fill(NOTES.plain);
    const codes = await tableCodes(page);

    // Keyboard: focus "move down" on the first row and press Enter.
    const first = wardName.get(codes[0])!;
    await page.getByRole('button', { name: `Move ${first} down` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tableCodes(page)).toEqual([codes[1], codes[0], ...codes.slice(2)]);
    await page.getByRole('button', { name: `Move ${first} up` }).click();
    await expect.poll(() => tableCodes(page)).toEqual(codes);

    const last = codes[codes.length - 1];
    await page.getByRole('button', { name: `Remove ${wardName.get(last)}` }).click();
    await waitCount(page, codes.length - 1);
    await page.getByTestId('shortlist-undo').click();
    await waitCount(page, codes.length);
    expect(await tableCodes(page)).toEqual(codes);

    await page.getByTestId('shortlist-clear').click();
    await waitCount(page, 0);
    expect(await page.getByTestId('shortlist-undo').innerText()).toMatch(/Undo: Cleared/);
    await page.getByTestId('shortlist-undo').click();
    await waitCount(page, codes.length);
    expect(await tableNotes(page)).toEqual([NOTES.formula, NOTES.plus, NOTES.at, NOTES.plain, ...codes.slice(4).map(() => '')]);

    // Reload: local storage and the hash both hold the list.
    await page.waitForTimeout(400); // the store writes 150 ms after the last change
    await page.reload();
    await waitForReady(page);
    await page.getByTestId('tab-shortlist').click();
    await waitCount(page, codes.length);
    expect(await tableCodes(page)).toEqual(codes);
    expect(await tableNotes(page)).toEqual([NOTES.formula, NOTES.plus, NOTES.at, NOTES.plain, ...codes.slice(4).map(() => '')]);
    expect(await page.getByTestId('shortlist-title').inputValue()).toBe('Manchester lung checks');
    await waitCameraAndBox();
  });

  it('exports CSV (BOM, RFC 4180, formula guard) with its method file', async () => {
    const codes = await tableCodes(page);
    // The "who it reaches" profile joins the exports once it has loaded.
    await page.getByTestId('shortlist-reach').waitFor({ timeout: 180_000 });
    // After the reload above, the composite index is recomputed before it joins the list (and its exports).
    await expect.poll(() => page.locator('[data-testid=shortlist-table] thead th').allTextContents(), { timeout: 120_000 })
      .toContainEqual(expect.stringMatching(/^Composite risk index/));
    const { bytes, suggested } = await download(page, 'export-csv', 'shortlist-csv.zip');
    expect(suggested).toMatch(/^manchester-lung-checks-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(3);
    expect(names.filter((n) => n.endsWith('-who-it-reaches.csv'))).toHaveLength(1);
    const table = files[names.find((n) => !n.includes('method') && !n.includes('who-it-reaches'))!];
    const method = strFromU8(files[names.find((n) => n.includes('method'))!]);
    expect([...table.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(table).slice(1);
    writeFileSync(join(OUT, 'shortlist.csv'), text);
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
    const [header, ...body] = parsed;
    expect(body.map((r) => r[header.findIndex((h) => /code/i.test(h))])).toEqual(codes);
    const note = header.indexOf("Planner's note");
    // Every cell a spreadsheet would run as a formula is neutralised (leading apostrophe).
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(body[0][note]).toBe(`'${NOTES.formula}`);
    expect(body[1][note]).toBe(`'${NOTES.plus}`);
    expect(body[2][note]).toBe(`'${NOTES.at}`);
    expect(body[3][note]).toBe(NOTES.plain);
    const res = header.findIndex((h) => /resident/i.test(h));
    for (const r of body) expect(Number(r[res])).toBe(wardStats.get(r[header.findIndex((h) => /code/i.test(h))])!.residents);
    expect([...files[names.find((n) => n.includes('method'))!].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(method).toContain('/atlas/#s2=');
    expect(method).toMatch(/English Indices of Deprivation 2025/);
    expect(method).toMatch(/Census 2021/);
    // The composite index comes with every input: a value and a score column each, and its publisher
    // and dataset in the method file (the default composite mixes deprivation, smoking and cancer).
    const weighted = DEFAULT_COMBINE.composite.inputs.filter((i) => i.weight > 0);
    expect(header.filter((h) => /^Composite input \d+( score)?: /.test(h))).toHaveLength(2 * weighted.length);
    for (const i of weighted) {
      const { publisher, dataset } = getIndicator(i.indicator).source;
      expect(method).toContain(`publisher: ${publisher}`);
      expect(method).toContain(`dataset: ${dataset}`);
    }
  });

  it('exports Excel with the shortlist and "Method and sources" sheets', async () => {
    const codes = await tableCodes(page);
    const { bytes } = await download(page, 'export-xlsx', 'shortlist.xlsx');
    const sheets = await readXlsxFile(new Blob([new Uint8Array(bytes)]), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['Shortlist', 'Method and sources', 'Who it reaches']);
    const [header, ...body] = sheets[0].data as unknown[][];
    const codeCol = header.findIndex((h) => /code/i.test(String(h)));
    expect(body.map((r) => r[codeCol]).filter((c) => typeof c === 'string' && /^E05/.test(c))).toEqual(codes);
    const noteCol = header.indexOf("Planner's note");
    expect(String(body[0][noteCol])).toBe(NOTES.formula);
    const methodText = JSON.stringify(sheets[1].data);
    expect(methodText).toContain('/atlas/#s2=');
    expect(methodText).toMatch(/English Indices of Deprivation 2025/);
  });

  it('exports GeoJSON (RFC 7946) of the listed areas with attributes', async () => {
    const codes = await tableCodes(page);
    const { bytes } = await download(page, 'export-geojson', 'shortlist.geojson');
    const gj = JSON.parse(bytes.toString('utf8')) as {
      type: string; crs?: unknown;
      features: { geometry: { type: string; coordinates: number[][][][] }; properties: { code: string; name: string; residents: number; note: string } }[];
    };
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.crs).toBeUndefined();
    expect(gj.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(codes);
    for (const f of gj.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      const w = wards.find((x) => x.code === f.properties.code)!;
      const flat: number[][] = f.geometry.coordinates.flat(2);
      const lons = flat.map((p) => p[0]);
      const lats = flat.map((p) => p[1]);
      expect(Math.min(...lons)).toBeLessThan(w.lon);
      expect(Math.max(...lons)).toBeGreaterThan(w.lon);
      expect(Math.min(...lats)).toBeLessThan(w.lat);
      expect(Math.max(...lats)).toBeGreaterThan(w.lat);
      expect(f.properties.name).toBe(w.name);
      expect(f.properties.residents).toBe(wardStats.get(w.code)!.residents);
    }
    expect(gj.features[0].properties.note).toBe(NOTES.formula);
    expect(JSON.stringify(gj)).toContain('/atlas/#s2=');
  });

  it('exports a PNG of the map with title, legend and scale, not blank', async () => {
    const { bytes } = await download(page, 'export-png', 'map.png');
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(mapBox.width);
    expect(height).toBeGreaterThan(mapBox.height);
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      const seen = new Set<number>();
      let magenta = 0;
      for (let o = 0; o < data.length; o += 16) {
        seen.add(((data[o] >> 3) << 10) | ((data[o + 1] >> 3) << 5) | (data[o + 2] >> 3));
        if (Math.abs(data[o] - 200) < 20 && data[o + 1] < 60 && Math.abs(data[o + 2] - 130) < 30) magenta++;
      }
      return { colours: seen.size, magenta };
    }, bytes.toString('base64'));
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.magenta).toBeGreaterThan(50);
  });

  it('prints a one-page brief with map, legend, table, method and sources', async () => {
    await page.getByTestId('export-print').click();
    await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0, undefined, { timeout: 60_000 });
    const brief = page.getByTestId('print-brief');
    await page.emulateMedia({ media: 'print' });
    try {
    await expect.poll(() => brief.isVisible()).toBe(true);
    const text = await brief.innerText();
    expect(text).toContain('Manchester lung checks');
    for (const c of (await page.locator('.print-table tbody tr td:nth-child(3)').allTextContents())) expect(wardName.has(c)).toBe(true);
    expect(text).toMatch(/English Indices of Deprivation 2025/);
    expect(text).toContain('/atlas/#s2=');
    // Who the list reaches is on the same page: the list beside its ICB and England, estimates marked.
    const reach = page.getByTestId('print-reach');
    expect(await reach.isVisible()).toBe(true);
    expect(await reach.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['Residents', 'England']));
    const reachText = await reach.innerText();
    for (const row of ['All residents', '65 and over', 'Core20 (IMD 2019)', 'Aged 55–74 (est.)']) expect(reachText).toContain(row);
    expect(reachText).toMatch(/\d+\.\d%/);
    expect(await page.locator('.print-map').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
    await page.screenshot({ path: join(OUT, 'print-brief.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    writeFileSync(join(OUT, 'brief.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('has no accessibility violations in the shortlist tab', async () => {
    expect(await axeViolations(page, '[data-testid=shortlist-panel]')).toEqual([]);
  });

  it('opens the share link in a fresh browser with the same shortlist and map', async () => {
    await page.getByTestId('shortlist-copy-link').click();
    const link = await page.getByTestId('shortlist-link').inputValue();
    expect(link.startsWith(server.url)).toBe(true);
    expect(await page.getByTestId('shortlist-link-limits').innerText()).toMatch(/does not carry data you added/);
    const codes = await tableCodes(page);
    const notes = await tableNotes(page);
    await page.mouse.move(5, 5);
    await waitForReady(page);
    const shot = await mapPixels(page);
    await page.locator('.atlas-map').screenshot({ path: join(OUT, 'original-map.png') });

    const fresh = await offlineContext(browser);
    const p2 = await fresh.context.newPage();
    const errs2 = collectErrors(p2);
    await p2.goto(link);
    await waitForReady(p2);
    await p2.getByTestId('tab-shortlist').click();
    await waitCount(p2, codes.length);
    expect(await tableCodes(p2)).toEqual(codes);
    expect(await tableNotes(p2)).toEqual(notes);
    expect(await p2.getByTestId('shortlist-title').inputValue()).toBe('Manchester lung checks');
    expect(await p2.getByTestId('level-select').inputValue()).toBe('ward24');
    await waitCameraAndBox(p2);
    await p2.mouse.move(5, 5);
    await waitForReady(p2);
    const restored = await mapPixels(p2);
    await p2.locator('.atlas-map').screenshot({ path: join(OUT, 'restored-map.png') });
    expect(restored.drawn).toBeGreaterThan(0.1);
    expect(restored.colours).toBeGreaterThan(20);
    expect(gridDifference(shot, restored)).toBeLessThan(0.03);
    expect(errs2).toEqual([]);
    expect(fresh.blocked).toEqual([]);

    // A cut link keeps everything before the cut and says so; an altered one warns; neither crashes.
    const cut = link.slice(0, link.lastIndexOf('.') - 6);
    await p2.goto('about:blank');
    await p2.goto(cut);
    await waitForReady(p2);
    await expect.poll(() => p2.locator('.notices').innerText()).toMatch(/cut short/);
    const hashAt = link.indexOf('#s2=') + 4;
    const body = link.slice(hashAt);
    const dot = body.indexOf('.') + 3;
    const altered = link.slice(0, hashAt) + body.slice(0, dot) + (body[dot] === 'A' ? 'B' : 'A') + body.slice(dot + 1);
    await p2.goto('about:blank');
    await p2.goto(altered);
    await waitForReady(p2);
    await expect.poll(() => p2.locator('.notices').innerText()).toMatch(/altered|cut short|not valid/);
    const injected = `${server.url}#s2=<img src=x onerror=alert(1)>.x.y.z`;
    await p2.goto('about:blank');
    await p2.goto(injected);
    await waitForReady(p2);
    await expect.poll(() => p2.locator('.notices').innerText()).toMatch(/damaged/);
    expect(await p2.locator('img[src=x]').count()).toBe(0);
    expect(errs2.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await fresh.context.close();
    expect(errors).toEqual([]);
  });

  it('fits a 200-area shortlist in a link that reopens it', async () => {
    const fresh = await offlineContext(browser);
    const p3 = await fresh.context.newPage();
    await openView(p3, server.url, { level: 'ward24', indicator: 'imd2025.imd.score', viewport: { longitude: -1.9, latitude: 52.9, zoom: 5.6 } });
    await p3.getByTestId('tab-shortlist').click();
    await p3.getByTestId('shortlist-top-by').selectOption('0');
    await p3.getByTestId('shortlist-top-n').fill('200');
    await p3.getByTestId('shortlist-add-top').click();
    await waitCount(p3, 200);
    await p3.getByTestId('shortlist-copy-link').click();
    const link = await p3.getByTestId('shortlist-link').inputValue();
    console.log(`share link with 200 wards: ${link.length} characters`);
    expect(link.length).toBeLessThan(2000);
    const codes = await tableCodes(p3);
    const p4 = await (await offlineContext(browser)).context.newPage();
    await p4.goto(link);
    await waitForReady(p4);
    await p4.getByTestId('tab-shortlist').click();
    await waitCount(p4, 200);
    // The table is windowed: compare what both show at the top, and the count.
    expect(await tableCodes(p4)).toEqual(codes);
    await fresh.context.close();
  });
});

describe('changing the level', () => {
  it('keeps the list, says so, and converts wards to the LSOAs inside them on request', async () => {
    const codes = await tableCodes(page);
    await page.getByTestId('level-select').selectOption('lsoa21');
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').startsWith('lsoa21|'), undefined, { timeout: 120_000 });
    await waitForReady(page);
    await expect.poll(() => page.locator('.notices').innerText()).toMatch(/keeps its \d+ Electoral ward \(2024\) areas/);
    expect(await count(page)).toBe(codes.length);
    expect(await page.getByTestId('shortlist-panel').getAttribute('data-level')).toBe('ward24');
    await page.getByTestId('shortlist-convert').click();
    const lsoas = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz').filter((r) => codes.includes(r.ward24_code)).map((r) => r.lsoa21_code);
    await waitCount(page, lsoas.length);
    expect(await page.getByTestId('shortlist-panel').getAttribute('data-level')).toBe('lsoa21');
    expect(await page.getByTestId('shortlist-status').innerText()).toMatch(new RegExp(`${codes.length} Electoral ward \\(2024\\) areas become ${lsoas.length} LSOA`));
    // Notes travel with their ward to each of its LSOAs.
    const firstWardLsoas = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz').filter((r) => r.ward24_code === codes[0]).map((r) => r.lsoa21_code).sort();
    const rows = await page.locator('[data-testid=shortlist-table] tbody tr[data-code]').evaluateAll((trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code')!, note: (tr.querySelector('.note-cell input') as HTMLInputElement).value })));
    expect(rows.slice(0, firstWardLsoas.length).map((r) => r.code).sort()).toEqual(firstWardLsoas);
    for (const r of rows.slice(0, firstWardLsoas.length)) expect(r.note).toBe(NOTES.formula);
    await page.getByTestId('shortlist-undo').click();
    await waitCount(page, codes.length);
    expect(await page.getByTestId('shortlist-panel').getAttribute('data-level')).toBe('ward24');
    await page.screenshot({ path: join(OUT, 'level-change.png') });
    expect(errors).toEqual([]);
  });
});

describe('adding by the overlap rule', () => {
  it('adds every Manchester ward meeting every condition of the rule, each listing them', async () => {
    await page.getByTestId('level-select').selectOption('ward24');
    await page.waitForFunction(() => (document.getElementById('root')?.dataset.view ?? '').startsWith('ward24|'), undefined, { timeout: 120_000 });
    await waitForReady(page);
    const before = await tableCodes(page);
    const rule = (await page.locator('[data-testid=shortlist-panel] .hint', { hasText: 'Rule:' }).innerText()).replace(/^Rule: /, '').replace(/\.$/, '');
    const conditions = rule.split(' and ');
    expect(conditions.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('shortlist-add-rule').click();
    await expect.poll(() => page.getByTestId('shortlist-status').innerText()).toMatch(/Added \d+ area/);
    const rows = await page.locator('[data-testid=shortlist-table] tbody tr[data-code]').evaluateAll((trs) => trs.map((tr) => ({
      code: tr.getAttribute('data-code')!, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })));
    const headers = await page.locator('[data-testid=shortlist-table] thead th').allTextContents();
    const met = headers.findIndex((h) => h.startsWith('Conditions met'));
    expect(met).toBeGreaterThan(0);
    const added = rows.filter((r) => !before.includes(r.code));
    for (const r of added) {
      expect(wardName.has(r.code)).toBe(true);
      for (const c of conditions) expect(r.cells[met]).toContain(c);
    }
    expect(added.length).toBeGreaterThan(0);
    const said = /Added (\d+) area/.exec(await page.getByTestId('shortlist-status').innerText());
    expect(Number(said?.[1])).toBe(added.length);
    expect(errors).toEqual([]);
  });
});

async function waitCameraAndBox(p: Page = page): Promise<void> {
  await waitForCameraStill(p);
  if (p === page) mapBox = (await page.locator('.atlas-map').boundingBox())!;
}
