/**
 * Issue 14 end to end: evaluating a programme in the built app, in Debian Chromium, offline.
 * The panel CSV is generated here: every local authority (real 2024 codes from the built data),
 * 8 quarters of urgent referrals and residents, with +6 referrals per 10,000 residents per quarter
 * injected in 24 programme areas from 2023 Q1. The programme areas come in through the shortlist
 * (a share link); the data through "Your data". The estimate on screen must equal what the numeric
 * core gives in node for the same panel and covariates (read with the same catalogue SQL).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePanel, type PanelRow } from '../../src/analysis/evaluation/panel';
import { runEvaluation, type EvaluationResult } from '../../src/analysis/evaluation/run-evaluation';
import { normalSource } from '../../src/analysis/evaluation/simulated-panel';
import { createPrng } from '../../src/analysis/stats/prng';
import { numberColumn, stringColumn } from '../../src/data/db/arrow-columns';
import { COVARIATE_INDICATORS, covariateLabel } from '../../src/data/evaluation/atlas-covariates';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import type { EstimatesDocument } from '../../src/export/evaluation-files';
import { formatNumber } from '../../src/export/format-value';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { linkTo } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { collectErrors, offlineContext, openAtlasSession, ROOT, waitForReady, type OfflineContext, type Server } from './support/browser';
import { mapPixels } from './support/map-pixels';

const OUT = join(ROOT, 'test/output');
mkdirSync(OUT, { recursive: true });

// ---- the generated panel ----------------------------------------------------------------------
const areas = Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const las = areas.filter((r) => r.level === 'lad24').sort((a, b) => a.code.localeCompare(b.code));
const QUARTERS = ['2022 Q1', '2022 Q2', '2022 Q3', '2022 Q4', '2023 Q1', '2023 Q2', '2023 Q3', '2023 Q4'];
const EFFECT = 6;
const LABEL = 'Urgent referrals';
const z = normalSource(createPrng(14));
const lat = (r: Record<string, string>) => Number(r.lat);
// programme areas: a spread of authorities, favouring the north (where the rates are higher)
const programme = las.filter((r) => lat(r) + 1.2 * z() > 53.4).slice(0, 24).map((r) => r.code);
const rows: PanelRow[] = [];
const csvLines = ['area_code,quarter,referrals,residents'];
for (const r of las) {
  const pop = Number(r.population);
  const level = 45 + 6 * (lat(r) - 52) + 5 * z();
  QUARTERS.forEach((q, k) => {
    const rate = level + 0.7 * k + (programme.includes(r.code) && k >= 4 ? EFFECT : 0) + 1.5 * z();
    const n = Math.max(0, Math.round((rate * pop) / 10_000));
    rows.push({ area: r.code, period: q, numerator: n, denominator: pop });
    csvLines.push(`${r.code},${q},${n},${pop}`);
  });
}
const CSV = `${csvLines.join('\n')}\n`;

/** What the numeric core gives in node for the same panel, covariates and default settings. */
async function expected(): Promise<EvaluationResult> {
  const db = await openBuiltDataDb();
  const panel = assemblePanel(rows, { multiplier: 10_000 });
  const codes = panel.areas;
  const at = async (id: 'imd' | 'smoking') => {
    const t = await db.query(indicatorSql(COVARIATE_INDICATORS[id].indicator, 'lad24', COVARIATE_INDICATORS[id].dims));
    const byCode = new Map(stringColumn(t, 'code').map((c, i) => [c, numberColumn(t, 'value')[i]]));
    return Float64Array.from(codes, (c) => byCode.get(c) ?? NaN);
  };
  const population = Float64Array.from(codes, (c) => Number(las.find((r) => r.code === c)!.population));
  return runEvaluation({
    panel, treatedCodes: programme, windows: { baseline: ['2022 Q1', '2022 Q4'], followup: ['2023 Q1', '2023 Q4'] },
    comparison: { method: 'nearest', matchOn: ['baseline', 'imd', 'smoking', 'population'], exact: null, distance: 'scaled-euclidean', ratio: 1, replace: false, caliper: 0.5 },
    covariates: [
      { id: 'imd', label: covariateLabel('imd'), values: await at('imd') },
      { id: 'smoking', label: covariateLabel('smoking'), values: await at('smoking') },
      { id: 'population', label: covariateLabel('population'), values: population },
    ],
    population, populationWeights: false, bootstrap: null, chosenOnOutcome: false, outcomeLabel: LABEL,
  });
}

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];
let want: EvaluationResult;
/** The map before any evaluation (IMD by local authority), for comparison. */
let before: Awaited<ReturnType<typeof mapPixels>>;

async function loadCsv(p: Page) {
  await p.getByTestId('tab-your-data').click();
  await p.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
  await p.getByTestId('yd-drop-input').setInputFiles({ name: 'urgent-referrals.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  const dialog = p.getByTestId('yd-mapping');
  await dialog.getByTestId('yd-report').waitFor({ timeout: 120_000 });
  await dialog.getByTestId('yd-value-label-0').fill(LABEL);
  await dialog.getByTestId('yd-value-label-1').fill('Residents');
  await dialog.getByTestId('yd-split').selectOption('quarter');
  await dialog.getByTestId('yd-add').click();
  await p.getByTestId('yd-dataset').first().waitFor({ timeout: 120_000 });
}

async function waitForResult(p: Page) {
  await p.waitForFunction(() => {
    const panel = document.querySelector('[data-testid=evaluate-panel]');
    const res = document.querySelector('[data-testid=evaluation-results]');
    return panel?.getAttribute('data-phase') === 'done' && res?.getAttribute('data-stale') === 'false';
  }, undefined, { timeout: 180_000 });
  await waitForReady(p);
}

async function download(p: Page, testId: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8').replace(/^\uFEFF/, '') };
}

beforeAll(async () => {
  [want, { server, browser, ctx, page, errors }] = await Promise.all([expected(), openAtlasSession()]);
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => { (window as unknown as { __printed: number }).__printed++; };
  });
  await page.goto(linkTo(server.url, { level: 'lad24', shortlist: { level: 'lad24', title: 'Pharmacy signposting', items: programme.map((code) => ({ code, note: '' })), columns: [] } }));
  await waitForReady(page);
  await page.mouse.move(5, 5);
  before = await mapPixels(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Evaluate, offline in Chromium', () => {
  it('evaluates the shortlisted areas against matched comparison areas, with the estimate the core gives in node', async () => {
    await loadCsv(page);
    await page.getByTestId('tab-evaluate').click();
    await page.getByTestId('ev-outcome').selectOption({ label: `${LABEL} (urgent-referrals.csv)` });
    await page.getByTestId('ev-denominator').selectOption({ label: `${LABEL} per Residents` });
    await waitForResult(page);
    expect(await page.getByTestId('ev-baseline-from').inputValue()).toBe('2022 Q1');
    expect(await page.getByTestId('ev-followup-to').inputValue()).toBe('2023 Q4');

    const sentence = await page.getByTestId('ev-sentence').innerText();
    const dp = Number(/\.(\d+) to/.exec(sentence)?.[1].length ?? 0);
    const f = (v: number) => formatNumber(v, dp).replace('-', '−');
    expect(sentence).toContain(`the ${want.counts.treated} intervention local authorities had ${f(want.twfe.estimate)} more urgent referrals per 10,000 residents per quarter than the ${want.counts.comparison} comparison local authorities`);
    expect(sentence).toContain(`(95 % CI ${f(want.twfe.lower)} to ${f(want.twfe.upper)})`);
    expect(want.twfe.lower).toBeLessThan(EFFECT);
    expect(want.twfe.upper).toBeGreaterThan(EFFECT);

    // full precision through the JSON export
    const json = JSON.parse((await download(page, 'ev-export-json')).text) as EstimatesDocument;
    expect(json.twoWayFixedEffects.estimate).toBeCloseTo(want.twfe.estimate, 9);
    expect(json.twoWayFixedEffects.se).toBeCloseTo(want.twfe.se, 9);
    expect(json.twoByTwo.estimate).toBeCloseTo(want.did.estimate, 9);
    expect(json.matchedPairs).toEqual(want.pairs);
    expect(json.perPeriod.every((p, i) => Math.abs((p.estimate ?? NaN) - want.eventStudy.effects[i].estimate) < 1e-9)).toBe(true);
    await page.screenshot({ path: join(OUT, 'evaluate-panel.png') });
    await page.getByTestId('ev-sentence').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'evaluate-results.png') });
    await page.getByTestId('event-study').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'evaluate-chart.png') });
  });

  it('shows the balance table before and after matching, as the core computes it', async () => {
    const rowsShown = page.getByTestId('balance-row');
    expect(await rowsShown.count()).toBe(want.balance.length);
    const smd = await page.locator('[data-testid=balance-row] td[data-smd]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-smd'))));
    want.balance.forEach((b, i) => {
      expect(smd[2 * i]).toBeCloseTo(b.before.smd, 9);
      expect(smd[2 * i + 1]).toBeCloseTo(b.after.smd, 9);
    });
    expect(await page.locator('[data-testid=balance-row] th').allInnerTexts()).toEqual(want.balance.map((b) => b.label));
    expect(await page.getByTestId('event-study-table').locator('tbody tr').count()).toBe(QUARTERS.length);
  });

  it('maps both groups, with a legend and a table that say the same', async () => {
    await page.mouse.move(5, 5);
    await waitForReady(page);
    const legend = page.getByTestId('evaluate-legend');
    const count = async (k: string) => Number((await legend.locator(`tr[data-class="${k}"] .class-legend-areas`).innerText()).replace(/,/g, ''));
    expect(await count('intervention')).toBe(want.counts.treated);
    expect(await count('comparison')).toBe(want.counts.comparison);
    expect(await count('left-out')).toBe(want.counts.unmatched + want.counts.noData);
    const px = await mapPixels(page);
    // all of England is still drawn, in different colours than the measure's map
    expect(px.drawn).toBeGreaterThan(before.drawn * 0.9);
    expect(px.colours).toBeGreaterThan(3);
    expect(px.grid).not.toEqual(before.grid);
    await page.screenshot({ path: join(OUT, 'evaluate-map.png') });
    await page.getByTestId('toggle-table').click();
    const table = page.getByTestId('area-table');
    await table.waitFor();
    expect(await table.locator('table').getAttribute('aria-rowcount')).toBe(String(want.counts.treated + want.counts.comparison + want.counts.unmatched + want.counts.noData + 1));
    await page.getByTestId('toggle-table').click();
  });

  it('exports the panel with groups and weights, the estimates, and a printable brief', async () => {
    const panel = await download(page, 'ev-export-panel');
    expect(panel.name).toMatch(/^evaluation-urgent-referrals-\d{4}-\d{2}-\d{2}-panel\.csv$/);
    const prow = Papa.parse<Record<string, string>>(panel.text, { header: true, skipEmptyLines: true }).data;
    expect(prow.length).toBe((want.counts.treated + want.counts.comparison + want.counts.unmatched + want.counts.noData) * QUARTERS.length);
    const first = prow.find((r) => r.Group === 'intervention')!;
    const src = rows.find((r) => r.area === first['Area code'] && r.period === first.Period)!;
    expect(Number(first.Numerator)).toBe(src.numerator);
    expect(Number(first.Outcome)).toBeCloseTo((src.numerator! / src.denominator!) * 10_000, 9);
    expect(new Set(prow.map((r) => r.Group))).toEqual(new Set(['intervention', 'comparison', ...(want.counts.unmatched ? ['intervention, unmatched'] : [])]));

    const est = await download(page, 'ev-export-csv');
    const erows = Papa.parse<string[]>(est.text, { skipEmptyLines: true }).data;
    expect(erows.filter((r) => r[0] === 'Per-period effect').map((r) => r[1])).toEqual(QUARTERS);

    await page.getByTestId('ev-export-brief').click();
    await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0, undefined, { timeout: 60_000 });
    const brief = page.getByTestId('evaluation-brief');
    expect(await brief.locator('.brief-sentence').innerText()).toBe(await page.getByTestId('ev-sentence').innerText());
    await page.emulateMedia({ media: 'print' });
    expect(await brief.isVisible()).toBe(true);
    expect(await brief.locator('svg circle').count()).toBeGreaterThan(0);
    expect(await brief.innerText()).toMatch(/What this cannot show[\s\S]*Parallel trends/);
    await page.screenshot({ path: join(OUT, 'evaluate-brief.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('is accessible (axe) in the tab and the legend', async () => {
    for (const sel of ['[data-testid=evaluate-panel]', '[data-testid=evaluate-legend]']) {
      const v = await axeViolations(page, sel);
      expect(v, JSON.stringify(v, null, 1)).toEqual([]);
    }
  });

  it('the share link restores the settings, not the data; loading the same file gives the same result', async () => {
    await page.getByTestId('ev-ratio').selectOption('2');
    await waitForResult(page);
    const sentence = await page.getByTestId('ev-sentence').innerText();
    const link = page.url();
    expect(link).toContain('#s2=');
    const fresh = await offlineContext(browser);
    const p2 = await fresh.context.newPage();
    const errs2 = collectErrors(p2);
    await p2.goto(link);
    await waitForReady(p2);
    await p2.screenshot({ path: join(OUT, 'evaluate-link-opened.png') });
    await p2.getByTestId('tab-evaluate').click();
    expect(await p2.getByTestId('ev-ratio').inputValue()).toBe('2');
    expect(await p2.getByTestId('ev-no-outcome').innerText()).toMatch(/Load a file with a period column/);
    await loadCsv(p2);
    // adding a file shows its measure on the map; the Evaluate tab brings the evaluation back
    await p2.getByTestId('tab-evaluate').click();
    await p2.getByTestId('ev-show').click();
    await waitForResult(p2);
    expect(await p2.getByTestId('ev-sentence').innerText()).toBe(sentence);
    expect(await p2.getByTestId('ev-outcome').locator('option:checked').innerText()).toBe(`${LABEL} (urgent-referrals.csv)`);
    await p2.close();
    await fresh.context.close();
    expect(errs2).toEqual([]);
    expect(fresh.blocked).toEqual([]);
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
