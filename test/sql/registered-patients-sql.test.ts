/**
 * NHS England's "Patients registered at a GP practice" LSOA layout: a file GENERATED here from real
 * practice codes (QOF 2022-23 mapping) and real LSOA codes (Census 2021), with a sex split, a closed
 * practice, an unknown LSOA and a formula-injection name, loaded into DuckDB as the app loads a CSV; the
 * table registered_patients_lsoa21, the join report and registered-population-weighted IMD 2025 score
 * and Core20 shares (IMD 2025, IMD 2019) are recomputed from the raw IMD files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/data/db/arrow-columns';
import type { Db } from '../../src/data/db/db';
import { createTableFromCsv } from '../../src/data/sql/load-tables-sql';
import { createRegisteredSql, isRegisteredPatientsLayout, registeredReportSql, registeredSumsSql, REGISTERED_TABLE } from '../../src/data/sql/registered-patients-sql';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';

const imd25 = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const imd19 = new Map(rawRows('imd/iod2019_file1_imd_lsoa11.csv.gz').map((r) => [r['LSOA code (2011)'], num(r['Index of Multiple Deprivation (IMD) Decile'])]));
// LSOAs whose 2011 code is still a 2021 code, so IMD 2019 applies unchanged (the fixture uses only these)
const lsoas = [...imd25.keys()].filter((c) => imd19.has(c)).filter((_, i) => i % 97 === 0);
const practices = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').filter((_, i) => i % 211 === 0).map((r) => r.PRACTICE_CODE);
const CLOSED = 'Y99999';
const BAD_LSOA = 'E01999999';
const INJECTION = '=HYPERLINK("http://example.invalid","x")';

type Row = { practice: string; lsoa: string; sex: string; n: number };
function fixture(sexes: readonly string[]): Row[] {
  const rows: Row[] = [];
  practices.forEach((p, i) => {
    for (let j = 0; j < 6; j++) {
      const lsoa = lsoas[(i * 7 + j * 13) % lsoas.length];
      const male = 5 + ((i * 31 + j * 17) % 90);
      const female = 3 + ((i * 11 + j * 29) % 80);
      for (const sex of sexes) rows.push({ practice: p, lsoa, sex, n: sex === 'MALE' ? male : sex === 'FEMALE' ? female : male + female });
    }
  });
  for (const sex of sexes) {
    rows.push({ practice: CLOSED, lsoa: lsoas[0], sex, n: 40 });
    rows.push({ practice: practices[0], lsoa: BAD_LSOA, sex, n: 12 });
  }
  return rows;
}
const csv = (rows: Row[]) => ['PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS',
  ...rows.map((r, i) => `GP_PRAC_PAT_LIST,01APR2024,${r.practice},"${i === 0 ? INJECTION.replace(/"/g, '""') : 'THE SURGERY'}",${r.lsoa},${r.sex},${r.n}`)].join('\n') + '\n';

function expected(rows: Row[], sex: (s: string) => boolean) {
  const by = new Map<string, { pop: number; score: number; c25: number; c19: number }>();
  for (const r of rows) {
    if (!sex(r.sex) || r.practice === CLOSED || !imd25.has(r.lsoa)) continue;
    const e = by.get(r.practice) ?? { pop: 0, score: 0, c25: 0, c19: 0 };
    const i = imd25.get(r.lsoa)!;
    e.pop += r.n;
    e.score += r.n * i.score;
    if (i.decile <= 2) e.c25 += r.n;
    if (imd19.get(r.lsoa)! <= 2) e.c19 += r.n;
    by.set(r.practice, e);
  }
  return by;
}

let db: Db;
async function load(rows: Row[]) {
  await db.registerFile('regpop.csv', new TextEncoder().encode(csv(rows)));
  await db.query(createTableFromCsv('regpop_raw', 'regpop.csv'));
  await db.query(createRegisteredSql('regpop_raw', true));
  const [report] = rowsOf(await db.query(registeredReportSql('regpop_raw', true)));
  return report;
}
const sums = async (stat: Parameters<typeof registeredSumsSql>[0]) => new Map(rowsOf(await db.query(registeredSumsSql(stat))).map((r) => [String(r.practice_code), { k: Number(r.numerator), n: Number(r.denominator) }]));

beforeAll(async () => {
  db = await openBuiltDataDb();
}, 120_000);

describe('registered patients by LSOA (NHS England layout)', () => {
  it('recognises the layout by its columns, whatever their case', () => {
    expect(isRegisteredPatientsLayout(['PUBLICATION', 'practice_code', 'LSOA_CODE ', 'NUMBER_OF_PATIENTS'])).toBe(true);
    expect(isRegisteredPatientsLayout(['PRACTICE_CODE', 'value'])).toBe(false);
  });

  it('with ALL, MALE and FEMALE rows uses ALL only, reports the closed practice and the unknown LSOA, and weights IMD by registered patients', async () => {
    const rows = fixture(['ALL', 'MALE', 'FEMALE']);
    const report = await load(rows);
    expect(Number(report.rows_read)).toBe(rows.length);
    expect(Number(report.rows_used)).toBe(rows.filter((r) => r.sex === 'ALL').length);
    expect(report.sex_used).toBe('ALL');
    expect(JSON.parse(JSON.stringify(report.closed_practices)) as unknown).toEqual([CLOSED]);
    expect(Number(report.closed_patients)).toBe(40);
    expect(JSON.parse(JSON.stringify(report.unknown_lsoas)) as unknown).toEqual([BAD_LSOA]);
    expect(Number(report.unknown_lsoa_patients)).toBe(12);
    const table = rowsOf(await db.query(`SELECT practice_code, lsoa21_code, patients FROM ${REGISTERED_TABLE}`));
    expect(table.some((r) => r.practice_code === CLOSED || r.lsoa21_code === BAD_LSOA)).toBe(false);
    const want = expected(rows, (s) => s === 'ALL');
    const [score, c25, c19] = [await sums('imd2025_score'), await sums('imd2025_core20'), await sums('imd2019_core20')];
    expect(score.size).toBe(want.size);
    expect(want.size).toBe(practices.length);
    for (const [p, e] of want) {
      expect(score.get(p)!.n, p).toBe(e.pop);
      expect(score.get(p)!.k / score.get(p)!.n, p).toBeCloseTo(e.score / e.pop, 9);
      expect(c25.get(p)!.k, p).toBe(e.c25);
      expect(c19.get(p)!.k, p).toBe(e.c19);
    }
    expect([...want.values()].some((e) => e.c25 > 0 && e.c25 < e.pop)).toBe(true);
  });

  it('with MALE and FEMALE rows only adds them', async () => {
    const rows = fixture(['MALE', 'FEMALE']);
    const report = await load(rows);
    expect(report.sex_used).toBe('FEMALE, MALE');
    const want = expected(rows, () => true);
    const score = await sums('imd2025_score');
    for (const [p, e] of want) expect(score.get(p)!.n, p).toBe(e.pop);
  });

  it('maps 2011 LSOA codes that changed through the ONS lookup, a split one apportioned by 2021 residents, and reports how many rows went through it', async () => {
    const links = rawRows('lookups/lsoa11_lsoa21_lad22_ew_geographr.csv.gz').filter((r) => r.lsoa21_code.startsWith('E01'));
    const pop = new Map(rawLsoas().map((l) => [l.code, l.pop]));
    const kids = new Map<string, string[]>();
    for (const l of links) kids.set(l.lsoa11_code, [...(kids.get(l.lsoa11_code) ?? []), l.lsoa21_code]);
    const changed = (code: string) => links.filter((l) => l.lsoa11_code === code).some((l) => l.change_code !== 'U');
    const split = links.filter((l) => l.change_code === 'S').map((l) => l.lsoa11_code).filter((c, i, a) => a.indexOf(c) === i).slice(0, 3);
    const merged = links.filter((l) => l.change_code === 'M').map((l) => l.lsoa11_code).slice(0, 2);
    const unchanged = links.find((l) => l.change_code === 'U')!.lsoa11_code;
    expect(split.every((c) => kids.get(c)!.length > 1 && changed(c))).toBe(true);
    expect(merged.every((c) => kids.get(c)!.length === 1 && kids.get(c)![0] !== c)).toBe(true);
    const rows: Row[] = [...split, ...merged, unchanged].flatMap((lsoa, i) => practices.slice(0, 3).map((p, j) => ({ practice: p, lsoa, sex: 'ALL', n: 11 + i * 17 + j * 5 })));
    const report = await load(rows);
    const mapped = rows.filter((r) => r.lsoa !== unchanged);
    expect(Number(report.lsoa11_rows)).toBe(mapped.length);
    expect(Number(report.lsoa11_codes)).toBe(split.length + merged.length);
    expect(Number(report.lsoa11_patients)).toBe(mapped.reduce((t, r) => t + r.n, 0));
    expect(report.unknown_lsoas).toBeNull();
    expect(Number(report.unknown_lsoa_patients)).toBe(0);
    // expected: each row's patients shared among its 2021 LSOAs by their Census 2021 residents (raw files)
    const want = new Map<string, number>();
    for (const r of rows) {
      const to = kids.get(r.lsoa)!;
      const total = to.reduce((t, c) => t + pop.get(c)!, 0);
      for (const c of to) want.set(`${r.practice}|${c}`, (want.get(`${r.practice}|${c}`) ?? 0) + (r.n * pop.get(c)!) / total);
    }
    const got = rowsOf(await db.query(`SELECT practice_code, lsoa21_code, patients FROM ${REGISTERED_TABLE}`));
    expect(got.length).toBe(want.size);
    for (const g of got) expect(Number(g.patients), `${g.practice_code} ${g.lsoa21_code}`).toBeCloseTo(want.get(`${g.practice_code}|${g.lsoa21_code}`)!, 9);
    expect(got.reduce((t, g) => t + Number(g.patients), 0)).toBeCloseTo(rows.reduce((t, r) => t + r.n, 0), 6);
  });
});
