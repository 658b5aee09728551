/**
 * QOF registers shared out to where practices' patients live: a registered-patient file GENERATED here
 * (real QOF 2022-23 practice codes, real Census 2021 LSOA codes, several practices per LSOA, all in and
 * around one local authority) is loaded as the app loads it, the shared-out dataset is built and staged
 * like any "Your data" dataset, and its values through the catalogue's SQL are recomputed from the raw
 * QOF file: per LSOA Σ (register ÷ list) × patients over Σ patients, and for a local authority the
 * sums over its LSOAs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUserIndicator, unregisterUserIndicator } from '../../src/data/catalogue';
import { QOF_REGISTERS } from '../../src/data/catalogue/practice-measures';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { datasetIndicators } from '../../src/data/import/dataset-indicators';
import { loadDataset } from '../../src/data/import/load-dataset';
import { readCsv } from '../../src/data/import/read-csv';
import { readRegisteredFile } from '../../src/data/import/registered-file';
import { loadRegisteredPatients } from '../../src/data/registered-patients';
import { registeredShareDataset, registeredUserShareDataset } from '../../src/data/registered-share';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows } from '../support/query-rows';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';

const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const rate = new Map(prevalence.map((r) => [`${r.PRACTICE_CODE}|${r.GROUP_CODE}`, num(r.REGISTER) / num(r.PRACTICE_LIST_SIZE)]));
const SHEFFIELD = 'E08000019';
const lad = rawLsoas();
const inLad = lad.filter((l) => l.lad === SHEFFIELD).map((l) => l.code);
const outside = lad.filter((l) => l.lad !== SHEFFIELD).filter((_, i) => i % 3001 === 0).map((l) => l.code);
const practices = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').filter((_, i) => i % 181 === 0).map((r) => r.PRACTICE_CODE);
type Row = { practice: string; lsoa: string; n: number };
const rows: Row[] = practices.flatMap((p, i) => Array.from({ length: 40 }, (_, j) => ({
  practice: p, lsoa: j % 10 === 9 ? outside[(i + j) % outside.length] : inLad[(i * 7 + j * 3) % inLad.length], n: 1 + ((i * 31 + j * 13) % 120),
})));
const csv = ['PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS', ...rows.map((r) => `${r.practice},${r.lsoa},${r.n}`)].join('\n') + '\n';
const GROUPS = ['COPD', 'CAN', 'LD'];

/** Σ rate × patients and Σ patients over the rows `pick` takes. */
function sums(group: string, pick: (r: Row) => boolean) {
  let k = 0; let n = 0;
  for (const r of rows) if (pick(r)) { k += rate.get(`${r.practice}|${group}`)! * r.n; n += r.n; }
  return { k, n };
}

let db: Db;
const registered: string[] = [];
afterAll(() => registered.forEach(unregisterUserIndicator));

describe('QOF registers shared out to where patients live', () => {
  let id = '';
  beforeAll(async () => {
    db = await openBuiltDataDb();
    await loadRegisteredPatients(db, readRegisteredFile(await readCsv(bytesSource(new TextEncoder().encode(csv), 'regpop.csv')))!);
    const { spec, rows: joined } = await registeredShareDataset(db, 'dshare1', 'regpop.csv');
    const d = await loadDataset(db, spec, joined);
    for (const ind of datasetIndicators(d)) { registerUserIndicator(ind); registered.push(ind.id); }
    id = d.id;
    expect(d.values).toHaveLength(21);
  }, 120_000);

  it('per LSOA: Σ practices\' register ÷ list × patients living there, over those patients (sample of LSOAs)', async () => {
    const lsoas = [...new Set(rows.map((r) => r.lsoa))];
    expect(lsoas.length).toBeGreaterThan(50);
    for (const group of GROUPS) {
      const v = `v${QOF_REGISTERS.findIndex((g) => g.group === group) + 1}`;
      const got = await indicatorRows(db, `user.${id}.${v}`, 'lsoa21');
      // only LSOAs where the file's patients live have a value (others: none, not zero)
      expect([...got.values()].filter((r) => r.value !== null).length).toBe(lsoas.length);
      for (const l of lsoas.filter((_, i) => i % 7 === 0)) {
        const s = sums(group, (r) => r.lsoa === l);
        expect(Number(got.get(l)!.value), `${group} ${l}`).toBeCloseTo((100 * s.k) / s.n, 9);
      }
      const byLad = await indicatorRows(db, `user.${id}.${v}`, 'lad24');
      const s = sums(group, (r) => inLad.includes(r.lsoa));
      expect(Number(byLad.get(SHEFFIELD)!.value), `${group} Sheffield`).toBeCloseTo((100 * s.k) / s.n, 9);
    }
  });

  it('a GP practice file\'s share of a list, the same way over the file\'s practices only (sample of LSOAs and one LAD)', async () => {
    // the file: numerator and denominator for all but every fifth practice (those are not in it) and one blank numerator
    const file = new Map(practices.filter((_, i) => i % 5 !== 0).map((p, i) => [p, { k: i === 1 ? null : 20 + ((i * 37) % 300), n: 400 + ((i * 53) % 500) }]));
    await db.query(`CREATE OR REPLACE TABLE user_dfile01_practice AS SELECT * FROM (VALUES ${[...file].map(([p, v]) => `('${p}', ${v.k ?? 'NULL'}::DOUBLE, ${v.n}::DOUBLE)`).join(', ')}) t(code, v1_n, v1_d)`);
    const m = { id: 'user.dfile01.v1', label: 'Your data: screening.csv – Screened', file: 'screening.csv', rate: { table: 'user_dfile01_practice', numerator: 'v1_n', denominator: 'v1_d', multiplier: 100, ci: 'proportion' as const } };
    const { spec, rows: joined } = await registeredUserShareDataset(db, 'dshare2', m, 'regpop.csv');
    const d = await loadDataset(db, spec, joined);
    for (const ind of datasetIndicators(d)) { registerUserIndicator(ind); registered.push(ind.id); }
    expect(d.values.map((v) => v.label)).toEqual(['screening.csv – Screened, by where practices\' patients live (estimate)']);
    const share = (pick: (r: Row) => boolean) => {
      let k = 0; let n = 0;
      for (const r of rows) {
        const f = file.get(r.practice);
        if (!pick(r) || !f || f.k === null) continue;
        k += (f.k / f.n) * r.n; n += r.n;
      }
      return n ? (100 * k) / n : null;
    };
    const got = await indicatorRows(db, 'user.dshare2.v1', 'lsoa21');
    const lsoas = [...new Set(rows.map((r) => r.lsoa))];
    for (const l of lsoas.filter((_, i) => i % 5 === 0)) {
      const want = share((r) => r.lsoa === l);
      if (want === null) expect(got.get(l)!.value, l).toBeNull();
      else expect(Number(got.get(l)!.value), l).toBeCloseTo(want, 9);
    }
    expect(Number((await indicatorRows(db, 'user.dshare2.v1', 'lad24')).get(SHEFFIELD)!.value)).toBeCloseTo(share((r) => inLad.includes(r.lsoa))!, 9);
  });
});
