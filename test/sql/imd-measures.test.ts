/**
 * Issue 10, deprivation measures on DuckDB-wasm over the built tables, checked against values
 * recomputed here from ../shared/data/raw (test/support/raw-imd.ts: papaparse and plain loops):
 * IMD 2019 on 2021 LSOAs and its change counts, Core20 through residents for both editions, MHCLG's
 * official summaries exactly as published, and derived summaries by MHCLG's method.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getIndicator } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import type { LevelId } from '../../src/geo/levels';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataManifest } from '../../src/data/manifest';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows, type ResultRow } from '../support/query-rows';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import {
  averageRank, competitionRanks, DOMAINS, extent, localConcentration, lsoaShare10, rawImd2019, rawImd2019OnLsoa21, rawImd2025, rawLinks, rawPop2015, type Member,
} from '../support/raw-imd';

let db: Db;
const run = (id: string, level: LevelId) => indicatorRows(db, id, level);
const v = (r: ResultRow | undefined) => r?.value as number;
const imd19on21 = rawImd2019OnLsoa21();
const lsoas = rawLsoas();

beforeAll(async () => {
  db = await openBuiltDataDb();
});

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

describe('IMD 2019 on 2021 LSOAs (ONS LSOA 2011→2021 lookup)', () => {
  it('counts each kind of change (U, S, M, X) from the raw lookup, in the table and in the build report', async () => {
    const per21 = new Map<string, Set<string>>();
    const per11 = new Map<string, Set<string>>();
    for (const [code, x] of imd19on21) per21.set(x.change, (per21.get(x.change) ?? new Set()).add(code));
    for (const [, x] of imd19on21) for (const p of x.parents) per11.set(x.change, (per11.get(x.change) ?? new Set()).add(p));
    const n21 = (c: string) => per21.get(c)?.size ?? 0;
    const n11 = (c: string) => per11.get(c)?.size ?? 0;
    expect(n21('U') + n21('S') + n21('M') + n21('X')).toBe(33_755);
    expect(n11('U') + n11('S') + n11('M') + n11('X')).toBe(32_844);
    const table = new Map((await rows(db, 'SELECT change, count(*)::INTEGER AS n FROM imd2019_lsoa21 GROUP BY 1')).map((r) => [r.change, r.n]));
    expect(table).toEqual(new Map(['U', 'S', 'M', 'X'].map((c) => [c, n21(c)])));
    const manifest = JSON.parse(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8')) as DataManifest;
    const line = manifest.joinReport.find((l) => l.startsWith('IMD 2019 on LSOA 2021'))!;
    expect(line).toContain(`${n21('U')} unchanged (U)`);
    expect(line).toContain(`${n21('S')} parts of ${n11('S')} split 2011 LSOAs (S`);
    expect(line).toContain(`${n21('M')} merged from ${n11('M')} 2011 LSOAs (M`);
    expect(line).toContain(`${n21('X')} complex from ${n11('X')} 2011 LSOAs (X`);
    // The method note of the measure states the rule.
    expect(getIndicator('imd2019.imd.rank').methodNote?.lsoa21).toMatch(/split.*merged.*mid-2015/);
  });

  it('gives every 2021 LSOA the IMD 2019 rank and decile of the stated rule, for every domain', async () => {
    for (const d of DOMAINS) {
      const rank = await run(`imd2019.${d}.rank`, 'lsoa21');
      const decile = await run(`imd2019.${d}.decile`, 'lsoa21');
      expect(rank.size).toBe(33_755);
      for (const [code, want] of imd19on21) {
        expect(v(rank.get(code)), `${d} ${code}`).toBeCloseTo(want.rank[d], 9);
        expect(v(decile.get(code)), `${d} ${code}`).toBe(want.decile[d]);
      }
      const some = [...imd19on21.keys()][1000];
      expect(rank.get(some)!.ranked).toBe(32_844);
    }
    // A merged LSOA says how its value was made.
    const merged = [...imd19on21].find(([, x]) => x.change === 'M')![0];
    expect((await run('imd2019.imd.rank', 'lsoa21')).get(merged)!.note).toMatch(/^Merged: built from 2011 LSOAs/);
  });
});

describe('Core20 is expressed through residents, for both editions', () => {
  const decile25 = (code: string) => rawImd2025().get(code)!.decile.imd;
  const decile19 = (code: string) => imd19on21.get(code)!.decile.imd;

  it('ward share and number of residents in Core20 LSOAs equal the raw deciles × Census 2021 × the ward lookup', async () => {
    for (const [edition, decileOf] of [[2025, decile25], [2019, decile19]] as const) {
      const share = await run(`imd${edition}.imd.share20`, 'ward24');
      const count = await run(`imd${edition}.imd.core20count`, 'ward24');
      const wards = groupBy(lsoas, (l) => l.ward);
      expect(share.size).toBe(wards.size);
      for (const [ward, ls] of wards) {
        const all = ls.reduce((s, l) => s + l.pop, 0);
        const core = ls.filter((l) => decileOf(l.code) <= 2).reduce((s, l) => s + l.pop, 0);
        expect(v(share.get(ward)), `${edition} ${ward}`).toBeCloseTo((100 * core) / all, 9);
        expect(v(count.get(ward)), `${edition} ${ward}`).toBe(core);
      }
    }
    expect(getIndicator('imd2019.imd.share20').label).toMatch(/^Core20 \(IMD 2019\)/);
    expect(getIndicator('imd2025.imd.share20').label).toMatch(/^Core20 \(IMD 2025\)/);
    expect(getIndicator('imd2019.imd.share20').definition).toMatch(/NHS England's published Core20 figures/);
  });

  it('at LSOA level an LSOA is Core20 when its own national decile is 1–2 (100 % or 0 % of residents)', async () => {
    const s21 = await run('imd2019.imd.share20', 'lsoa21');
    for (const l of lsoas) expect(v(s21.get(l.code)), l.code).toBe(decile19(l.code) <= 2 ? 100 : 0);
    const s11 = await run('imd2019.imd.share20', 'lsoa11');
    for (const [code, x] of rawImd2019()) expect(v(s11.get(code)), code).toBe(x.decile.imd <= 2 ? 100 : 0);
  });
});

const PREFIX: Record<(typeof DOMAINS)[number], string> = {
  imd: 'imd', income: 'income', employment: 'employment', education: 'education_skills_and_training',
  health: 'health_deprivation_and_disability', crime: 'crime', barriers: 'barriers_to_housing_and_services', environment: 'living_environment',
};

describe('MHCLG\'s official summaries', () => {
  it('every local authority and ICB value equals the IoD2025 file, with MHCLG\'s ranks, for every domain', async () => {
    for (const [file, codeCol, level] of [['imd/imd2025_lad24_summary_humaniverse.csv', 'ltla24_code', 'lad24'], ['imd/imd2025_icb24_summary_humaniverse.csv', 'icb24_code', 'icb24']] as const) {
      const official = rawRows(file);
      expect(official.length).toBe(level === 'lad24' ? 296 : 42);
      const key = (re: RegExp) => Object.keys(official[0]).find((k) => re.test(k))!;
      for (const d of DOMAINS) {
        const p = PREFIX[d];
        const checks: [string, string, number, string | null][] = [
          [`imd2025.${d}.score`, `${p}_average_score`, 1, `${p}_rank_of_average_score`],
          [`imd2025.${d}.rank`, `${p}_rank_of_average_score`, 1, `${p}_rank_of_average_score`],
          [`imd2025.${d}.avgrank`, `${p}_average_rank`, 1, `${p}_rank_of_average_rank`],
          [`imd2025.${d}.rankavgrank`, `${p}_rank_of_average_rank`, 1, `${p}_rank_of_average_rank`],
          [`imd2025.${d}.lsoa10`, `${p}_proportion_of_lso_as_in_most_deprived_10_percent_nationally`, 100, `${p}_rank_of_proportion_of_lso_as_in_most_deprived_10_percent_nationally`],
        ];
        if (d === 'imd') {
          checks.push(['imd2025.imd.extent', key(/^imd_?(20)?25_extent$/), 100, key(/^imd_?(20)?25_rank_of_extent$/)]);
          checks.push(['imd2025.imd.localconc', key(/^imd_?(20)?25_local_concentration$/), 1, key(/^imd_?(20)?25_rank_of_local_concentration$/)]);
        }
        if (d === 'income' || d === 'employment') checks.push([`imd2025.${d}.scale`, `${p}_scale`, 1, `rank_of_${p}_scale`]);
        for (const [id, column, factor, rankColumn] of checks) {
          const got = await run(id, level);
          for (const o of official) {
            const r = got.get(o[codeCol])!;
            expect(v(r), `${id} ${o[codeCol]}`).toBeCloseTo(factor * num(o[column]), 9);
            if (rankColumn) expect(r.national_rank, `${id} rank ${o[codeCol]}`).toBe(num(o[rankColumn]));
          }
        }
      }
    }
    expect(getIndicator('imd2025.imd.rank').label).toMatch(/rank of average score/);
    expect(getIndicator('imd2025.imd.rankavgrank').label).toMatch(/rank of average rank/);
    expect(getIndicator('imd2025.imd.score').methodNote?.lad24).toMatch(/^Official MHCLG value \(IoD2025 File 10/);
    expect(getIndicator('imd2025.imd.score').methodNote?.ward24).toMatch(/^Derived by the atlas, same method as MHCLG: .*Census 2021 usual residents/);
  });

  it('IoD2019: the 289 unchanged councils equal MHCLG File 10; the 7 formed since carry the package\'s score or a derived value, and say so', async () => {
    const file10 = rawRows('imd/imd2019_lad19_summary_humaniverse.csv');
    const pkg = new Map(rawRows('imd/imd2019_lad23_summary_humaniverse.csv').map((r) => [r.ltla23_code, r]));
    const lad24 = new Set(lsoas.map((l) => l.lad));
    const score = await run('imd2019.imd.score', 'lad24');
    const share = await run('imd2019.imd.lsoa10', 'lad24');
    const ext = await run('imd2019.imd.extent', 'lad24');
    const income = await run('imd2019.income.score', 'lad24');
    const unchanged = file10.filter((o) => lad24.has(o.ltla19_code));
    expect(unchanged.length).toBe(289);
    for (const o of unchanged) {
      const c = o.ltla19_code;
      expect(v(score.get(c)), c).toBeCloseTo(num(o.Score), 9);
      expect(v(income.get(c)), c).toBeCloseTo(num(o.Income_Score), 9);
      expect(v(share.get(c)), c).toBeCloseTo(100 * num(o.Proportion), 9);
      expect(v(ext.get(c)), c).toBeCloseTo(100 * num(o.Extent), 9);
      expect(score.get(c)!.note).toBeNull();
    }
    // The formed councils: derived from their 2011 LSOAs (raw ranks, mid-2015 residents, ONS code history).
    const to24 = new Map<string, string>();
    for (const r of rawRows('lookups/lad16_to_lad24_code_changes_uk_geographr.csv')) if (r.ltla19_code) to24.set(r.ltla19_code, r.ltla24_code);
    const members = new Map<string, Member[]>();
    for (const r of rawRows('imd/iod2019_file1_imd_lsoa11.csv.gz')) {
      const lad = to24.get(r['Local Authority District code (2019)'])!;
      const x = rawImd2019().get(r['LSOA code (2011)'])!;
      members.set(lad, [...(members.get(lad) ?? []), { rank: x.rank.imd, decile: x.decile.imd, pop: rawPop2015().get(r['LSOA code (2011)'])! }]);
    }
    const formed = [...lad24].filter((c) => !file10.some((o) => o.ltla19_code === c));
    expect(formed.sort()).toEqual(['E06000060', 'E06000061', 'E06000062', 'E06000063', 'E06000064', 'E06000065', 'E06000066']);
    for (const c of formed) {
      expect(v(score.get(c)), c).toBeCloseTo(num(pkg.get(c)!.Score), 9);
      expect(score.get(c)!.note).toMatch(/^Formed after IoD2019 was published/);
      expect(v(share.get(c)), c).toBeCloseTo(lsoaShare10(members.get(c)!), 9);
      expect(v(ext.get(c)), c).toBeCloseTo(extent(members.get(c)!, 32_844), 9);
      expect(ext.get(c)!.note).toMatch(/derived by the atlas by MHCLG's method/);
    }
    // The same definitions reproduce MHCLG's own File 10 for every unchanged council, within one unit of
    // its last published decimal (proportions to 4 decimals = 0.01 percentage points).
    for (const o of unchanged) {
      expect(Math.abs(extent(members.get(o.ltla19_code)!, 32_844) - 100 * num(o.Extent)), o.ltla19_code).toBeLessThanOrEqual(0.01 + 1e-9);
      expect(Math.abs(lsoaShare10(members.get(o.ltla19_code)!) - 100 * num(o.Proportion)), o.ltla19_code).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });
});

describe('derived summaries: same method as MHCLG, recomputed from LSOA ranks, residents and lookups', () => {
  it('IMD 2025 for wards and Sub-ICB locations (Census 2021 residents)', async () => {
    for (const [level, key] of [['ward24', (l: (typeof lsoas)[number]) => l.ward], ['sicbl24', (l: (typeof lsoas)[number]) => l.sicbl]] as const) {
      const groups = groupBy(lsoas, key);
      const member = (ls: typeof lsoas): Member[] => ls.map((l) => ({ rank: rawImd2025().get(l.code)!.rank.imd, decile: rawImd2025().get(l.code)!.decile.imd, pop: l.pop }));
      const [avg, share, ext, lc] = await Promise.all(['avgrank', 'lsoa10', 'extent', 'localconc'].map((m) => run(`imd2025.imd.${m}`, level)));
      for (const [code, ls] of groups) {
        const m = member(ls);
        expect(v(avg.get(code)), code).toBeCloseTo(averageRank(m, 33_755), 6);
        expect(v(share.get(code)), code).toBeCloseTo(lsoaShare10(m), 9);
        expect(v(ext.get(code)), code).toBeCloseTo(extent(m, 33_755), 9);
        expect(v(lc.get(code)), code).toBeCloseTo(localConcentration(m, 33_755), 6);
      }
      // Ranks of a derived measure: ties (e.g. wards with no LSOA in decile 1) share the best rank.
      const want = competitionRanks(new Map([...groups].map(([c, ls]) => [c, lsoaShare10(member(ls))])), true);
      for (const [code, r] of want) expect(share.get(code)!.national_rank, code).toBe(r);
    }
  });

  it('IMD 2019 for wards through the 2011→2021 bridge, and for ICBs from 2011 LSOAs with mid-2015 residents', async () => {
    const wards = groupBy(lsoas, (l) => l.ward);
    const [avg, ext] = await Promise.all([run('imd2019.imd.avgrank', 'ward24'), run('imd2019.imd.extent', 'ward24')]);
    for (const [code, ls] of wards) {
      const m = ls.map((l) => ({ rank: imd19on21.get(l.code)!.rank.imd, decile: imd19on21.get(l.code)!.decile.imd, pop: l.pop }));
      expect(v(avg.get(code)), code).toBeCloseTo(averageRank(m, 32_844), 6);
      expect(v(ext.get(code)), code).toBeCloseTo(extent(m, 32_844), 9);
    }
    const recode: Record<string, string> = { E54000052: 'E54000063', E54000053: 'E54000064' };
    const icbOf = new Map(rawRows('lookups/lsoa11_sicbl22_icb22_lad22_england_geographr.csv.gz').map((r) => [r.lsoa11_code, recode[r.icb22_code] ?? r.icb22_code]));
    const icbs = groupBy([...rawImd2019()].map(([code, x]) => ({ icb: icbOf.get(code)!, rank: x.rank.imd, decile: x.decile.imd, pop: rawPop2015().get(code)! })), (x) => x.icb);
    const icbAvg = await run('imd2019.imd.avgrank', 'icb24');
    for (const [code, m] of icbs) expect(v(icbAvg.get(code)), code).toBeCloseTo(averageRank(m, 32_844), 6);
    expect(getIndicator('imd2019.imd.avgrank').methodNote?.icb24).toMatch(/mid-2015 residents/);
  });
});

describe('deciles and ranks above LSOA level', () => {
  it('offers a national decile only for LSOAs, and says what to use instead', () => {
    for (const level of ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'] as const) {
      expect(() => indicatorSql('imd2025.imd.decile', level)).toThrow(/not available/);
      expect(getIndicator('imd2025.imd.decile').unavailable?.[level]).toMatch(/never averaged.*Core20 residents/);
    }
    expect(() => indicatorSql('imd2019.imd.rank', 'ward24')).toThrow(/not available/);
  });

  it('builds no SQL with ntile (ties are never split arbitrarily)', () => {
    for (const id of ['imd2025.imd.rank', 'imd2025.imd.rankavgrank', 'imd2019.imd.rankavgrank', 'imd2025.health.lsoa10']) {
      for (const level of ['ward24', 'sicbl24', 'cal19'] as const) expect(indicatorSql(id, level)).not.toMatch(/ntile/i);
    }
  });

  it('the 2019 LSOA links name every 2011 LSOA of England once or more', () => {
    expect(new Set(rawLinks().map((l) => l.lsoa11)).size).toBe(32_844);
  });
});
