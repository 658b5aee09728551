/**
 * Issue 4 end to end, offline in Debian Chromium: the Combine tab's composite index (weights,
 * direction, formula, contributions, table), overlap rules (presets, UpSet count table, residents
 * against the raw census file) and the bivariate map (2-D legend, swap, breaks that follow the focus, England's one click away),
 * with pixels read back from the map, the link round trip and axe.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLabel } from '../../src/app/combine/rules-text';
import { getIndicator } from '../../src/data/catalogue';
import { finestVaryingLevel } from '../../src/data/finest-varying-level';
import { LEVELS } from '../../src/geo/levels';
import { DEFAULT_COMBINE, type CompositeSpec } from '../../src/state/combine-spec';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas, weightedMean } from '../support/raw-geography';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';
import { rawIncidence, unitOf } from '../support/raw-incidence';
import { linkTo, waitForCameraStill, waitForView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { collectErrors, launch, offlineContext, startPreview, type OfflineContext, type Server } from './support/browser';
import { gridDifference, mapPixels, type PixelStats } from './support/map-pixels';

const GM = 'E54000057';
const imdDecile = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, num(r.IMD_decile)]));
const lsoas = rawLsoas();
const imd2019On21 = rawImd2019OnLsoa21();

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];

const view = (p: Page) => p.locator('#root').getAttribute('data-view');

/** Waits until the root says a map of this mode is drawn, other than the view `not` (if given). */
async function waitForMode(p: Page, mode: string, not: string | null = null, timeout = 180_000): Promise<string> {
  await p.waitForFunction(([m, n]) => {
    const r = document.getElementById('root');
    const v = r?.dataset.view ?? '';
    return r?.dataset.state === 'ready' && v.startsWith(`lsoa21|${m}|`) && v !== n;
  }, [mode, not] as const, { timeout });
  return (await view(p))!;
}

/** Waits for the map to be drawn again after a change that keeps the view key (e.g. a focus change). */
async function waitForRedraw(p: Page, act: () => Promise<unknown>): Promise<void> {
  const t0 = await p.evaluate(() => performance.now());
  await act();
  await p.waitForFunction((t) => performance.getEntriesByType('mark').some((m) => m.name.startsWith('atlas:drawn:') && m.startTime > t)
    && document.getElementById('root')?.dataset.state === 'ready', t0, { timeout: 180_000 });
}

async function shot(p: Page, name: string): Promise<PixelStats> {
  await p.screenshot({ path: `test/output/e2e-combine-${name}.png` });
  return mapPixels(p);
}

const numbers = (s: string) => (s.match(/−?-?\d[\d,]*(\.\d+)?/g) ?? []).map((x) => num(x.replace('−', '-')));

beforeAll(async () => {
  server = await startPreview('/');
  browser = await launch();
  // The site's Content-Security-Policy applies (vite preview sends it as a header); axe is evaluated
  // through the debugger protocol (support/axe.ts), which the policy does not govern.
  ctx = await offlineContext(browser);
  page = await ctx.context.newPage();
  errors = collectErrors(page);
  await page.goto(linkTo(server.url, { mode: 'composite', combine: DEFAULT_COMBINE }));
  await waitForMode(page, 'composite');
  await page.getByTestId('tab-combine').click();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Combine tab in Chromium, offline', () => {
  let compositeBefore: PixelStats;

  it('draws the composite index with its formula in words, missing inputs counted, and weights that recolour the map', async () => {
    compositeBefore = await shot(page, 'composite');
    expect(compositeBefore.drawn).toBeGreaterThan(0.1);
    expect(compositeBefore.colours).toBeGreaterThan(5);
    const method = await page.getByTestId('legend-method').innerText();
    expect(method).toMatch(/^Composite risk index = weighted average of 3 scores: IMD score × 33 % \+ Adult smokers % \(APS\) × 33 % \+ Cancer incidence/);
    expect(method).toMatch(/percentile rank among all LSOAs in England/);
    // Areas with a missing input are counted apart (not drawn as 0), and each input says how many it lacks.
    const noData = num(await page.getByTestId('legend').locator('li', { hasText: 'No data' }).locator('.legend-count').innerText());
    const perInput = (await page.getByTestId('legend').locator('.legend-note').allInnerTexts())
      .flatMap((t) => (/no value for ([\d,]+) areas/.exec(t) ? [num(/no value for ([\d,]+) areas/.exec(t)![1])] : []));
    expect(perInput.length).toBeGreaterThan(0);
    expect(noData).toBeGreaterThanOrEqual(Math.max(...perInput));
    expect(noData).toBeLessThanOrEqual(perInput.reduce((a, b) => a + b, 0));
    const classCounts = (await page.getByTestId('legend').locator('li:not(:has-text("No data")) .legend-count').allInnerTexts()).map(num);
    expect(classCounts.reduce((a, b) => a + b, 0) + noData).toBe(33755);

    const before = (await view(page))!;
    await page.getByTestId('composite-weight-number-0').fill('6');
    const after = await waitForMode(page, 'composite', before);
    await expect(page.getByTestId('composite-input-0').locator('legend').innerText()).resolves.toMatch(/75 % of the index/);
    expect(await page.getByTestId('legend-method').innerText()).toMatch(/IMD score × 75 % \+ Adult smokers % \(APS\) × 13 %/);
    const weighted = await shot(page, 'composite-weight6');
    expect(gridDifference(compositeBefore, weighted)).toBeGreaterThan(0.02);

    // The slider is keyboard-operable: one step right adds 0.5.
    await page.getByTestId('composite-weight-1').focus();
    await page.keyboard.press('ArrowRight');
    await waitForMode(page, 'composite', after);
    await expect(page.getByTestId('composite-weight-number-1').inputValue()).resolves.toBe('1.5');

    const beforeDir = (await view(page))!;
    await page.getByTestId('composite-direction-0').selectOption('lower');
    await waitForMode(page, 'composite', beforeDir);
    const flipped = await shot(page, 'composite-imd-lower');
    expect(gridDifference(weighted, flipped)).toBeGreaterThan(0.05);
    expect(await page.getByTestId('legend-method').innerText()).toMatch(/For IMD score, lower values count as more risk/);
  });

  it('keeps the composite settings in the share link and shows each input\'s contribution in the detail panel', async () => {
    const url = page.url();
    const shown = (await view(page))!;
    const other = await ctx.context.newPage();
    const otherErrors = collectErrors(other);
    // The same link in a fresh page draws the same view with the same controls.
    await other.goto(url);
    expect(await waitForMode(other, 'composite')).toBe(shown);
    await other.getByTestId('tab-combine').click();
    await expect(other.getByTestId('composite-weight-number-0').inputValue()).resolves.toBe('6');
    await expect(other.getByTestId('composite-direction-0').inputValue()).resolves.toBe('lower');
    await other.close();
    expect(otherErrors).toEqual([]);

    // Open an area's details through the table (sortable by the index, by keyboard).
    await page.getByTestId('toggle-table').click();
    const table = page.getByTestId('area-table');
    const indexHeader = table.getByRole('button', { name: /^Composite index/ });
    await indexHeader.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(table.locator('th').nth(2).getAttribute('aria-sort')).resolves.toBe('descending');
    const top = await table.locator('tbody tr[aria-rowindex]').evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.querySelectorAll('td')[2].textContent));
    const topValues = top.map((t) => num(t));
    for (let i = 1; i < topValues.length; i++) expect(topValues[i]).toBeLessThanOrEqual(topValues[i - 1]);
    await table.locator('tbody tr[aria-rowindex] button').first().click();
    const detail = page.getByTestId('composite-contributions');
    await detail.waitFor({ timeout: 60_000 });
    const total = num(await detail.locator('tfoot td').innerText());
    expect(total).toBeCloseTo(topValues[0], 1);
    const adds = await detail.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3].textContent));
    expect(adds.length).toBe(3);
    expect(adds.map(num).reduce((a, b) => a + b, 0)).toBeCloseTo(total, 0);
    await expect(detail.locator('p.hint').innerText()).resolves.toMatch(/^Composite risk index = weighted average/);
    await page.getByTestId('toggle-table').click();
  });

  it('overlap rules: the Core20 presets count the raw files\' most deprived 20 % of LSOAs (IMD 2025, and IMD 2019 carried onto 2021 LSOAs) and their census residents', async () => {
    // A link to the rules view (same page): back to all of England, nothing selected.
    await page.goto(linkTo(server.url, { mode: 'rules', combine: DEFAULT_COMBINE }));
    let v = await waitForMode(page, 'rules');
    await waitForCameraStill(page);
    if (!(await page.getByTestId('combine-view-rules').isVisible())) await page.getByTestId('tab-combine').click();
    await expect(page.getByTestId('combine-view-rules').isChecked()).resolves.toBe(true);
    const all = lsoas.reduce((a, l) => a + l.pop, 0);
    const expectCount = async (preset: string, core: typeof lsoas) => {
      await page.getByTestId(`rule-preset-${preset}`).click();
      v = await waitForMode(page, 'rules', v);
      const residents = core.reduce((a, l) => a + l.pop, 0);
      // One condition: "The condition met: N areas, …" (the summary no longer says "All 1 met").
      const summary = await page.getByTestId('rule-summary').innerText();
      expect(summary).toMatch(/^The condition met: /);
      const [areas, people, share] = numbers(summary);
      expect(areas).toBe(core.length);
      expect(people).toBe(residents);
      expect(share).toBeCloseTo((100 * residents) / all, 1);
    };
    await expectCount('core20-2025', lsoas.filter((l) => imdDecile.get(l.code)! <= 2));
    // NHS England's edition (the presets' default): IMD 2019 onto 2021 LSOAs by the stated rule.
    const core20 = lsoas.filter((l) => imd2019On21.get(l.code)!.decile.imd <= 2);
    await expectCount('core20', core20);

    await page.getByTestId('rule-preset-core20-smoking-cancer').click();
    await waitForMode(page, 'rules', v);
    const rules = await shot(page, 'rules-core20-smoking-cancer');
    expect(rules.drawn).toBeGreaterThan(0.1);
    await expect(page.locator('[data-testid^=rule-condition-]').count()).resolves.toBe(3);
    const counts = page.getByTestId('rule-counts');
    const rows = counts.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(3);
    // Each combination row: three dots, then met / areas / residents / share; areas add up to the complete areas.
    const parsed = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent)));
    const totalAreas = parsed.reduce((a, r) => a + num(r[1]), 0);
    const incomplete = (await counts.locator('tfoot').count()) ? num((await counts.locator('tfoot td.num').first().innerText())) : 0;
    expect(totalAreas + incomplete).toBe(33755);
    // Core20 areas are the rows whose first dot is filled.
    const core20Rows = await rows.evaluateAll((trs) => trs.filter((tr) => tr.querySelector('td.dot .visually-hidden')!.textContent === 'met').map((tr) => tr.querySelectorAll('td.num')[1].textContent));
    expect(core20Rows.map(num).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(core20.length);

    // Sortable by keyboard: residents, descending then ascending.
    const residentsTh = counts.locator('thead th').nth(3 + 2);
    await expect(residentsTh.innerText()).resolves.toMatch(/^Residents/);
    await residentsTh.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(residentsTh.getAttribute('aria-sort')).resolves.toBe('descending');
    await page.keyboard.press('Enter');
    await expect(residentsTh.getAttribute('aria-sort')).resolves.toBe('ascending');
    const res = (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td.num')[2].textContent))).map(num);
    for (let i = 1; i < res.length; i++) expect(res[i]).toBeGreaterThanOrEqual(res[i - 1]);
    expect(gridDifference(compositeBefore, rules)).toBeGreaterThan(0.05);

    // "In a hot spot" needs a Hotspots run at this level; without one it is left out and the legend says so.
    v = (await view(page))!;
    await page.getByTestId('rule-in-hotspot').check();
    v = await waitForMode(page, 'rules', v);
    await expect(page.getByTestId('rule-hotspot-note').innerText()).resolves.toMatch(/No hotspot run at this level yet/);
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/needs a finished hotspot run/);
    await page.getByTestId('rule-in-hotspot').uncheck();
    await waitForMode(page, 'rules', v);
  });

  it('bivariate map: a 3 × 3 legend that accounts for every LSOA, swap and scheme recolour the map', async () => {
    await page.getByTestId('combine-view-bivariate').check();
    let v = await waitForMode(page, 'bivariate');
    const before = await shot(page, 'bivariate');
    expect(before.drawn).toBeGreaterThan(0.1);
    const cells = async () => (await page.locator('.bivariate-grid tbody td').allInnerTexts()).map((t) => num(t.split(':').pop()!.trim()));
    const c = await cells();
    expect(c.length).toBe(9);
    const noData = numbers(await page.locator('.legend-items-nodata').innerText()).pop() ?? 0;
    expect(c.reduce((a, b) => a + b, 0) + noData).toBe(33755);

    await page.getByTestId('bivariate-swap').click();
    v = await waitForMode(page, 'bivariate', v);
    const swapped = await shot(page, 'bivariate-swapped');
    expect(gridDifference(before, swapped)).toBeGreaterThan(0.05);
    // Swapping transposes the grid: cell (row r, column c) becomes (c, r).
    // The legend lists the higher-risk row first: cell (row r, column c) is entry 3 × (2 − r) + c.
    const s = await cells();
    const at = (g: number[], r: number, col: number) => g[3 * (2 - r) + col];
    for (let r = 0; r < 3; r++) for (let col = 0; col < 3; col++) expect(at(s, r, col)).toBe(at(c, col, r));

    await page.getByTestId('bivariate-scheme').selectOption('purple-gold');
    v = await waitForMode(page, 'bivariate', v);
    expect(gridDifference(swapped, await shot(page, 'bivariate-purple-gold'))).toBeGreaterThan(0.05);

    // Custom thresholds on the columns (now adult smoking, %): values below 10, 10 to below 14, 14 and above.
    await expect(page.getByTestId('bivariate-measure-x').inputValue()).resolves.toBe('smoking.aps.current');
    await page.getByTestId('bivariate-x-class-method').selectOption('custom');
    await page.getByTestId('bivariate-x-class-custom').fill('10, 14');
    await page.getByTestId('bivariate-x-class-custom').press('Enter');
    await waitForMode(page, 'bivariate', v);
    const ranges = await page.locator('.bivariate-grid thead .bivariate-range').allInnerTexts();
    const [lower, middle, higher] = ranges.map((r) => r.split('–').map(num));
    expect(lower[lower.length - 1]).toBeLessThan(10);
    expect(middle[0]).toBeGreaterThanOrEqual(10);
    expect(middle[middle.length - 1]).toBeLessThan(14);
    expect(higher[0]).toBeGreaterThanOrEqual(14);
    const custom = await cells();
    expect(custom.reduce((a, b) => a + b, 0) + noData).toBe(33755);
  });

  it('class breaks follow the focus region by default, with England\'s breaks one click away and back', async () => {
    const columnTotals = async () => {
      const t = (await page.locator('.bivariate-grid tbody td').allInnerTexts()).map((x) => num(x.split(':').pop()!.trim()));
      return [0, 1, 2].map((col) => t[col] + t[3 + col] + t[6 + col]);
    };
    const from = () => page.getByTestId('bivariate-x-class-from').innerText();
    // Back to IMD score in the columns (a measure with a value per LSOA, so thirds can be equal).
    const v = (await view(page))!;
    await page.getByTestId('bivariate-swap').click();
    await waitForMode(page, 'bivariate', v);
    await expect(page.getByTestId('bivariate-measure-x').inputValue()).resolves.toBe('imd2025.imd.score');
    await waitForRedraw(page, () => page.getByTestId('focus-select').selectOption(`icb24:${GM}`));
    await expect(from()).resolves.toMatch(/Breaks from .*Greater Manchester.*follow the focus/);
    const own = await columnTotals();
    // Terciles of the region's own areas: equal thirds, give or take ties.
    expect(Math.max(...own) - Math.min(...own)).toBeLessThanOrEqual(3);
    await shot(page, 'bivariate-gm-own-breaks');
    await waitForRedraw(page, () => page.getByTestId('bivariate-x-class-england').click());
    await expect(from()).resolves.toMatch(/Breaks from all of England/);
    const fixed = await columnTotals();
    // Greater Manchester is more deprived than England: with England's terciles its columns are uneven.
    expect(Math.max(...fixed) - Math.min(...fixed)).toBeGreaterThan(50);
    expect(own.reduce((a, b) => a + b, 0)).toBe(fixed.reduce((a, b) => a + b, 0));
    await shot(page, 'bivariate-gm-england-breaks');
    await waitForRedraw(page, () => page.getByTestId('bivariate-x-class-recompute').click());
    await expect(from()).resolves.not.toMatch(/all of England/);
    expect(await columnTotals()).toEqual(own);
    const gm = await shot(page, 'bivariate-gm-own-breaks');
    expect(gm.drawn).toBeGreaterThan(0.1);

    // The table lists the region's areas; choosing one opens its details with both values and classes.
    await page.getByTestId('toggle-table').click();
    const table = page.getByTestId('area-table');
    const gmCount = lsoas.filter((l) => l.icb === GM).length;
    await expect(table.locator('p.hint').innerText()).resolves.toMatch(new RegExp(`^${gmCount.toLocaleString('en-GB')} areas`));
    await table.locator('tbody tr[aria-rowindex] button').first().click();
    const detail = page.getByTestId('bivariate-detail');
    await detail.waitFor({ timeout: 60_000 });
    await expect(detail.locator('li').count()).resolves.toBe(2);
    await expect(detail.innerText()).resolves.toMatch(/IMD score: .*\n?.*Adult smokers % \(APS\)/s);
    await page.getByTestId('toggle-table').click();
  });

  it('passes axe on the combine panel and legend, and logs no errors', async () => {
    for (const sel of ['.combine-panel', '[data-testid=legend]']) expect(await axeViolations(page, sel), sel).toEqual([]);
    await page.getByTestId('combine-view-rules').check();
    await waitForMode(page, 'rules');
    for (const sel of ['.combine-panel', '[data-testid=rule-counts]']) expect(await axeViolations(page, sel), sel).toEqual([]);
    await page.getByTestId('combine-view-composite').check();
    await waitForMode(page, 'composite');
    for (const sel of ['.combine-panel', '[data-testid=legend]']) expect(await axeViolations(page, sel), sel).toEqual([]);
    expect(errors).toEqual([]);
    expect(ctx.blocked).toEqual([]);
  });
});

describe('inputs that do not vary in the focus region (Birmingham wards), in Chromium', () => {
  const BIRMINGHAM = 'E08000025';
  const inputs: CompositeSpec['inputs'] = [
    { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
    { indicator: 'smoking.aps.current', dims: { period: '2022' }, direction: 'higher', weight: 1 },
    { indicator: 'cancer.incidence.dsr', dims: { period: '2015-2019', site: 'C33-C34' }, direction: 'higher', weight: 1 },
  ];
  const label = (j: number) => measureLabel(getIndicator(inputs[j].indicator), inputs[j].dims);
  const inBirmingham = lsoas.filter((l) => l.lad === BIRMINGHAM);
  // From the raw files: one council (one smoking value) and the Sub-ICB units holding its LSOAs.
  const units = new Set(inBirmingham.map((l) => unitOf(l.sicbl)));
  const smoking2022 = num(rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv').find((r) => r.area_code === BIRMINGHAM && r.period === '2022')!.value);
  const imdScore = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, num(r.IMD_score)]));
  const target = finestVaryingLevel(inputs.map((i) => getIndicator(i.indicator)), 'ward24')!;
  let p: Page;
  let pErrors: string[];

  beforeAll(async () => {
    p = await ctx.context.newPage();
    pErrors = collectErrors(p);
    await p.goto(linkTo(server.url, {
      level: 'ward24', mode: 'composite', focus: { level: 'lad24', code: BIRMINGHAM },
      viewport: { longitude: -1.89, latitude: 52.48, zoom: 10 },
      combine: { ...DEFAULT_COMBINE, composite: { ...DEFAULT_COMBINE.composite, reference: 'england', inputs } },
    }));
    await waitForView(p, 'ward24', 'composite', 180_000);
  });

  afterAll(async () => {
    await p?.close();
  });

  it('says beside the legend and in the panel which inputs have one value for every ward, and what the index ranks by', async () => {
    expect(units.size).toBe(1);
    const legend = await p.getByTestId('legend-variation').innerText();
    expect(legend).toContain('In Birmingham');
    expect(legend).toContain(`${label(1)} (measured for the whole local authority)`);
    expect(legend).toContain(`${label(2)} (measured for the whole ${LEVELS.sicbl24.noun})`);
    expect(legend).toContain(`the index ranks wards by ${label(0)} alone`);
    await p.getByTestId('legend').screenshot({ path: 'test/output/e2e-combine-variation-legend.png' });
    await p.getByTestId('tab-combine').click();
    expect(await p.getByTestId('combine-variation').innerText()).toBe(legend);
    expect(await p.getByTestId('combine-variation-action').innerText()).toContain(LEVELS[target].label);
    await p.screenshot({ path: 'test/output/e2e-combine-variation.png' });
    for (const sel of ['.combine-panel', '[data-testid=legend]']) expect(await axeViolations(p, sel), sel).toEqual([]);
  });

  it('a composite shortlist exports every input\'s value and score, its sources and the warning', async () => {
    await p.getByTestId('tab-shortlist').click();
    await p.getByTestId('shortlist-top-n').fill('5');
    await p.getByTestId('shortlist-add-top').click();
    await p.waitForFunction(() => document.querySelector('[data-testid=shortlist-panel]')?.getAttribute('data-count') === '5', undefined, { timeout: 60_000 });
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 120_000 }), p.getByTestId('export-csv').click()]);
    const file = 'test/output/e2e-combine-shortlist.zip';
    await dl.saveAs(file);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const name = (method: boolean) => Object.keys(files).find((n) => n.includes('method') === method)!;
    const [header, ...body] = Papa.parse<string[]>(strFromU8(files[name(false)]).slice(1).trim(), { skipEmptyLines: true }).data;
    const col = (prefix: string) => {
      const j = header.findIndex((h) => h.startsWith(prefix));
      expect(j, prefix).toBeGreaterThan(0);
      return j;
    };
    const code = header.indexOf('Area code');
    for (const r of body) {
      expect(inBirmingham.some((l) => l.ward === r[code])).toBe(true);
      const wardImd = weightedMean((l) => l.ward === r[code], (l) => imdScore.get(l.code)!).mean;
      expect(Number(r[col('Composite input 1: ')])).toBeCloseTo(wardImd, 2);
      expect(Number(r[col('Composite input 2: ')])).toBe(smoking2022);
      expect(Number(r[col('Composite input 3: ')])).toBeCloseTo(rawIncidence().get(`${[...units][0]}|2015-2019|persons|C33-C34`)!.dsr, 1);
      for (const k of [1, 2, 3]) expect(Number.isFinite(Number(r[col(`Composite input ${k} score: `)]))).toBe(true);
    }
    expect(header[col('Composite input 2: ')]).toContain(getIndicator('smoking.aps.current').label);
    const method = strFromU8(files[name(true)]);
    for (const i of inputs) {
      const src = getIndicator(i.indicator).source;
      expect(method).toContain(`publisher: ${src.publisher}`);
      expect(method).toContain(`dataset: ${src.dataset}`);
    }
    expect(method).toContain('period: 2022');
    expect(method).toContain(`Composite risk index: In Birmingham, ${label(1)}`);
  });

  it('computes at the level where every input varies in one click', async () => {
    await p.getByTestId('tab-combine').click();
    const action = p.getByTestId('combine-variation-action');
    const text = await action.innerText();
    await action.click();
    await waitForView(p, target, 'composite', 180_000);
    // Birmingham holds fewer than two areas of that level, so the button said it would widen to England.
    if (text.includes('for all of England')) expect(await p.getByTestId('focus-select').inputValue()).toBe('');
    await expect(p.getByTestId('legend-variation').count()).resolves.toBe(0);
    await p.screenshot({ path: 'test/output/e2e-combine-variation-fixed.png' });
    expect(pErrors).toEqual([]);
  });
});
