/**
 * Practice neighbourhood deprivation (IMD 2025 score and Core20 share of the residents of the 10 LSOAs
 * nearest each practice, within 15 km), recomputed here by brute force over every LSOA from the raw
 * practice locations, raw Census 2021 residents and the raw IMD 2025 file (no SQL, no pipeline code).
 * The LSOA points are the map's label points from the built `areas` table (geometry, not a measure:
 * one point inside each LSOA), since the raw data have boundaries and no centroids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { practiceMeasure } from '../../src/data/catalogue/practice-measures';
import { rowsOf } from '../../src/data/db/arrow-columns';
import { loadPracticeEngland, loadPracticeValues, type PracticeValue } from '../../src/data/practice-data';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';

const KM = 111.195;
const residents = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, num(r.total_usual_residents)]));
const imd = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const mapping = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv');
const located = new Map<string, { lon: number; lat: number }>();
for (const r of rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')) {
  if (r.latitude && r.longitude) located.set(r.practice_code, { lon: Number(r.longitude), lat: Number(r.latitude) });
}

let q: QueryRunner;
let lsoas: { code: string; lon: number; lat: number }[];
beforeAll(async () => {
  q = new QueryRunner(await openBuiltDataDb());
  lsoas = rowsOf(await q.run("SELECT code, lon, lat FROM areas WHERE level = 'lsoa21'")).map((r) => ({ code: String(r.code), lon: Number(r.lon), lat: Number(r.lat) }));
}, 120_000);

/** The 10 nearest LSOAs within 15 km, ties broken by code, by scanning all of England. */
function neighbours(at: { lon: number; lat: number }): string[] {
  const c = Math.cos((at.lat * Math.PI) / 180);
  return lsoas
    .map((l) => ({ code: l.code, km: KM * Math.hypot((l.lon - at.lon) * c, l.lat - at.lat) }))
    .filter((d) => d.km <= 15)
    .sort((a, b) => a.km - b.km || (a.code < b.code ? -1 : 1))
    .slice(0, 10)
    .map((d) => d.code);
}

function weigh(codes: Iterable<string>): { score: number; core20: number; residents: number } {
  let pop = 0, score = 0, core = 0;
  for (const code of codes) {
    const n = residents.get(code)!;
    const i = imd.get(code)!;
    pop += n;
    score += n * i.score;
    if (i.decile <= 2) core += n;
  }
  return { score: score / pop, core20: (100 * core) / pop, residents: pop };
}

const byCode = (rows: PracticeValue[]) => new Map(rows.map((r) => [r.code, r]));

describe('practice neighbourhood deprivation (approximate)', () => {
  it('says it is an approximation and states its rule', () => {
    for (const id of ['practice.neighbourhood.imd2025.score', 'practice.neighbourhood.imd2025.core20']) {
      const m = practiceMeasure(id)!;
      expect(m.definition).toMatch(/^Approximate: a practice's patients do not live only next to it\./);
      expect(m.definition).toMatch(/10 LSOAs \(2021\).*nearest the practice, among those within 15 km/);
      expect(m.label).toMatch(/\(approximate\)$/);
    }
  });

  it('gives every located practice the residents-weighted IMD 2025 score and Core20 share of its 10 nearest LSOAs', async () => {
    const score = byCode(await loadPracticeValues(q, 'practice.neighbourhood.imd2025.score', 'practice'));
    const core = byCode(await loadPracticeValues(q, 'practice.neighbourhood.imd2025.core20', 'practice'));
    expect(score.size).toBe(mapping.length);
    let seen = 0;
    let checked = 0;
    for (const { PRACTICE_CODE: code } of mapping) {
      const at = located.get(code);
      if (!at) {
        expect(score.get(code)!.value, code).toBeNull();
        continue;
      }
      // brute force for every 8th practice (all of England's LSOAs each time), which still covers every region
      if (seen++ % 8) continue;
      checked++;
      const want = weigh(neighbours(at));
      expect(score.get(code)!.denominator, code).toBe(want.residents);
      expect(score.get(code)!.value!, code).toBeCloseTo(want.score, 9);
      expect(core.get(code)!.value!, code).toBeCloseTo(want.core20, 9);
      expect([score.get(code)!.lower, score.get(code)!.upper]).toEqual([null, null]);
    }
    expect(seen).toBeGreaterThan(6000);
    expect(checked).toBeGreaterThan(750);
  }, 300_000);

  it('gives a PCN the union of its practices\' neighbourhoods, each LSOA once (not a mean of practice values)', async () => {
    const rows = byCode(await loadPracticeValues(q, 'practice.neighbourhood.imd2025.score', 'pcn'));
    const pcns = new Map<string, string[]>();
    for (const m of mapping) if (m.PCN_ODS_CODE !== 'U') pcns.set(m.PCN_ODS_CODE, [...(pcns.get(m.PCN_ODS_CODE) ?? []), m.PRACTICE_CODE]);
    expect(rows.size).toBe(pcns.size);
    const sample = [...pcns].filter((_, i) => i % 25 === 0);
    for (const [pcn, practices] of sample) {
      const union = new Set(practices.flatMap((p) => (located.has(p) ? neighbours(located.get(p)!) : [])));
      const want = weigh(union);
      expect(rows.get(pcn)!.denominator, pcn).toBe(want.residents);
      expect(rows.get(pcn)!.value!, pcn).toBeCloseTo(want.score, 9);
    }
  }, 300_000);

  it('reads England as every LSOA\'s residents', async () => {
    const eng = await loadPracticeEngland(q, 'practice.neighbourhood.imd2025.core20');
    const want = weigh([...imd.keys()]);
    expect(eng.denominator).toBe(want.residents);
    expect(eng.value!).toBeCloseTo(want.core20, 9);
  });
});
