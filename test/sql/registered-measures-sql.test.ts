/**
 * Measures weighted by where a practice's registered patients live, for practices and PCNs: a file in
 * NHS England's LSOA layout GENERATED here (every practice of a few PCNs from the QOF 2022-23 mapping,
 * real Census 2021 LSOA codes) is loaded as the app loads it, and each figure is recomputed from the raw
 * files: IMD 2025 score and Core20 shares by IMD 2025 and IMD 2019 (2011 codes unchanged in 2021, and
 * the ONS lookup for the rest), adult smoking (each LSOA's council's APS value, latest England year,
 * from the raw Fingertips file and ONS LSOA→council lookup) and Census 2021 broad ethnic groups (TS021).
 * A PCN's figures are its practices' numerators and denominators summed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { readCsv } from '../../src/data/import/read-csv';
import { readRegisteredFile } from '../../src/data/import/registered-file';
import { loadRegisteredDeprivation, loadRegisteredPatients, type RegisteredDeprivation } from '../../src/data/registered-patients';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { rawTs021 } from '../support/raw-plus';

const imd25 = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const imd19by11 = new Map(rawRows('imd/iod2019_file1_imd_lsoa11.csv.gz').map((r) => [r['LSOA code (2011)'], num(r['Index of Multiple Deprivation (IMD) Decile'])]));
const lad = new Map(rawLsoas().map((l) => [l.code, l.lad]));
const aps = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
const YEAR = Math.max(...aps.filter((r) => r.area_code === 'E92000001').map((r) => num(r.period)));
const smoking = new Map(aps.filter((r) => num(r.period) === YEAR && r.value !== 'NA' && r.value !== '').map((r) => [r.area_code, num(r.value)]));
const GROUPS = ['asian', 'black', 'mixed', 'white', 'other'];

// every practice of three PCNs (so a PCN's sum is over several practices), in LSOAs spread over England
const mapping = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv');
const pcns = [...new Set(mapping.map((r) => r.PCN_ODS_CODE))].filter((_, i) => i % 397 === 5).slice(0, 3);
const members = mapping.filter((r) => pcns.includes(r.PCN_ODS_CODE));
// LSOAs whose 2011 code is still a 2021 code, so IMD 2019 applies unchanged (its mapping through the ONS lookup is tested in imd-measures.test.ts)
const lsoas = [...imd25.keys()].filter((c) => imd19by11.has(c)).filter((_, i) => i % 89 === 0);

type Row = { practice: string; lsoa: string; n: number };
const rows: Row[] = members.flatMap((m, i) => Array.from({ length: 7 }, (_, j) => ({ practice: m.PRACTICE_CODE, lsoa: lsoas[(i * 11 + j * 37) % lsoas.length], n: 3 + ((i * 23 + j * 41) % 300) })));
const csv = ['PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS',
  ...rows.map((r) => `GP_PRAC_PAT_LIST,01APR2024,${r.practice},THE SURGERY,${r.lsoa},ALL,${r.n}`)].join('\n') + '\n';

type Sums = { pop: number; score: number; c25: number; c19: number; smk: number; smkPop: number; eth: Record<string, number>; ethPop: number };
function expected(unitOf: (practice: string) => string | undefined): Map<string, Sums> {
  const by = new Map<string, Sums>();
  for (const r of rows) {
    const u = unitOf(r.practice);
    if (!u) continue;
    const e = by.get(u) ?? { pop: 0, score: 0, c25: 0, c19: 0, smk: 0, smkPop: 0, eth: Object.fromEntries(GROUPS.map((g) => [g, 0])), ethPop: 0 };
    const i = imd25.get(r.lsoa)!;
    e.pop += r.n;
    e.score += r.n * i.score;
    if (i.decile <= 2) e.c25 += r.n;
    if (imd19by11.get(r.lsoa)! <= 2) e.c19 += r.n;
    const v = smoking.get(lad.get(r.lsoa)!);
    if (v !== undefined) { e.smk += r.n * v; e.smkPop += r.n; }
    const t = rawTs021().get(r.lsoa)!;
    if (t.total > 0) { for (const g of GROUPS) e.eth[g] += (r.n * t.counts[g]) / t.total; e.ethPop += r.n; }
    by.set(u, e);
  }
  return by;
}

function check(got: Map<string, RegisteredDeprivation>, want: Map<string, Sums>, pcnOfUnit: (u: string) => string | null) {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [u, e] of want) {
    const g = got.get(u)!;
    expect(g.pcn, u).toBe(pcnOfUnit(u));
    expect(g.patients, u).toBe(e.pop);
    expect(g.score!, u).toBeCloseTo(e.score / e.pop, 9);
    expect(g.core20!, u).toBeCloseTo((100 * e.c25) / e.pop, 9);
    expect(g.core20_2019!, u).toBeCloseTo((100 * e.c19) / e.pop, 9);
    expect(g.smokingYear, u).toBe(YEAR);
    if (e.smkPop) expect(g.smoking!, u).toBeCloseTo(e.smk / e.smkPop, 9);
    else expect(g.smoking, u).toBeNull();
    expect(g.smokingCoverage!, u).toBeCloseTo((100 * e.smkPop) / e.pop, 9);
    for (const k of GROUPS) expect(g.ethnicity[k]!, `${u} ${k}`).toBeCloseTo((100 * e.eth[k]) / e.ethPop, 9);
  }
}

const pcnOf = new Map(members.map((m) => [m.PRACTICE_CODE, m.PCN_ODS_CODE]));

describe('measures weighted by where registered patients live', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openBuiltDataDb();
    const f = readRegisteredFile(await readCsv(bytesSource(new TextEncoder().encode(csv), 'regpop.csv')));
    await loadRegisteredPatients(db, f!);
  }, 120_000);

  it('per practice: IMD 2025 score, Core20 by IMD 2025 and 2019, smoking from council values and TS021 ethnic groups', async () => {
    expect(members.length).toBeGreaterThan(pcns.length);
    const want = expected((p) => p);
    check(await loadRegisteredDeprivation(db, 'practice'), want, (p) => pcnOf.get(p)!);
    // the fixture has both Core20 and non-Core20 patients, and smoking values
    expect([...want.values()].some((e) => e.c19 > 0 && e.c19 < e.pop && e.smkPop > 0)).toBe(true);
  });

  it('per PCN: sums of its practices\' weighted numerators and denominators, not a mean of practice rates', async () => {
    const want = expected((p) => pcnOf.get(p));
    expect(want.size).toBe(pcns.length);
    check(await loadRegisteredDeprivation(db, 'pcn'), want, () => null);
  });
});
