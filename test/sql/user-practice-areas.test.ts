/**
 * A GP practice file's Sub-ICB and ICB values, on the real DuckDB-wasm engine with the built tables:
 * summed by each practice's own Sub-ICB, not by the LSOA its surgery stands in. The file is
 * generated here from real QOF 2022-23 practice codes (every fifth practice of the raw practice →
 * PCN → Sub-ICB mapping), with one practice listed twice and one closed practice (in the practice
 * reference list, not in QOF 2022-23). Expected values are recomputed here from the rows written,
 * the raw QOF mapping's Sub-ICB ODS codes and the raw 2024 LSOA → Sub-ICB → ICB lookup (which gives
 * each ODS code its 2024 Sub-ICB and ICB); Wilson limits come from R's prop.test.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUserIndicator, unregisterUserIndicator } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { datasetIndicators } from '../../src/data/import/dataset-indicators';
import { runImportJob } from '../../src/data/import/import-job';
import { loadDataset } from '../../src/data/import/load-dataset';
import { loadReferenceCodes } from '../../src/data/import/load-reference-codes';
import { takeColumns } from '../../src/data/import/table-summary';
import type { DatasetSpec } from '../../src/data/import/user-dataset';
import { loadMeasures } from '../../src/app/combine/combine-inputs';
import { measureOptions } from '../../src/app/combine/measure-options';
import { ruleModel } from '../../src/app/combine/use-rules';
import { loadIndicatorValues, loadLevelAreas } from '../../src/data/level-data';
import { QueryRunner } from '../../src/data/query-runner';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';

const mapping = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv');
const lookup24 = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code_nhs, { sicbl: r.sicbl24_code, icb: r.icb24_code }]));
const chosen = mapping.filter((_, i) => i % 5 === 0);
const pair = (i: number): [number, number] => {
  const eligible = 200 + ((i * 89) % 3000);
  return [Math.round(eligible * (0.5 + ((i * 17) % 35) / 100)), eligible];
};
const referrals = (i: number) => (i * 7) % 40;
/** The file's numbers per practice in QOF: [screened, eligible, referrals], the twice-listed practice summed. */
const perPractice = new Map(chosen.map((m, i) => [m.PRACTICE_CODE, [...pair(i), referrals(i)]]));
const twice = chosen[3].PRACTICE_CODE;
perPractice.get(twice)!.forEach((x, k, a) => (a[k] = x + [10, 40, 2][k]));

/** Per 2024 Sub-ICB or ICB, the file's [screened, eligible, referrals] summed over its practices in QOF. */
function sumsAt(level: 'sicbl24' | 'icb24'): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const m of chosen) {
    const at = lookup24.get(m.SUB_ICB_ODS_CODE)!;
    const key = level === 'sicbl24' ? at.sicbl : at.icb;
    const s = sums.get(key) ?? sums.set(key, [0, 0, 0]).get(key)!;
    perPractice.get(m.PRACTICE_CODE)!.forEach((x, k) => (s[k] += x));
  }
  return sums;
}

function wilsonR(pairs: [number, number][]): [number, number][] {
  const out = execFileSync('Rscript', ['-e', `x<-c(${pairs.map((p) => p[0]).join(',')});n<-c(${pairs.map((p) => p[1]).join(',')});for(i in seq_along(x)){ci<-prop.test(x[i],n[i],correct=FALSE)$conf.int;cat(sprintf('%.12f %.12f\\n',ci[1],ci[2]))}`], { encoding: 'utf8' });
  return out.trim().split('\n').map((l) => l.split(' ').map(Number) as [number, number]);
}

let db: Db;
let spec: DatasetSpec;
let closed: string;
/** The LSOAs the file's practices stand in (by the practice reference list the import joins on). */
let placed: Set<string>;
const ids: string[] = [];
beforeAll(async () => {
  db = await openBuiltDataDb();
  const refs = await loadReferenceCodes(async (p) => new Uint8Array(readFileSync(join(DATA_DIR, p))));
  const inQof = new Set(mapping.map((m) => m.PRACTICE_CODE));
  closed = [...refs.practices.entries()].find(([code, p]) => p.lsoa21 && !inQof.has(code))![0];
  placed = new Set([...chosen.map((m) => m.PRACTICE_CODE), closed].map((c) => refs.practices.get(c)?.lsoa21).filter((l): l is string => !!l));
  const lines = chosen.map((m, i) => `${m.PRACTICE_CODE},${pair(i).join(',')},${referrals(i)}`);
  const text = `practice_code,screened,eligible,referrals\n${lines.join('\n')}\n${twice},10,40,2\n${closed},50,120,3\n`;
  const job = await runImportJob(bytesSource(new TextEncoder().encode(text), 'screening.csv'), refs);
  expect(job.report.key!.geography).toBe('practice');
  const base: DatasetSpec = {
    id: 'dprar01', file: 'screening.csv', sheet: null, table: 'user_dprar01', nativeLevel: 'lsoa21', joinNote: '', practices: true, combine: 'auto', split: null,
    values: [
      { column: 'screened', field: 'v1', label: 'Screened', unit: 'ratio', unitText: 'eligible', polarity: 'lower-worse', decimals: 1, ratio: { denominator: 'eligible', multiplier: 100, ci: 'proportion', suppressBelow: 0 } },
      { column: 'referrals', field: 'v2', label: 'Referrals', unit: 'count', unitText: '', polarity: 'neutral', decimals: 0 },
    ],
    weight: { kind: 'list-size' }, rowsRead: job.table.rowCount, rowsJoined: 0, areas: 0,
  };
  spec = await loadDataset(db, base, {
    joinKeys: job.joinKeys.map((k) => (k === null ? null : refs.practices.get(k)?.lsoa21 ?? null)), practiceKeys: job.joinKeys,
    rowNumbers: job.table.rowNumbers, columns: takeColumns(job.table, ['screened', 'eligible', 'referrals']),
  });
  for (const ind of datasetIndicators(spec)) {
    registerUserIndicator(ind);
    ids.push(ind.id);
  }
}, 120_000);
afterAll(() => ids.forEach(unregisterUserIndicator));

describe("a GP practice file's Sub-ICB and ICB values by each practice's own Sub-ICB (DuckDB-wasm, built tables)", () => {
  it('sums numerators, denominators and counts by the Sub-ICB and ICB of the QOF mapping, with Wilson limits matching R', async () => {
    // a practice of a Sub-ICB recoded in 2024 is among them, so the 2022 → 2024 recode is exercised
    expect(chosen.some((m) => lookup24.get(m.SUB_ICB_ODS_CODE)!.sicbl !== m.SUB_ICB_ONS_CODE)).toBe(true);
    for (const level of ['sicbl24', 'icb24'] as const) {
      const sums = sumsAt(level);
      const rate = await indicatorRows(db, 'user.dprar01.v1', level);
      const count = await indicatorRows(db, 'user.dprar01.v2', level);
      expect([...rate.values()].filter((r) => r.value !== null).length).toBe(sums.size);
      const codes = [...sums.keys()];
      const limits = wilsonR(codes.map((c) => [sums.get(c)![0], sums.get(c)![1]]));
      codes.forEach((c, k) => {
        const [n, d, refs] = sums.get(c)!;
        const r = rate.get(c)!;
        expect([r.numerator, r.denominator]).toEqual([n, d]);
        expect(r.value as number).toBeCloseTo((100 * n) / d, 9);
        expect(r.lower as number).toBeCloseTo(100 * limits[k][0], 7);
        expect(r.upper as number).toBeCloseTo(100 * limits[k][1], 7);
        expect(count.get(c)!.value).toBe(refs);
      });
    }
  });

  it("differs from summing the LSOAs where the surgeries stand, and the join report counts the practice without a Sub-ICB", async () => {
    // some chosen practices stand in an LSOA of another Sub-ICB than the one that holds their list
    const lsoaSicbl = new Map((await rows(db, `SELECT code, sicbl24_code FROM areas WHERE level = 'lsoa21'`)).map((r) => [r.code as string, r.sicbl24_code as string]));
    const where = new Map((await rows(db, 'SELECT practice_code, lsoa21_code FROM gp_practices')).map((r) => [r.practice_code as string, r.lsoa21_code as string | null]));
    const across = chosen.filter((m) => {
      const l = where.get(m.PRACTICE_CODE);
      return l && lsoaSicbl.get(l) !== lookup24.get(m.SUB_ICB_ODS_CODE)!.sicbl;
    });
    expect(across.length).toBeGreaterThan(0);

    expect(spec.practiceAreas).toEqual({ mapped: perPractice.size, unmapped: 1, patients: 120 });
    // the LSOA count is of LSOAs only: the Sub-ICB and ICB rows are not more areas
    expect(spec.areas).toBe(placed.size);
    expect((await rows(db, `SELECT count(*)::INTEGER AS n FROM user_dprar01 WHERE code NOT IN (SELECT code FROM areas WHERE level IN ('lsoa21', 'sicbl24', 'icb24'))`))[0].n).toBe(0);
    const [rate, count] = datasetIndicators(spec);
    expect(rate.levels.sicbl24).toEqual({ kind: 'native' });
    expect(rate.methodNote?.sicbl24).toMatch(/own Sub-ICB location.*not in the LSOA where the surgery stands.*1 practice of your file \(120 in "eligible"\) has no Sub-ICB/);
    expect(count.methodNote?.icb24).toMatch(/sum of the counts/);
    // other levels still come from the LSOAs
    expect(rate.levels.lad24?.kind).toBe('ratio');
  });

  it('is offered to Sub-ICB and ICB rules like other user rates, and a rule on it picks the areas the recomputed rates say', async () => {
    const q = new QueryRunner(db);
    for (const level of ['sicbl24', 'icb24'] as const) {
      expect(measureOptions(level, []).some((o) => o.value === 'user.dprar01.v1')).toBe(true);
      const areas = await loadLevelAreas(q, level);
      const sums = sumsAt(level);
      const rates = [...sums.values()].map(([n, d]) => (100 * n) / d).sort((a, b) => a - b);
      const threshold = rates[Math.floor(rates.length / 2)];
      const spec = { conditions: [{ indicator: 'user.dprar01.v1', dims: {}, test: { kind: 'at-least' as const, value: threshold } }], inFocus: false };
      const m = await loadMeasures((id, dims) => loadIndicatorValues(q, id, level, dims, areas), { level, areas }, spec.conditions);
      const model = ruleModel(areas, m, [null], spec, null, null);
      const met = new Set(areas.codes.filter((_, i) => model.conditions[0].met[i] === 1));
      const want = new Set([...sums].filter(([, [n, d]]) => (100 * n) / d >= threshold).map(([c]) => c));
      expect(met).toEqual(want);
      expect(want.size).toBeGreaterThan(0);
    }
  });
});
