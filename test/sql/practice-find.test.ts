/**
 * "Find practices" on real rows: the app's path (loadFindUnits on DuckDB-wasm with the built tables,
 * then the pure core) against sets recomputed here from the raw QOF 2022-23 prevalence file, the raw
 * practice → PCN → Sub-ICB mapping and the raw 2024 LSOA → Sub-ICB → ICB lookup (papaparse and plain
 * arithmetic; Wilson limits from test/support, written independently of ci-sql.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findCondition, meetingAll } from '../../src/analysis/practice-find/find-practices';
import { loadFindUnits } from '../../src/data/practice-find-data';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { wilson } from '../support/raw-plus';

const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const mapping = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r]));
const icbOfOds = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code_nhs, r.icb24_code]));
const register = (group: string) => new Map(prevalence.filter((r) => r.GROUP_CODE === group).map((r) => [r.PRACTICE_CODE, [num(r.REGISTER), num(r.PRACTICE_LIST_SIZE)] as const]));

let q: QueryRunner;
beforeAll(async () => {
  q = new QueryRunner(await openBuiltDataDb());
}, 120_000);

const found = (u: Awaited<ReturnType<typeof loadFindUnits>>, tests: Parameters<typeof findCondition>[1][]) => {
  const met = meetingAll(tests.map((t, j) => findCondition(u.columns[j], t, u.scope)), u.codes.length);
  return new Set(u.codes.filter((_, i) => met[i] === 1));
};

describe('Find practices (DuckDB-wasm, built tables, raw QOF recomputation)', () => {
  it('finds the practices of an ICB significantly above England on the cancer register with lists of at least 8,000', async () => {
    const can = register('CAN');
    const [k0, n0] = [...can.values()].reduce(([a, b], [k, n]) => [a + k, b + n], [0, 0]);
    const england = (100 * k0) / n0;
    // the ICB holding the first practice of the mapping, by its Sub-ICB's 2024 ICB
    const icb = icbOfOds.get([...mapping.values()][0].SUB_ICB_ODS_CODE)!;
    const want = new Set([...can].filter(([code, [k, n]]) => icbOfOds.get(mapping.get(code)!.SUB_ICB_ODS_CODE) === icb && n >= 8000 && k <= n && wilson(k, n)[0] > england).map(([c]) => c));
    const u = await loadFindUnits(q, 'practice', ['qof.can.prevalence', 'qof.list_size'], [], { level: 'icb24', code: icb });
    expect(u.columns[0].england).toBeCloseTo(england, 9);
    const got = found(u, [{ kind: 'significantly-above' }, { kind: 'at-least', value: 8000 }]);
    expect(want.size).toBeGreaterThan(0);
    expect(got).toEqual(want);
    // the scope is the ICB's practices: as many as the raw mapping puts there
    expect(u.scope!.reduce((s, x) => s + x, 0)).toBe([...mapping.values()].filter((m) => icbOfOds.get(m.SUB_ICB_ODS_CODE) === icb).length);
  });

  it("finds the PCNs in England's highest 10 % on the COPD register (sums of their practices, ties sharing a rank)", async () => {
    const sums = new Map<string, [number, number]>();
    for (const [code, [k, n]] of register('COPD')) {
      const pcn = mapping.get(code)!.PCN_ODS_CODE;
      if (pcn === 'U') continue;
      const s = sums.get(pcn) ?? sums.set(pcn, [0, 0]).get(pcn)!;
      s[0] += k;
      s[1] += n;
    }
    const rates = [...sums].filter(([, [, n]]) => n > 0).map(([c, [k, n]]) => [c, (100 * k) / n] as const);
    const want = new Set(rates.filter(([, r]) => 1 + rates.filter(([, x]) => x > r).length <= 0.1 * rates.length).map(([c]) => c));
    const u = await loadFindUnits(q, 'pcn', ['qof.copd.prevalence'], [], null);
    expect(u.scope).toBeNull();
    expect(found(u, [{ kind: 'top-percent', percent: 10 }])).toEqual(want);
    expect(want.size).toBe(Math.floor(0.1 * rates.length));
  });

  it('scopes PCNs to an ICB when any of their practices is there, and practices to a local authority by where the surgery stands', async () => {
    const icb = icbOfOds.get([...mapping.values()][0].SUB_ICB_ODS_CODE)!;
    const pcns = new Set([...mapping.values()].filter((m) => m.PCN_ODS_CODE !== 'U' && icbOfOds.get(m.SUB_ICB_ODS_CODE) === icb).map((m) => m.PCN_ODS_CODE));
    const u = await loadFindUnits(q, 'pcn', ['qof.list_size'], [], { level: 'icb24', code: icb });
    expect(new Set(u.codes.filter((_, i) => u.scope![i]))).toEqual(pcns);
    const sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv').filter((r) => r.is_branch_or_other === 'FALSE' && mapping.has(r.practice_code));
    const lad = sites[0].ltla24_code;
    const there = new Set(sites.filter((r) => r.ltla24_code === lad).map((r) => r.practice_code));
    const v = await loadFindUnits(q, 'practice', ['qof.list_size'], [], { level: 'lad24', code: lad });
    expect(new Set(v.codes.filter((_, i) => v.scope![i]))).toEqual(there);
  });
});
