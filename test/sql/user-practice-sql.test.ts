/**
 * A GP practice file's share of a list (screened ÷ eligible) as a practice and PCN measure, on the
 * real DuckDB-wasm engine with the built tables. The file is generated here from real QOF 2022-23
 * practice codes (the raw practice → PCN mapping), with one closed practice (known to the practice
 * reference list, absent from QOF 2022-23) and a practice-name column holding a spreadsheet formula.
 * Expected practice values, PCN sums and the file's England value are recomputed here from the rows
 * written and the raw mapping; funnel positions are checked against the exact-binomial core
 * (src/analysis/funnel, tested against R) fed with those recomputed sums.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { funnelPositions } from '../../src/analysis/funnel/funnel-limits';
import { adjustedPositions } from '../../src/analysis/funnel/overdispersion';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { runImportJob } from '../../src/data/import/import-job';
import { loadDataset } from '../../src/data/import/load-dataset';
import { loadReferenceCodes } from '../../src/data/import/load-reference-codes';
import { takeColumns } from '../../src/data/import/table-summary';
import { practiceTableOf } from '../../src/data/import/user-table-sql';
import type { DatasetSpec } from '../../src/data/import/user-dataset';
import { loadUserPracticeEngland, loadUserPracticeMissing, loadUserPracticeValues } from '../../src/data/practice-data';
import { loadUserPracticeFunnel } from '../../src/data/practice-funnel';
import { QueryRunner } from '../../src/data/query-runner';
import type { UserPracticeRate } from '../../src/data/sql/user-practice-sql';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { practiceFile } from '../support/practice-file';
import { wilson } from '../support/raw-plus';

const { chosen, closed, values: file, text } = practiceFile(60);

let q: QueryRunner;
let rate: UserPracticeRate;
beforeAll(async () => {
  const db: Db = await openBuiltDataDb();
  q = new QueryRunner(db);
  const refs = await loadReferenceCodes(async (p) => new Uint8Array(readFileSync(join(DATA_DIR, p))));
  const job = await runImportJob(bytesSource(new TextEncoder().encode(text), 'screening.csv'), refs);
  expect(job.report.key!.geography).toBe('practice');
  const spec: DatasetSpec = {
    id: 'dprac01', file: 'screening.csv', sheet: null, table: 'user_dprac01', nativeLevel: 'lsoa21', joinNote: '', practices: true, combine: 'auto', split: null,
    values: [{ column: 'screened', field: 'v1', label: 'Screened', unit: 'ratio', unitText: 'eligible', polarity: 'lower-worse', decimals: 1, ratio: { denominator: 'eligible', multiplier: 100, ci: 'proportion', suppressBelow: 0 } }],
    weight: { kind: 'list-size' }, rowsRead: job.table.rowCount, rowsJoined: 0, areas: 0,
  };
  await loadDataset(db, spec, {
    joinKeys: job.joinKeys.map((k) => (k === null ? null : refs.practices.get(k)?.lsoa21 ?? null)), practiceKeys: job.joinKeys,
    rowNumbers: job.table.rowNumbers, columns: takeColumns(job.table, ['screened', 'eligible']),
  });
  rate = { table: practiceTableOf(spec.table), numerator: 'v1_n', denominator: 'v1_d', multiplier: 100, ci: 'proportion' };
}, 120_000);

describe("a GP practice file's rate as a practice and PCN measure (DuckDB-wasm, built tables)", () => {
  it("gives each practice in QOF 2022-23 its file's share with a Wilson interval, and reports the closed practice by code", async () => {
    const got = new Map((await loadUserPracticeValues(q, rate, 'practice')).map((r) => [r.code, r]));
    expect(got.size).toBe(file.size);
    for (const m of chosen) {
      const [k, n] = file.get(m.PRACTICE_CODE)!;
      const r = got.get(m.PRACTICE_CODE)!;
      expect([r.numerator, r.denominator]).toEqual([k, n]);
      expect(r.value!).toBeCloseTo((100 * k) / n, 9);
      // test/support's Wilson (in %, z rounded to 1.959964)
      const [lo, hi] = wilson(k, n);
      expect(r.lower!).toBeCloseTo(lo, 5);
      expect(r.upper!).toBeCloseTo(hi, 5);
      // names come from QOF, never from the file (whose first name is a formula)
      expect(r.name).toBe(m.PRACTICE_NAME);
    }
    expect(got.has(closed)).toBe(false);
    expect(await loadUserPracticeMissing(q, rate)).toEqual([closed]);
  });

  it("sums member practices' numerators and denominators for each PCN, and the file's England over its practices in QOF", async () => {
    const sums = new Map<string, [number, number, number]>();
    for (const m of chosen) {
      if (m.PCN_ODS_CODE === 'U') continue;
      const [k, n] = file.get(m.PRACTICE_CODE)!;
      const s = sums.get(m.PCN_ODS_CODE) ?? sums.set(m.PCN_ODS_CODE, [0, 0, 0]).get(m.PCN_ODS_CODE)!;
      s[0] += k;
      s[1] += n;
      s[2] += 1;
    }
    const got = new Map((await loadUserPracticeValues(q, rate, 'pcn')).map((r) => [r.code, r]));
    expect(got.size).toBe(sums.size);
    for (const [pcn, [k, n, count]] of sums) {
      const r = got.get(pcn)!;
      expect([r.numerator, r.denominator, r.practices]).toEqual([k, n, count]);
      expect(r.value!).toBeCloseTo((100 * k) / n, 9);
    }
    const all = [...file.values()];
    const [k, n] = [all.reduce((s, p) => s + p[0], 0), all.reduce((s, p) => s + p[1], 0)];
    const england = await loadUserPracticeEngland(q, rate);
    expect([england.numerator, england.denominator, england.practices]).toEqual([k, n, file.size]);
    expect(england.value!).toBeCloseTo((100 * k) / n, 12);
  });

  it('plots every practice of the file in QOF on the funnel, positioned by the exact-binomial core around the recomputed England value', async () => {
    const codes = [...file.keys()].sort();
    const nums = codes.map((c) => file.get(c)![0]);
    const dens = codes.map((c) => file.get(c)![1]);
    const theta = nums.reduce((s, x) => s + x, 0) / dens.reduce((s, x) => s + x, 0);
    const funnel = await loadUserPracticeFunnel(q, 'user.dprac01.v1', rate);
    expect(funnel.points.map((p) => p.code)).toEqual(codes);
    expect(funnel.target).toBeCloseTo(100 * theta, 12);
    expect(Array.from(funnel.points, (p) => p.position)).toEqual(Array.from(funnelPositions(nums, dens, theta)));
    // the file's shares are spread well beyond binomial noise: some practices fall outside the 99.8 % limits
    expect(funnel.points.some((p) => Math.abs(p.position) === 2)).toBe(true);

    const over = await loadUserPracticeFunnel(q, 'user.dprac01.v1', rate, { sicbl: null, limits: 'overdispersed' });
    expect(over.dispersion.tau2).toBeGreaterThan(0);
    expect(Array.from(over.points, (p) => p.position)).toEqual(Array.from(adjustedPositions(nums, dens, theta, over.dispersion.tau2)));
  });
});
