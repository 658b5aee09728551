/**
 * The indicator SQL runs on DuckDB-wasm over the built tables; expected values are computed here
 * independently from the raw files (papaparse + plain arithmetic), never from the app's own output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { numberColumn, stringColumn } from '../../src/data/db/arrow-columns';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';

let db: Db;
const imd25 = new Map<string, Record<string, string>>();
const pop = new Map<string, number>();
const wardOf = new Map<string, string>();
const ladOf = new Map<string, string>();

async function run(id: string, level: Parameters<typeof indicatorSql>[1]) {
  const t = await db.query(indicatorSql(id, level));
  const codes = stringColumn(t, 'code') as string[];
  const value = numberColumn(t, 'value');
  const rank = numberColumn(t, 'national_rank');
  return { codes, value, rank, at: (code: string) => value[codes.indexOf(code)], rankAt: (code: string) => rank[codes.indexOf(code)] };
}

beforeAll(async () => {
  db = await openBuiltDataDb();
  for (const r of rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz')) imd25.set(r.lsoa21_code, r);
  for (const r of rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz')) pop.set(r.lsoa21_code, num(r.total_usual_residents));
  for (const r of rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz')) {
    wardOf.set(r.lsoa21_code, r.ward24_code);
    ladOf.set(r.lsoa21_code, r.ltla24_code);
  }
});

function weightedMean(parentOf: Map<string, string>, parent: string, column: string): number {
  let s = 0;
  let w = 0;
  for (const [lsoa, row] of imd25) {
    if (parentOf.get(lsoa) !== parent) continue;
    s += pop.get(lsoa)! * Number(row[column]);
    w += pop.get(lsoa)!;
  }
  return s / w;
}

describe('IMD 2025 at LSOA 2021', () => {
  it('returns every LSOA with the raw file value and rank', async () => {
    const r = await run('imd2025.imd.score', 'lsoa21');
    expect(r.codes.length).toBe(33755);
    const codes = [...imd25.keys()];
    for (const code of ['E01000001', 'E01012049', codes[17000], codes[codes.length - 1]]) {
      expect(r.at(code)).toBeCloseTo(Number(imd25.get(code)!.IMD_score), 9);
    }
    const rank = await run('imd2025.income.rank', 'lsoa21');
    expect(rank.at('E01000001')).toBe(Number(imd25.get('E01000001')!.Income_rank));
  });

  it('ranks scores so that rank 1 is the highest score', async () => {
    const r = await run('imd2025.imd.score', 'lsoa21');
    const top = [...imd25.values()].reduce((a, b) => (Number(a.IMD_score) > Number(b.IMD_score) ? a : b));
    expect(r.rankAt(top.lsoa21_code)).toBe(1);
  });
});

describe('aggregates are population-weighted over LSOAs', () => {
  it('ward score equals the Census-2021-weighted mean of its LSOA scores', async () => {
    const r = await run('imd2025.imd.score', 'ward24');
    expect(r.codes.length).toBe(6784);
    const wards = [...new Set([...wardOf.entries()].filter(([l]) => imd25.has(l)).map(([, w]) => w))];
    for (const ward of [wards[0], wards[100], wards[4000], wards[wards.length - 1]]) {
      expect(r.at(ward)).toBeCloseTo(weightedMean(wardOf, ward, 'IMD_score'), 9);
    }
  });

  it('Core20 share of a local authority equals the share of its residents in decile 1–2 LSOAs', async () => {
    const r = await run('imd2025.imd.share20', 'lad24');
    for (const lad of ['E08000003', 'E06000001', 'E07000210', 'E09000001']) {
      let inCore20 = 0;
      let all = 0;
      for (const [lsoa, row] of imd25) {
        if (ladOf.get(lsoa) !== lad) continue;
        all += pop.get(lsoa)!;
        if (Number(row.IMD_decile) <= 2) inCore20 += pop.get(lsoa)!;
      }
      expect(r.at(lad)).toBeCloseTo((100 * inCore20) / all, 9);
    }
  });

  it('local authority average scores are MHCLG\'s published summaries, with MHCLG\'s rank of average score', async () => {
    const r = await run('imd2025.imd.score', 'lad24');
    const official = rawRows('imd/imd2025_lad24_summary_humaniverse.csv');
    expect(official.length).toBe(296);
    for (const o of official) {
      expect(r.at(o.ltla24_code)).toBeCloseTo(Number(o.imd_average_score), 9);
      expect(r.rankAt(o.ltla24_code)).toBe(Number(o.imd_rank_of_average_score));
    }
  });

  it('a national decile exists only for LSOAs: a larger area\'s decile among areas of its level is not an IMD decile', () => {
    for (const level of ['ward24', 'lad24', 'icb24'] as const) expect(() => indicatorSql('imd2025.imd.decile', level)).toThrow(/not available/);
  });
});

describe('IMD 2019 on LSOA 2011', () => {
  it('LSOA ranks equal IoD2019 File 1 (thousands separators stripped)', async () => {
    const r = await run('imd2019.imd.rank', 'lsoa11');
    expect(r.codes.length).toBe(32844);
    const file1 = rawRows('imd/iod2019_file1_imd_lsoa11.csv.gz');
    for (const row of [file1[0], file1[5000], file1[32843]]) {
      expect(r.at(row['LSOA code (2011)'])).toBe(num(row['Index of Multiple Deprivation (IMD) Rank']));
    }
  });

  it('is carried onto LSOA 2021 (see imd-measures.test.ts); a ward has no 2019 rank of average score (no 2019 LSOA scores)', () => {
    expect(() => indicatorSql('imd2019.imd.rank', 'lsoa21')).not.toThrow();
    expect(() => indicatorSql('imd2019.imd.rank', 'ward24')).toThrow(/not available/);
    expect(() => indicatorSql('imd2019.imd.rankavgrank', 'ward24')).not.toThrow();
  });
});
