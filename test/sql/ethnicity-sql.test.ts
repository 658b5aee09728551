/**
 * Census 2021 ethnic group (TS021) through the catalogue's SQL, recomputed from the raw Nomis file:
 * every group's share and count for all 33,755 LSOAs, at every level (sums of counts over sums of
 * TS021's own total), England's row, and a user's group of groups.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setEthnicGroupChoices } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { englandValueSql } from '../../src/data/sql/england-sql';
import { ethnicGroupsTableSql } from '../../src/data/sql/ethnic-groups-sql';
import { makeEthnicGroup } from '../../src/state/ethnic-groups-spec';
import type { LevelId } from '../../src/geo/levels';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { rawLsoas } from '../support/raw-geography';
import { rawCal22, rawTs021, TS021_HEADERS } from '../support/raw-plus';

let db: Db;
let cal19Of: Map<string, string>;
const GROUPS = Object.keys(TS021_HEADERS);

beforeAll(async () => {
  db = await openBuiltDataDb();
  // 2019 alliance membership is the pipeline's derivation, tested in nhs-levels.test.ts; the figures here are recomputed on it.
  cal19Of = new Map((await rows(db, `SELECT code, cal19_code FROM areas WHERE level = 'lsoa21'`)).map((r) => [r.code as string, r.cal19_code as string]));
});

/** Each LSOA's parent at every level, from the raw lookups (cal19 from the built areas table, see above). */
function parentsOf(): Record<Exclude<LevelId, `user_${string}` | 'lsoa11'>, (lsoa: string) => string> {
  const raw = new Map(rawLsoas().map((l) => [l.code, l]));
  const { byOds, odsOfLsoa } = rawCal22();
  return {
    lsoa21: (l) => l, ward24: (l) => raw.get(l)!.ward, lad24: (l) => raw.get(l)!.lad, sicbl24: (l) => raw.get(l)!.sicbl, icb24: (l) => raw.get(l)!.icb,
    cal22: (l) => byOds.get(odsOfLsoa.get(l)!)!.cal, cal19: (l) => cal19Of.get(l)!,
  };
}

function sums(parent: (lsoa: string) => string, members: string[]): Map<string, { count: number; total: number }> {
  const out = new Map<string, { count: number; total: number }>();
  for (const [lsoa, e] of rawTs021()) {
    const k = parent(lsoa);
    const s = out.get(k) ?? { count: 0, total: 0 };
    s.count += members.reduce((t, m) => t + e.counts[m], 0);
    s.total += e.total;
    out.set(k, s);
  }
  return out;
}

describe('ethnic group (Census 2021 TS021)', () => {
  it('has every English LSOA 2021, and each row\'s groups add up to TS021\'s total', () => {
    expect(rawTs021().size).toBe(33_755);
    expect(new Set(rawLsoas().map((l) => l.code))).toEqual(new Set(rawTs021().keys()));
    for (const e of rawTs021().values()) {
      expect(['asian', 'black', 'mixed', 'white', 'other'].reduce((s, k) => s + e.counts[k], 0)).toBe(e.total);
      expect(GROUPS.filter((k) => k.includes('_')).reduce((s, k) => s + e.counts[k], 0)).toBe(e.total);
    }
  });

  it('gives every group\'s share and count for all 33,755 LSOAs, over TS021\'s own total', async () => {
    const wrong: string[] = [];
    for (const g of GROUPS) {
      const share = await indicatorRows(db, `ethnicity.${g}.share`, 'lsoa21');
      const count = await indicatorRows(db, `ethnicity.${g}.count`, 'lsoa21');
      expect(share.size).toBe(33_755);
      for (const [lsoa, e] of rawTs021()) {
        const r = share.get(lsoa)!;
        const want = (100 * e.counts[g]) / e.total;
        if (Math.abs((r.value as number) - want) > 1e-9 || r.numerator !== e.counts[g] || r.denominator !== e.total || r.lower !== null || count.get(lsoa)!.value !== e.counts[g]) {
          wrong.push(`${g} ${lsoa}: ${String(r.value)} (${String(r.numerator)}/${String(r.denominator)}), count ${String(count.get(lsoa)!.value)}; raw ${e.counts[g]}/${e.total}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 900_000);

  it('sums counts, then divides, at every level: wards, local authorities, Sub-ICB locations, ICBs and both alliance levels', async () => {
    const parents = parentsOf();
    const wrong: string[] = [];
    for (const level of ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal22', 'cal19'] as const) {
      for (const g of GROUPS) {
        const expected = sums(parents[level], [g]);
        const share = await indicatorRows(db, `ethnicity.${g}.share`, level);
        const count = await indicatorRows(db, `ethnicity.${g}.count`, level);
        expect(share.size, level).toBe(expected.size);
        for (const [code, s] of expected) {
          const got = share.get(code)!.value as number;
          if (Math.abs(got - (100 * s.count) / s.total) > 1e-9 || Math.abs((count.get(code)!.value as number) - s.count) > 1e-6) {
            wrong.push(`${level} ${code} ${g}: ${got} vs ${(100 * s.count) / s.total}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 900_000);

  it('keeps England\'s own row: its shares are the sums of all LSOAs', async () => {
    let total = 0;
    const counts = Object.fromEntries(GROUPS.map((g) => [g, 0]));
    for (const e of rawTs021().values()) {
      total += e.total;
      for (const g of GROUPS) counts[g] += e.counts[g];
    }
    expect(total).toBe(56_490_108); // MANIFEST §10
    for (const g of GROUPS) {
      const [eng] = await rows(db, englandValueSql(`ethnicity.${g}.share`));
      expect(eng.value as number, g).toBeCloseTo((100 * counts[g]) / total, 9);
    }
  });

  it('measures a user\'s group of groups at every level as the sum of its members (no one counted twice)', async () => {
    const bamo = makeEthnicGroup('Black, Asian, Mixed and Other ethnic groups', ['black', 'asian', 'mixed', 'other', 'asian_indian'])!;
    const southAsian = makeEthnicGroup('South Asian', ['asian_indian', 'asian_pakistani', 'asian_bangladeshi'])!;
    expect(bamo.members).toEqual(['asian', 'black', 'mixed', 'other']);
    await db.query(ethnicGroupsTableSql([bamo, southAsian]));
    setEthnicGroupChoices([bamo, southAsian]);
    try {
      const parents = parentsOf();
      for (const g of [bamo, southAsian]) {
        for (const level of ['lsoa21', 'ward24', 'lad24', 'icb24', 'cal22'] as const) {
          const expected = sums(parents[level], g.members);
          const got = await indicatorRows(db, 'ethnicity.chosen.share', level, { group: g.id });
          const n = await indicatorRows(db, 'ethnicity.chosen.count', level, { group: g.id });
          for (const [code, s] of expected) {
            expect(got.get(code)!.value as number, `${g.label} ${level} ${code}`).toBeCloseTo((100 * s.count) / s.total, 9);
            expect(n.get(code)!.value as number).toBeCloseTo(s.count, 6);
          }
        }
      }
      const white = sums(() => 'E', ['white']).get('E')!;
      const [eng] = await rows(db, englandValueSql('ethnicity.chosen.share', { group: bamo.id }));
      expect(eng.value as number).toBeCloseTo(100 - (100 * white.count) / white.total, 9);
    } finally {
      setEthnicGroupChoices([]);
    }
  });
});
