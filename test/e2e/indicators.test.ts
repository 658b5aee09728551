/**
 * Issue 3 end to end: smoking and cancer layers in Chromium. Expected values come from the raw files
 * (papaparse, here), never from the app: inherited values are marked as area-level values, CIs and the
 * England comparison appear, and "About the data" lists the sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/node-db';
import { rawRows } from '../support/raw-csv';
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
