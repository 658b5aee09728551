/**
 * Pull partners on DuckDB-wasm with the built tables, against a recomputation from the raw files:
 * practice sites and their LSOA 2021 (MANIFEST §8, QOF 2022-23 practices), list sizes from the raw
 * QOF register file, areas' centre points and parents from areas.csv, distances by turf.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { pullPartnersSql, registeredPatientsExistSql } from '../../src/data/sql/pull-partners-sql';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { rows } from '../support/query-rows';
import { rawRows } from '../support/raw-csv';

const built = existsSync(join(DATA_DIR, 'tables/areas.csv'));
type Row = Record<string, string>;

describe.skipIf(!built && !process.env.CI)('pull partners SQL', () => {
  let db: Db;
  let areas: Row[];
  let sites: Row[];
  let lists: Map<string, number>;
  beforeAll(async () => {
    db = await openBuiltDataDb();
    areas = Papa.parse<Row>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv').filter((r) => r.in_qof_2022_23 === 'TRUE' && r.lsoa21_code);
    lists = new Map(rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz').filter((r) => r.PATIENT_LIST_TYPE === 'TOTAL').map((r) => [r.PRACTICE_CODE, Number(r.PRACTICE_LIST_SIZE)]));
  });

  function expected(level: string, codes: string[], withinKm: number) {
    const col = level === 'lsoa21' ? 'code' : `${level}_code`;
    const picked = areas.filter((a) => a.level === level && codes.includes(a.code));
    const parentOf = new Map(areas.filter((a) => a.level === 'lsoa21').map((a) => [a.code, a[col]]));
    const out = new Map<string, { areas: number; areasIn: number; nearest: number }>();
    for (const s of sites) {
      let [n, inside, nearest] = [0, 0, Infinity];
      for (const a of picked) {
        const km = distance([Number(s.longitude), Number(s.latitude)], [Number(a.lon), Number(a.lat)], { units: 'kilometers' });
        const isIn = parentOf.get(s.lsoa21_code) === a.code;
        if (isIn || km <= withinKm) n++;
        if (isIn) inside++;
        nearest = Math.min(nearest, km);
      }
      if (n) out.set(s.practice_code, { areas: n, areasIn: inside, nearest });
    }
    return out;
  }

  it('lists the practices in or within 2 km of shortlisted wards, with list sizes, ranked by areas touched then list size', async () => {
    const wards = areas.filter((a) => a.level === 'ward24' && a.lad24_code === 'E08000019').slice(0, 6).map((a) => a.code);
    const got = await rows(db, pullPartnersSql({ level: 'ward24', codes: wards, withinKm: 2, withPatients: false }));
    const want = expected('ward24', wards, 2);
    expect(got.length).toBeGreaterThan(5);
    expect(new Set(got.map((r) => r.practice_code))).toEqual(new Set(want.keys()));
    for (const r of got) {
      const w = want.get(r.practice_code as string)!;
      expect([r.areas, r.areas_in], r.practice_code as string).toEqual([w.areas, w.areasIn]);
      expect(r.nearest_km as number).toBeCloseTo(w.nearest, 2);
      expect(r.list_size).toBe(lists.get(r.practice_code as string));
      // PCN codes as in the QOF mapping; a practice outside any PCN ("Unallocated") has none
      expect(r.pcn_code === null || /^U\d{5}$/.test(r.pcn_code as string), String(r.pcn_code)).toBe(true);
      expect(r.patients).toBeNull();
    }
    expect(got.filter((r) => r.pcn_code !== null).length).toBeGreaterThan(got.length / 2);
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [got[i - 1], got[i]];
      expect((a.areas as number) > (b.areas as number) || (a.areas === b.areas && (a.list_size as number) >= (b.list_size as number))).toBe(true);
    }
  });

  it('with 0 km lists only practices located in the shortlisted LSOAs', async () => {
    const withPractice = [...new Set(sites.slice(100, 120).map((s) => s.lsoa21_code))];
    const got = await rows(db, pullPartnersSql({ level: 'lsoa21', codes: withPractice, withinKm: 0, withPatients: false }));
    const want = new Set(sites.filter((s) => withPractice.includes(s.lsoa21_code)).map((s) => s.practice_code));
    expect(new Set(got.map((r) => r.practice_code))).toEqual(want);
    expect(got.every((r) => r.areas_in === 1)).toBe(true);
  });

  it('ranks by registered patients living in the shortlist when the registered-patient table exists', async () => {
    expect((await rows(db, registeredPatientsExistSql))[0].n).toBe(0);
    const lsoas = areas.filter((a) => a.level === 'lsoa21' && a.lad24_code === 'E08000019').slice(0, 3).map((a) => a.code);
    // A far-away practice with patients in the shortlist joins the list, first.
    const far = sites.find((s) => s.ltla24_code !== 'E08000019' && lists.has(s.practice_code))!.practice_code;
    const near = [...expected('lsoa21', lsoas, 1).keys()];
    const values = [[far, lsoas[0], 900], [far, lsoas[1], 100], ...near.map((p, i) => [p, lsoas[2], 10 + i]), [far, 'E01000001', 5000]];
    await db.query('CREATE TABLE registered_patients_lsoa21 (practice_code VARCHAR, lsoa21_code VARCHAR, patients INTEGER)');
    try {
      await db.query(`INSERT INTO registered_patients_lsoa21 VALUES ${values.map(([p, l, n]) => `('${p}', '${l}', ${n})`).join(', ')}`);
      expect((await rows(db, registeredPatientsExistSql))[0].n).toBe(1);
      const got = await rows(db, pullPartnersSql({ level: 'lsoa21', codes: lsoas, withinKm: 1, withPatients: true }));
      expect(got[0]).toMatchObject({ practice_code: far, patients: 1000, areas: 0 });
      expect(got.length).toBe(near.length + 1);
      near.forEach((p, i) => expect(got.find((r) => r.practice_code === p)?.patients).toBe(10 + i));
    } finally {
      await db.query('DROP TABLE registered_patients_lsoa21');
    }
  });
});
