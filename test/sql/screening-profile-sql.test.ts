/**
 * Lung cancer screening sizing and the "who it reaches" profile, recomputed from the raw files: the
 * 55–74 bridge (Census 2021 bands × single-year shares of each LSOA's CancerData unit, mid-2020) for
 * England and for areas, current and ex-smokers among them (APS 2019 with its 95 % limits) for the
 * boroughs of Greater Manchester (metropolitan districts: district and upper-tier council are the
 * same), and the profile's ages, ethnic groups and Core20 residents against the catalogue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { profileSql } from '../../src/data/sql/profile-sql';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';
import { rawTs021 } from '../support/raw-plus';

let db: Db;
beforeAll(async () => {
  db = await openBuiltDataDb();
});

const GREATER_MANCHESTER = 'E54000057';
const bands = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, r]));

/** Each unit's share of 55–64 in 50–64 and of 65–74 in 65+, persons, mid-2020. */
function unitShares(): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of rawRows('population/ons_population_single_year_age_sex_ccg21x105_2001_2020_upna.csv.gz').filter((x) => x.year === '2020')) {
    const p = (a: number, b: number) => {
      let s = 0;
      for (let age = a; age <= b; age++) s += num(r[`m${String(age).padStart(2, '0')}`]) + num(r[`f${String(age).padStart(2, '0')}`]);
      return s;
    };
    out.set(r.ccg_code, [p(55, 64) / p(50, 64), p(65, 74) / p(65, 90)]);
  }
  return out;
}

/** The value most of an LSOA 2021's LSOA 2011 parents have. */
function viaParents(of11: Map<string, string>): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const b of rawRows('lookups/lsoa11_lsoa21_lad22_ew_geographr.csv.gz')) {
    const v = of11.get(b.lsoa11_code);
    if (!v || !b.lsoa21_code.startsWith('E01')) continue;
    const t = tally.get(b.lsoa21_code) ?? new Map<string, number>();
    t.set(v, (t.get(v) ?? 0) + 1);
    tally.set(b.lsoa21_code, t);
  }
  return new Map([...tally].map(([l, t]) => [l, [...t].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]]));
}

const shares = unitShares();
const unitOf = viaParents(new Map(rawRows('lookups/lsoa11_to_cancerdata_unit105_sicbl22_derived.csv.gz').map((r) => [r.lsoa11_code, r.cancerdata_area_code])));
const s1 = [...shares.values()].map((s) => s[0]);
const s2 = [...shares.values()].map((s) => s[1]);
const range = { s1: [Math.min(...s1), Math.max(...s1)], s2: [Math.min(...s2), Math.max(...s2)] };

function residents55to74(lsoa: string) {
  const b = bands.get(lsoa)!;
  const [a, o] = [num(b.age_50_64), num(b.age_65_plus)];
  const [x, y] = shares.get(unitOf.get(lsoa)!)!;
  return { est: a * x + o * y, low: a * range.s1[0] + o * range.s2[0], high: a * range.s1[1] + o * range.s2[1] };
}

const close = (got: unknown, want: number, what: string) => expect(Math.abs((got as number) - want), `${what}: ${String(got)} vs ${want}`).toBeLessThan(Math.max(1, 1e-5 * want));

describe('lung cancer screening sizing', () => {
  it('estimates residents aged 55–74 for England and for every ICB, with the range of the unit shares', async () => {
    expect(shares.size).toBe(105);
    const lsoas = rawLsoas();
    const total = { est: 0, low: 0, high: 0 };
    const byIcb = new Map<string, number>();
    for (const l of lsoas) {
      const r = residents55to74(l.code);
      total.est += r.est;
      total.low += r.low;
      total.high += r.high;
      byIcb.set(l.icb, (byIcb.get(l.icb) ?? 0) + r.est);
    }
    const [eng] = await rows(db, profileSql({ kind: 'england' }));
    close(eng.res_55_74, total.est, 'England 55–74');
    close(eng.res_55_74_low, total.low, 'England 55–74 low');
    close(eng.res_55_74_high, total.high, 'England 55–74 high');
    expect(total.low).toBeLessThan(total.est);
    expect(total.high).toBeGreaterThan(total.est);
    const q = await indicatorRows(db, 'screening.residents55to74', 'icb24');
    for (const [icb, est] of byIcb) close(q.get(icb)!.value, est, icb);
  });

  it('estimates current and ex-smokers aged 55–74 in Greater Manchester from APS 2019 and its 95 % limits', async () => {
    const lad19Of = viaParents(new Map(rawRows('imd/iod2019_file2_domains_lsoa11.csv.gz').map((r) => [r['LSOA code (2011)'], r['Local Authority District code (2019)']])));
    const fingertips = (file: string, id: string) => new Map(rawRows(file).filter((r) => r['Indicator ID'] === id).map((r) => [r['Area Code'], [num(r.Value), num(r['Lower CI 95.0 limit']), num(r['Upper CI 95.0 limit'])]]));
    const current = fingertips('smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv', '92443');
    const ex = fingertips('smoking/smoking_prevalence_utla19_2019_fingertips_tobacco_profile_export.csv', '92534');
    const want = { current: [0, 0, 0], ex: [0, 0, 0] };
    const gm = rawLsoas().filter((l) => l.icb === GREATER_MANCHESTER);
    for (const l of gm) {
      const r = residents55to74(l.code);
      const lad = lad19Of.get(l.code)!;
      for (const [k, table] of [['current', current], ['ex', ex]] as const) {
        const [v, lo, hi] = table.get(lad)!; // metropolitan boroughs publish both, under the same code
        want[k][0] += (r.est * v) / 100;
        want[k][1] += (r.low * lo) / 100;
        want[k][2] += (r.high * hi) / 100;
      }
    }
    const [got] = await rows(db, profileSql({ kind: 'icbs', codes: [GREATER_MANCHESTER] }));
    for (const k of ['current', 'ex'] as const) {
      close(got[`${k}_55_74`], want[k][0], `${k} est`);
      close(got[`${k}_55_74_low`], want[k][1], `${k} low`);
      close(got[`${k}_55_74_high`], want[k][2], `${k} high`);
    }
  });
});

describe('who a set of areas reaches', () => {
  it('adds up ages, ethnic groups and Core20 residents of the chosen areas, as the catalogue does for them', async () => {
    const wards = (await rows(db, `SELECT code FROM areas WHERE level = 'ward24' AND icb24_code = '${GREATER_MANCHESTER}' ORDER BY code LIMIT 12`)).map((r) => r.code as string);
    const [p] = await rows(db, profileSql({ kind: 'areas', level: 'ward24', codes: wards }));
    const inWards = rawLsoas().filter((l) => wards.includes(l.ward));
    expect(p.lsoas).toBe(inWards.length);
    expect(p.residents).toBe(inWards.reduce((s, l) => s + l.pop, 0));
    for (const band of ['age_0_15', 'age_16_24', 'age_25_34', 'age_35_49', 'age_50_64', 'age_65_plus']) {
      expect(p[band], band).toBe(inWards.reduce((s, l) => s + num(bands.get(l.code)![band]), 0));
    }
    for (const g of ['asian', 'black', 'mixed', 'white', 'other']) expect(p[`eth_${g}`]).toBe(inWards.reduce((s, l) => s + rawTs021().get(l.code)!.counts[g], 0));
    expect(p.eth_total).toBe(inWards.reduce((s, l) => s + rawTs021().get(l.code)!.total, 0));
    const core20 = await indicatorRows(db, 'imd2025.imd.share20', 'ward24');
    const num20 = wards.reduce((s, w) => s + (core20.get(w)!.numerator as number), 0);
    expect(p.core20_2025).toBeCloseTo(num20, 6);
    // Core20 by NHS England's edition: IMD 2019 carried onto LSOA 2021 by the stated rule, recomputed from the raw files.
    const imd19 = rawImd2019OnLsoa21();
    expect(p.core20_2019).toBe(inWards.filter((l) => imd19.get(l.code)!.decile.imd <= 2).reduce((s, l) => s + l.pop, 0));
    expect(p.core20_2019_known).toBe(inWards.filter((l) => imd19.has(l.code)).reduce((s, l) => s + l.pop, 0));
    const [icb] = await rows(db, profileSql({ kind: 'icbs', codes: [GREATER_MANCHESTER] }));
    const smoking = await indicatorRows(db, 'smoking.aps.current', 'icb24', { period: String(icb.smoking_year) });
    expect(icb.smoking_pct as number).toBeCloseTo(smoking.get(GREATER_MANCHESTER)!.value as number, 9);
  });

  it('has no profile for LSOA 2011 areas (no Census 2021 rows) rather than a wrong one', async () => {
    const [p] = await rows(db, profileSql({ kind: 'areas', level: 'lsoa11', codes: ['E01000001'] }));
    expect(p.lsoas).toBe(0);
  });
});
