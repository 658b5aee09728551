/**
 * Issues 3 and 10 end to end: smoking, cancer and deprivation measures in Chromium. Expected values
 * come from the raw files (papaparse, here), never from the app: inherited values are marked as
 * area-level values, CIs and the England comparison appear only where intervals exist, Core20 names
 * its edition and is a share of residents, official LA summaries are MHCLG's, context measures are
 * never called worse, an exported rule says what it tested, and "About the data" explains it all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { unzipSync, strFromU8 } from 'fflate';
import { DEFAULT_COMBINE } from '../../src/state/combine-spec';
import { rawLsoas } from '../support/raw-geography';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';
import { hoverAt, openView } from './support/atlas-page';
import { axeViolations } from './support/axe';
import { closeAtlasSession, openAtlasSession, type OfflineContext, type Server } from './support/browser';

let server: Server;
let browser: Browser;
let ctx: OfflineContext;
let page: Page;
let errors: string[];

const MANCHESTER = 'E08000003';
const places = new Map(
  Papa.parse<Record<string, string>>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => [`${r.level}:${r.code}`, r]),
);
const wardLookup = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz');
const icbLookup = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.lsoa21_code, r]));
const dsr = rawRows('cancer/cancer_incidence_rates_dsr_ccg21x105_18sites_2001_2020_derived.csv.gz');
const fmt = (v: number, dp: number) => v.toLocaleString('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp });

beforeAll(async () => {
  ({ server, browser, ctx, page, errors } = await openAtlasSession('/', { open: true }));
});

afterAll(() => closeAtlasSession({ browser, server }));

/** An LSOA of Manchester whose Sub-ICB has its own row in the incidence file. */
function manchesterLsoa() {
  for (const r of wardLookup) {
    if (r.ltla24_code !== MANCHESTER) continue;
    const sicbl = icbLookup.get(r.lsoa21_code)!.sicbl24_code;
    if (dsr.some((d) => d.area_code === sicbl)) return { lsoa: r.lsoa21_code, sicbl, place: places.get(`lsoa21:${r.lsoa21_code}`)! };
  }
  throw new Error('no Manchester LSOA found');
}

describe('smoking and cancer indicators', () => {
  it('LA smoking on an LSOA map is marked as an area-level value with the raw file value', async () => {
    const raw = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv').find((r) => r.area_code === MANCHESTER && r.period === '2024')!;
    const { lsoa, place } = manchesterLsoa();
    await openView(page, server.url, { level: 'lsoa21', indicator: 'smoking.aps.current', viewport: { longitude: Number(place.lon), latitude: Number(place.lat), zoom: 11 } });
    const legend = page.getByTestId('legend');
    await expect(legend.innerText()).resolves.toMatch(/Adults who currently smoke/);
    await expect(legend.innerText()).resolves.toMatch(/Area-level values/);
    const tip = await hoverAt(page, Number(place.lon), Number(place.lat));
    expect(tip).toContain(lsoa);
    expect(tip).toContain(`${fmt(Number(raw.value), 1)} %`);
    expect(tip).toMatch(/Value for Manchester \(local authority E08000003\)/);
    await page.screenshot({ path: 'test/output/e2e-smoking-lsoa.png' });
  });

  it('2019 smoking shows its confidence interval and the England comparison (Fingertips rule)', async () => {
    const ci = rawRows('smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv');
    const m = ci.find((r) => r['Area Code'] === MANCHESTER)!;
    const eng = ci.find((r) => r['Area Code'] === 'E92000001')!;
    const expected = Number(m['Lower CI 95.0 limit']) > Number(eng.Value) ? 'higher' : Number(m['Upper CI 95.0 limit']) < Number(eng.Value) ? 'lower' : 'similar';
    await openView(page, server.url, { level: 'lad24', indicator: 'smoking.aps.current', dims: { period: '2019' }, selected: MANCHESTER });
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor();
    await expect(panel.locator('tr.current').innerText()).resolves.toContain(`${fmt(Number(m.Value), 1)} % (95 % CI ${fmt(Number(m['Lower CI 95.0 limit']), 1)}–${fmt(Number(m['Upper CI 95.0 limit']), 1)})`);
    const text = await panel.locator('tr.current').innerText();
    expect(text.toLowerCase()).toContain(expected === 'similar' ? 'similar to england' : `significantly ${expected} than england`);
    await panel.locator('figure.trend-chart').first().waitFor();
    expect(await axeViolations(page, '[data-testid=detail-panel]')).toEqual([]);
    await page.screenshot({ path: 'test/output/e2e-smoking-detail.png' });
  });

  it('lung cancer incidence on an LSOA map inherits its Sub-ICB rate, as in the raw file', async () => {
    const { lsoa, sicbl, place } = manchesterLsoa();
    const row = dsr.find((d) => d.area_code === sicbl && d.period === '2016-2020' && d.sex === 'Persons' && d.icd10_code === 'C33-C34')!;
    await openView(page, server.url, { level: 'lsoa21', indicator: 'cancer.incidence.dsr', dims: { site: 'C33-C34' }, viewport: { longitude: Number(place.lon), latitude: Number(place.lat), zoom: 11 } });
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/Area-level values/);
    await expect(page.getByLabel('Cancer site', { exact: true }).inputValue()).resolves.toBe('C33-C34');
    const tip = await hoverAt(page, Number(place.lon), Number(place.lat));
    expect(tip).toContain(lsoa);
    expect(tip).toContain(fmt(Number(row.dsr_esp2013_6band_per_100k), 1));
    expect(tip).toMatch(new RegExp(`Value for .*\\(Sub-ICB area ${sicbl}\\)`));
    await page.screenshot({ path: 'test/output/e2e-lung-lsoa.png' });
  });

  it('"About the data" lists the smoking and cancer sources with publishers and licences', async () => {
    await page.getByTestId('open-about').click();
    const about = page.getByTestId('about-data');
    await about.waitFor();
    const text = await about.innerText();
    expect(text).toMatch(/Fingertips/);
    expect(text).toMatch(/National Disease Registration Service|NDRS/);
    expect(text).toMatch(/Open Government Licence v3\.0/);
    await page.keyboard.press('Escape');
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Manchester's wards with their residents and IMD 2019 Core20 share, from the raw files. */
function manchesterWards() {
  const imd19 = rawImd2019OnLsoa21();
  const out = new Map<string, { pop: number; core: number }>();
  for (const l of rawLsoas()) {
    if (l.lad !== MANCHESTER) continue;
    const w = out.get(l.ward) ?? { pop: 0, core: 0 };
    w.pop += l.pop;
    if (imd19.get(l.code)!.decile.imd <= 2) w.core += l.pop;
    out.set(l.ward, w);
  }
  return out;
}

describe('deprivation and direction wording (issue 10)', () => {
  it('Core20 on a ward map names IMD 2019 and shows the share of residents in Core20 LSOAs, as recomputed from the raw files', async () => {
    const wards = manchesterWards();
    // A ward that is neither all nor none Core20, so the share is a real mix.
    const [ward, w] = [...wards].find(([, x]) => x.core > 0 && x.core < x.pop)!;
    const place = places.get(`ward24:${ward}`)!;
    await openView(page, server.url, { level: 'ward24', indicator: 'imd2019.imd.share20', viewport: { longitude: Number(place.lon), latitude: Number(place.lat), zoom: 11 } });
    const legend = await page.getByTestId('legend').innerText();
    expect(legend).toMatch(/Core20 \(IMD 2019\): residents living in Core20 LSOAs \(national IMD deciles 1–2\), %/);
    expect(await page.getByTestId('legend-method').innerText()).toMatch(/Census 2021 usual residents living in LSOAs in national IMD 2019 decile 1–2/);
    const tip = await hoverAt(page, Number(place.lon), Number(place.lat));
    expect(tip).toContain(ward);
    expect(tip).toContain(`${fmt((100 * w.core) / w.pop, 1)} %`);
    expect(tip).toMatch(/most deprived\)/);
    await page.screenshot({ path: 'test/output/e2e-core20-2019-wards.png' });
  });

  it('a local authority shows MHCLG\'s official average rank with its "rank of average rank", labelled as such', async () => {
    const o = rawRows('imd/imd2025_lad24_summary_humaniverse.csv').find((r) => r.ltla24_code === MANCHESTER)!;
    const place = places.get(`lad24:${MANCHESTER}`)!;
    await openView(page, server.url, { level: 'lad24', indicator: 'imd2025.imd.avgrank', viewport: { longitude: Number(place.lon), latitude: Number(place.lat), zoom: 9 } });
    expect(await page.getByTestId('legend-method').innerText()).toMatch(/^Official MHCLG value \(IoD2025 File 10, local authority districts 2024\): average of the LSOA ranks/);
    const tip = await hoverAt(page, Number(place.lon), Number(place.lat));
    expect(tip).toContain(fmt(num(o.imd_average_rank), 2));
    expect(tip).toMatch(new RegExp(`National rank \\(rank of average rank, 1 = most deprived\\)\\s*${o.imd_rank_of_average_rank} of 296`));
  });

  it('the GP cancer register is context: no "worse", "better" or "worst" in legend, tooltip or table', async () => {
    await openView(page, server.url, { level: 'sicbl24', indicator: 'cancer.qof.prevalence' });
    const legend = await page.getByTestId('legend').innerText();
    expect(legend).toMatch(/Darkest: highest values \(a context measure: not better or worse\)/);
    const judged = (t: string) => /\((worse|better)\)|\bworst\b|worse than|better than/i.test(t);
    expect(judged(legend)).toBe(false);
    const sicbl = [...places.values()].find((p) => p.level === 'sicbl24')!;
    const tip = await hoverAt(page, Number(sicbl.lon), Number(sicbl.lat));
    expect(tip).toMatch(/National rank \(1 = highest\)/);
    expect(judged(tip)).toBe(false);
    await page.getByTestId('toggle-table').click();
    const table = await page.getByTestId('area-table').innerText();
    expect(table).toMatch(/National rank \(1 = highest\)/);
    expect(table).toMatch(/Map class \(1 = highest\)/);
    expect(judged(table)).toBe(false);
    await page.getByTestId('toggle-table').click();
  });

  it('smoking: 2024 is never called significant, and the trend marks the 2020 APS method change', async () => {
    await openView(page, server.url, { level: 'lad24', indicator: 'smoking.aps.current', selected: MANCHESTER });
    expect(await page.getByTestId('legend').innerText()).toMatch(/telephone/);
    const panel = page.getByTestId('detail-panel');
    await panel.locator('figure.trend-chart').first().waitFor();
    expect((await panel.locator('tr.current').innerText()).toLowerCase()).not.toContain('significantly');
    const chart = panel.locator('figure.trend-chart').first();
    await expect(chart.getByTestId('trend-break').count()).resolves.toBe(1);
    expect(await chart.innerText()).toMatch(/Dotted rule at 2020: break in the series\. APS method change: face-to-face interviews replaced by telephone interviews \(2020\)\./);
    await chart.screenshot({ path: 'test/output/e2e-smoking-trend-break.png' });
  });

  it('an exported overlap rule names Core20\'s edition and says "above England\'s value", never "significantly"', async () => {
    const wards = manchesterWards();
    const smoking = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
    const v2024 = (code: string) => Number(smoking.find((r) => r.area_code === code && r.period === '2024')!.value);
    const aboveEngland = v2024(MANCHESTER) > v2024('E92000001');
    const meeting = [...wards].filter(([, w]) => (100 * w.core) / w.pop >= 50 && aboveEngland).map(([c]) => c).sort();
    expect(meeting.length).toBeGreaterThan(0);
    await openView(page, server.url, { level: 'ward24', indicator: 'imd2019.imd.share20', focus: { level: 'lad24', code: MANCHESTER }, combine: structuredClone(DEFAULT_COMBINE) });
    await page.getByTestId('tab-shortlist').click();
    await expect.poll(async () => page.getByTestId('shortlist-add-rule').isEnabled(), { timeout: 120_000 }).toBe(true);
    await page.getByTestId('shortlist-add-rule').click();
    await expect.poll(() => page.getByTestId('shortlist-status').innerText(), { timeout: 120_000 }).toMatch(/Added \d+ area|No area/);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-csv').click()]);
    const files = unzipSync(new Uint8Array(readFileSync(await dl.path())));
    const names = Object.keys(files);
    const csv = strFromU8(files[names.find((n) => !n.includes('method'))!]).replace(/^\uFEFF/, '');
    const method = strFromU8(files[names.find((n) => n.includes('method'))!]);
    const [header, ...body] = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
    const code = header.findIndex((h) => /code/i.test(h));
    const met = header.findIndex((h) => /^Conditions met/.test(h));
    expect(body.map((r) => r[code]).sort()).toEqual(meeting);
    for (const r of body) {
      expect(r[met]).toContain('Core20 residents % (IMD 2019) ≥ 50 %');
      expect(r[met]).toMatch(/Adult smokers % \(APS\) above England's value/);
    }
    expect(`${csv}\n${method}`).not.toMatch(/significant/i);
    expect(method).toMatch(/Conditions met: the overlap-rule conditions each area meets \(Core20 residents % \(IMD 2019\) ≥ 50 %/);
    expect(method).toMatch(/Higher is more deprived/);
    // The default composite mixes ward deprivation with council smoking and Sub-ICB lung cancer: the export says so.
    expect(method).toMatch(/Mixed geographies: Adult smokers % \(APS\) is measured for local authorities; Cancer incidence \(age-standardised\) is measured for Sub-ICB areas; every ward inside one takes that area's value/);
    await page.getByTestId('tab-shortlist').click().catch(() => undefined);
  });

  it('"About the data" explains what the measures mean: Core20 edition, official vs derived, COVID-19, the APS break, context measures', async () => {
    await page.getByTestId('open-about').click();
    const guide = page.getByTestId('measures-meaning');
    await guide.waitFor();
    const text = await guide.innerText();
    for (const re of [/What these measures mean/, /NHS England's published Core20 figures use IMD 2019/, /"Rank of average score" and "rank of average rank" are different/, /COVID-19/, /telephone interviews in 2020/, /never called better or worse/]) expect(text).toMatch(re);
    await guide.locator('summary', { hasText: /^Cancer prevalence/ }).click();
    const qof = guide.locator('[data-measure="cancer.qof.prevalence"]');
    expect(await qof.innerText()).toMatch(/Direction: Neutral context/);
    expect(await axeViolations(page, '[data-testid=about-data]')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(ctx.blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});
