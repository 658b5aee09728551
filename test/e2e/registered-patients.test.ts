/**
 * Issue 12, the registered-patient file end to end in the built app (Debian Chromium, offline): a CSV
 * in NHS England's "Patients registered at a GP practice" LSOA layout, GENERATED here from real QOF
 * 2022-23 practice codes (including the practice heading the COPD outlier table) and Census 2021 LSOA
 * codes, split by SEX, with a closed practice and a bad LSOA, is dropped in "Your data". Its join report
 * shows, and the Practices tab gives the practice's IMD 2025 score weighted by where its registered
 * patients live, equal to a recomputation here from the raw IMD 2025 file, and for the practice and its
 * PCN Core20 by IMD 2019 and 2025 and council-based smoking (recomputed from the raw IMD 2019 and APS
 * files). Absent before the file.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPracticeFunnel } from '../../src/data/practice-funnel';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { axeViolations } from './support/axe';
import { mapPixels } from './support/map-pixels';
import { closeAtlasSession, openAtlasSession, ROOT, type AtlasSession } from './support/browser';

const OUT = join(ROOT, 'test/output/practices');
mkdirSync(OUT, { recursive: true });

const imd25 = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const imd19 = new Map(rawRows('imd/iod2019_file1_imd_lsoa11.csv.gz').map((r) => [r['LSOA code (2011)'], num(r['Index of Multiple Deprivation (IMD) Decile'])]));
// LSOAs whose 2011 code is still a 2021 code, so their IMD 2019 decile is the raw file's
const lsoas = [...imd25.keys()].filter((c) => imd19.has(c)).filter((_, i) => i % 173 === 0);
const ladOf = new Map(rawLsoas().map((l) => [l.code, l.lad]));
const aps = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
const YEAR = Math.max(...aps.filter((r) => r.area_code === 'E92000001').map((r) => num(r.period)));
const smoking = new Map(aps.filter((r) => num(r.period) === YEAR && r.value !== 'NA').map((r) => [r.area_code, num(r.value)]));
const pcnOf = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r.PCN_ODS_CODE]));
const CLOSED = 'Y99997';
const BAD_LSOA = 'E01999997';
type Row = { practice: string; lsoa: string; sex: string; n: number };

let s: AtlasSession;
let target: string;
let rows: Row[];
beforeAll(async () => {
  const [session, db] = await Promise.all([openAtlasSession('/', { open: true }), openBuiltDataDb()]);
  s = session;
  const funnel = await loadPracticeFunnel(new QueryRunner(db), 'qof.copd.prevalence');
  target = funnel.points.filter((p) => Math.abs(p.position) === 2).sort((a, b) => b.denominator - a.denominator)[0].code;
  const practices = [target, ...rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').filter((_, i) => i % 400 === 0).map((r) => r.PRACTICE_CODE)];
  rows = [];
  practices.forEach((p, i) => {
    for (let j = 0; j < 8; j++) {
      const lsoa = lsoas[(i * 9 + j * 23) % lsoas.length];
      rows.push({ practice: p, lsoa, sex: 'MALE', n: 10 + ((i * 7 + j * 31) % 200) }, { practice: p, lsoa, sex: 'FEMALE', n: 8 + ((i * 19 + j * 5) % 150) });
    }
  });
  rows.push({ practice: CLOSED, lsoa: lsoas[2], sex: 'MALE', n: 21 }, { practice: CLOSED, lsoa: lsoas[2], sex: 'FEMALE', n: 22 });
  rows.push({ practice: target, lsoa: BAD_LSOA, sex: 'MALE', n: 7 });
}, 300_000);

afterAll(async () => {
  await closeAtlasSession(s ?? {});
});

const csv = () => ['PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS',
  ...rows.map((r) => `GP_PRAC_PAT_LIST,01APR2024,${r.practice},THE SURGERY,${r.lsoa},${r.sex},${r.n}`)].join('\n') + '\n';

/** Weighted IMD 2025 score, Core20 shares and council smoking of the practices `pick` takes, from the raw rows and raw files. */
function expected(pick: (practice: string) => boolean = (p) => p === target) {
  let pop = 0; let score = 0; let core = 0; let core19 = 0; let smk = 0; let smkPop = 0;
  for (const r of rows) {
    const i = imd25.get(r.lsoa);
    if (!pick(r.practice) || !i) continue;
    pop += r.n; score += r.n * i.score; if (i.decile <= 2) core += r.n; if (imd19.get(r.lsoa)! <= 2) core19 += r.n;
    const v = smoking.get(ladOf.get(r.lsoa)!);
    if (v !== undefined) { smk += r.n * v; smkPop += r.n; }
  }
  return { pop, score: score / pop, core20: (100 * core) / pop, core20_2019: (100 * core19) / pop, smoking: smk / smkPop };
}

describe('the registered-patient file in "Your data"', () => {
  it('before it is loaded, the Practices tab offers neighbourhood deprivation only', async () => {
    const { page } = s;
    await page.getByTestId('tab-practices').click();
    await page.getByTestId('funnel-measure').selectOption('qof.copd.prevalence');
    const table = page.getByTestId('funnel-outliers');
    await table.waitFor({ timeout: 120_000 });
    expect(await table.locator('thead th').last().innerText()).toBe('Neighbourhood IMD 2025 score (approximate)');
    expect(await page.getByTestId('practice-deprivation').count()).toBe(0);
  });

  it('is recognised, shows its join report and gives practices their registered-patient-weighted IMD 2025 score', async () => {
    const { page } = s;
    await page.getByTestId('tab-your-data').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=your-data-panel]')?.getAttribute('data-references') === 'ready', undefined, { timeout: 120_000 });
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'gp-reg-pat-prac-lsoa.csv', mimeType: 'text/csv', buffer: Buffer.from(csv()) });
    const report = page.getByTestId('registered-report');
    await report.waitFor({ timeout: 120_000 });
    const text = await report.innerText();
    expect(text).toContain('Registered patients: gp-reg-pat-prac-lsoa.csv');
    expect(text).toContain(`${rows.length.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rows used (SEX: FEMALE, MALE rows added together)`);
    expect(await page.getByTestId('registered-closed').innerText()).toContain(`${CLOSED} (43 patients)`);
    expect(await page.getByTestId('registered-unknown-lsoas').innerText()).toContain(`left out (7 patients): ${BAD_LSOA}`);
    // not taken for a measure: no mapping dialog, no dataset
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'registered-report.png') });
    expect(await axeViolations(page, '[data-testid=your-data-panel]')).toEqual([]);

    const want = expected();
    await page.getByTestId('tab-practices').click();
    await page.getByTestId('practice-deprivation').waitFor({ timeout: 60_000 });
    const table = page.getByTestId('funnel-outliers');
    expect(await table.locator('thead th').last().innerText()).toBe('IMD 2025 score where its registered patients live');
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td').first().innerText()).toBe(target);
    expect(await first.locator('td').last().innerText()).toBe(want.score.toFixed(1));
    await first.getByRole('button').click();
    expect(await page.getByTestId('funnel-picked-registered').innerText()).toBe(
      `Weighted by where its registered patients live (from gp-reg-pat-prac-lsoa.csv): IMD 2025 score ${want.score.toFixed(1)}, Core20 (IMD 2025) ${want.core20.toFixed(1)} % of ${want.pop.toLocaleString('en-GB')} patients.`);
    // Core20 by both editions, smoking as an estimate from council figures, for the practice and its PCN (its practices' sums)
    expect(await page.getByTestId('funnel-picked-measures-core20').innerText()).toContain(`${want.core20_2019.toFixed(1)} % by IMD 2019, the edition of NHS England's Core20PLUS5 figures; ${want.core20.toFixed(1)} % by IMD 2025`);
    expect(await page.getByTestId('funnel-picked-measures-smoking').innerText()).toContain(`Adult smokers ${want.smoking.toFixed(1)} %: an estimate built from council figures (each patient's local authority's APS current smokers aged 18+, ${YEAR})`);
    expect(await page.getByTestId('funnel-picked-measures-ethnicity').innerText()).toMatch(/^Ethnic group \(Census 2021, TS021\): Asian [\d.]+ %, Black [\d.]+ %, Mixed [\d.]+ %, White [\d.]+ %, Other ethnic group [\d.]+ %/);
    const pcn = expected((p) => pcnOf.get(p) === pcnOf.get(target));
    expect(await page.getByTestId('funnel-picked-pcn-measures-smoking').innerText()).toContain(`Adult smokers ${pcn.smoking.toFixed(1)} %`);
    const profile = page.getByTestId('practice-profile-registered');
    await profile.waitFor({ timeout: 60_000 });
    expect(await profile.innerText()).toContain(`IMD 2025 score ${want.score.toFixed(1)}`);
    await page.getByTestId('practice-show-pcn').click();
    const pcnProfile = page.getByTestId('pcn-profile-registered');
    await pcnProfile.waitFor({ timeout: 60_000 });
    expect(await pcnProfile.innerText()).toContain(`Core20 (patients living in LSOAs in England's most deprived fifth, national IMD deciles 1–2): ${pcn.core20_2019.toFixed(1)} % by IMD 2019`);
    await page.screenshot({ path: join(OUT, 'registered-practices.png') });
    expect(await axeViolations(page, '[data-testid=practices-panel]')).toEqual([]);

    // back to the neighbourhood measure: the column says so again
    await page.getByTestId('practice-deprivation').selectOption('neighbourhood');
    expect(await table.locator('thead th').last().innerText()).toBe('Neighbourhood IMD 2025 score (approximate)');
  });

  it('shares the COPD register out to where patients live: picked under Your data, mapped, an ICB\'s value recomputed here', async () => {
    const { page } = s;
    const copd = new Map(rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz').filter((r) => r.GROUP_CODE === 'COPD').map((r) => [r.PRACTICE_CODE, num(r.REGISTER) / num(r.PRACTICE_LIST_SIZE)]));
    const icbOf = new Map(rawLsoas().map((l) => [l.code, l.icb]));
    const icb = icbOf.get(rows.find((r) => r.practice === target && icbOf.has(r.lsoa))!.lsoa)!;
    let k = 0; let n = 0;
    for (const r of rows) if (icbOf.get(r.lsoa) === icb && copd.has(r.practice)) { k += copd.get(r.practice)! * r.n; n += r.n; }
    await page.getByTestId('tab-your-data').click();
    await page.getByTestId('yd-map-measure').filter({ hasText: 'Chronic obstructive pulmonary disease register %' }).click();
    await page.getByTestId('level-select').selectOption('icb24');
    await page.waitForFunction(() => /^icb24\|user\.d[a-z0-9]{6}\.v6\|/.test(document.getElementById('root')?.dataset.view ?? '') && document.getElementById('root')?.dataset.state === 'ready', undefined, { timeout: 120_000 });
    expect(await page.getByTestId('legend').innerText()).toMatch(/not better or worse/);
    const px = await mapPixels(page);
    await page.screenshot({ path: join(OUT, 'registered-share-map.png') });
    expect(px.drawn).toBeGreaterThan(0.05);
    await page.getByTestId('toggle-table').click();
    const row = page.getByTestId('area-table').locator('tbody tr').filter({ hasText: icb });
    expect(await row.innerText()).toContain((100 * k / n).toFixed(2));
    await page.getByTestId('toggle-table').click();
  });

  it('refuses a file in that layout that joins nothing, naming it and its columns, and keeps the one loaded', async () => {
    const { page } = s;
    await page.getByTestId('tab-your-data').click();
    await page.getByTestId('yd-drop-input').setInputFiles({ name: 'wrong-codes.csv', mimeType: 'text/csv', buffer: Buffer.from('PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nZZZ,E01999999,4\n') });
    const queue = page.getByTestId('file-queue');
    await expect.poll(() => queue.innerText(), { timeout: 60_000 }).toContain('wrong-codes.csv: no row has a QOF 2022-23 practice code in PRACTICE_CODE');
    expect(await page.getByTestId('registered-report').innerText()).toContain('Registered patients: gp-reg-pat-prac-lsoa.csv');
  });
});
