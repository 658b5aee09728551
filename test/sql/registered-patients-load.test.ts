/**
 * The registered-patient file as the app loads it: a CSV in NHS England's LSOA layout GENERATED here
 * (real QOF 2022-23 practice codes and Census 2021 LSOA codes, a MALE/FEMALE split, a closed practice,
 * an unknown LSOA) read by the CSV reader, picked out by its columns and loaded into DuckDB-wasm with
 * the built tables. The join report and weighted IMD 2025 score / Core20 share are recomputed from the
 * raw files; a second file replaces the first, and a file that joins nothing leaves it in place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { readCsv } from '../../src/data/import/read-csv';
import { readRegisteredFile } from '../../src/data/import/registered-file';
import { loadRegisteredDeprivation, loadRegisteredPatients } from '../../src/data/registered-patients';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';

const imd25 = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, { score: num(r.IMD_score), decile: num(r.IMD_decile) }]));
const lsoas = [...imd25.keys()].filter((_, i) => i % 131 === 0);
const practices = rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').filter((_, i) => i % 307 === 0).map((r) => r.PRACTICE_CODE);
const CLOSED = 'Y99998';
const BAD_LSOA = 'E01999998';

type Row = { practice: string; lsoa: string; sex: string; n: number };
function fixture(shift: number): Row[] {
  const rows: Row[] = [];
  practices.forEach((p, i) => {
    for (let j = 0; j < 5; j++) {
      const lsoa = lsoas[(i * 5 + j * 11 + shift) % lsoas.length];
      rows.push({ practice: p, lsoa, sex: 'MALE', n: 4 + ((i * 13 + j * 7 + shift) % 60) }, { practice: p, lsoa, sex: 'FEMALE', n: 2 + ((i * 17 + j * 3) % 70) });
    }
  });
  rows.push({ practice: CLOSED, lsoa: lsoas[1], sex: 'MALE', n: 30 }, { practice: CLOSED, lsoa: lsoas[1], sex: 'FEMALE', n: 25 });
  rows.push({ practice: practices[0], lsoa: BAD_LSOA, sex: 'FEMALE', n: 9 });
  return rows;
}
const csv = (rows: Row[]) => ['PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,NUMBER_OF_PATIENTS',
  ...rows.map((r) => `GP_PRAC_PAT_LIST,01APR2024,${r.practice},THE SURGERY,${r.lsoa},${r.sex},${r.n}`)].join('\n') + '\n';
const read = async (text: string, name: string) => readRegisteredFile(await readCsv(bytesSource(new TextEncoder().encode(text), name)));

function expected(rows: Row[]) {
  const by = new Map<string, { pop: number; score: number; core: number }>();
  for (const r of rows) {
    const i = imd25.get(r.lsoa);
    if (r.practice === CLOSED || !i) continue;
    const e = by.get(r.practice) ?? { pop: 0, score: 0, core: 0 };
    e.pop += r.n;
    e.score += r.n * i.score;
    if (i.decile <= 2) e.core += r.n;
    by.set(r.practice, e);
  }
  return by;
}

describe('loading the registered-patient file', () => {
  let db: Db;
  beforeAll(async () => { db = await openBuiltDataDb(); }, 120_000);

  it('is recognised by its columns; a practice-coded measure file is not', async () => {
    expect(await read('PRACTICE_CODE,coverage\nA81001,70\n', 'screening.csv')).toBeNull();
    const f = await read(csv(fixture(0)), 'regpop.csv');
    expect(f?.sex?.slice(0, 2)).toEqual(['MALE', 'FEMALE']);
  });

  it('loads, reports and weights IMD 2025 by registered patients; a later file replaces it; a file joining nothing leaves it', async () => {
    for (const shift of [0, 3]) {
      const rows = fixture(shift);
      const report = await loadRegisteredPatients(db, (await read(csv(rows), `regpop-${shift}.csv`))!);
      expect(report.file).toBe(`regpop-${shift}.csv`);
      expect(report.rowsRead).toBe(rows.length);
      expect(report.rowsUsed).toBe(rows.length);
      expect(report.sexUsed).toBe('FEMALE, MALE');
      expect(report.closed).toEqual([{ practice: CLOSED, patients: 55 }]);
      expect(report.unknownLsoas).toEqual([BAD_LSOA]);
      expect(report.unknownLsoaPatients).toBe(9);
      const want = expected(rows);
      expect(report.practices).toBe(want.size);
      const got = await loadRegisteredDeprivation(db);
      expect(got.size).toBe(want.size);
      for (const [p, e] of want) {
        expect(got.get(p)!.patients, p).toBe(e.pop);
        expect(got.get(p)!.score!, p).toBeCloseTo(e.score / e.pop, 9);
        expect(got.get(p)!.core20!, p).toBeCloseTo((100 * e.core) / e.pop, 9);
      }
    }
    const before = await loadRegisteredDeprivation(db);
    const bad = (await read('PRACTICE_CODE,LSOA_CODE,NUMBER_OF_PATIENTS\nZZZ,E01999999,4\n', 'wrong.csv'))!;
    await expect(loadRegisteredPatients(db, bad)).rejects.toThrow(/wrong\.csv: no row has a QOF 2022-23 practice code in PRACTICE_CODE/);
    expect(await loadRegisteredDeprivation(db)).toEqual(before);
  });
});
