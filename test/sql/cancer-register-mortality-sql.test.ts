/**
 * QOF 2022-23 cancer register (practices summed to Sub-ICB locations, and the practice points) and
 * under-75 preventable cancer mortality (2024 councils), against the raw files.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db/db';
import { englandValueSql } from '../../src/data/sql/england-sql';
import { openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas, weightedMean } from '../support/raw-geography';
import { wilson } from '../support/raw-plus';

let db: Db;
/** Sub-ICB locations recoded in April 2024 (QOF 2022-23 still uses the 2022 codes). */
const RECODED: Record<string, string> = { E38000246: 'E38000264', E38000248: 'E38000265' };

const register = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz').filter((r) => r.GROUP_CODE === 'CAN');
const sicblOf = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, RECODED[r.SUB_ICB_ONS_CODE] ?? r.SUB_ICB_ONS_CODE]));
const totals = new Map<string, { reg: number; list: number }>();
for (const r of register) {
  const t = totals.get(sicblOf.get(r.PRACTICE_CODE)!) ?? { reg: 0, list: 0 };
  totals.set(sicblOf.get(r.PRACTICE_CODE)!, { reg: t.reg + num(r.REGISTER), list: t.list + num(r.PRACTICE_LIST_SIZE) });
}

/** Wilson score interval for a proportion, in %. */

beforeAll(async () => {
  db = await openBuiltDataDb();
});

describe('QOF 2022-23 cancer register', () => {
  it('sums each Sub-ICB location\'s practices, with a Wilson 95 % interval', async () => {
    const q = await indicatorRows(db, 'cancer.qof.prevalence', 'sicbl24');
    expect(totals.size).toBe(106);
    for (const [code, t] of totals) {
      expect(q.get(code)!.value as number, code).toBeCloseTo((100 * t.reg) / t.list, 9);
      const [lo, hi] = wilson(t.reg, t.list);
      expect(q.get(code)!.lower as number).toBeCloseTo(lo, 6);
      expect(q.get(code)!.upper as number).toBeCloseTo(hi, 6);
    }
    const [eng] = await rows(db, englandValueSql('cancer.qof.prevalence'));
    expect(eng.numerator).toBe(2_176_254); // England total in MANIFEST §5
    expect(eng.denominator).toBe(62_378_057);
  });

  it('recomputes ICB prevalence from the summed registers and list sizes of its Sub-ICB locations', async () => {
    const q = await indicatorRows(db, 'cancer.qof.prevalence', 'icb24');
    const icbOf = new Map(rawLsoas().map((l) => [l.sicbl, l.icb]));
    const byIcb = new Map<string, { reg: number; list: number }>();
    for (const [s, t] of totals) {
      const b = byIcb.get(icbOf.get(s)!) ?? { reg: 0, list: 0 };
      byIcb.set(icbOf.get(s)!, { reg: b.reg + t.reg, list: b.list + t.list });
    }
    for (const [icb, t] of byIcb) expect(q.get(icb)!.value as number, icb).toBeCloseTo((100 * t.reg) / t.list, 6);
  });

  it('offers practice points with their own register prevalence and 2019 coordinates', async () => {
    const pts = await rows(db, 'SELECT * FROM qof_cancer_practices');
    const located = new Map(rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv').filter((r) => r.latitude !== 'NA' && r.latitude !== '').map((r) => [r.practice_code, r]));
    expect(pts.length).toBe(register.filter((r) => located.has(r.PRACTICE_CODE)).length);
    for (const p of pts.filter((_, i) => i % 1000 === 0)) {
      const r = register.find((x) => x.PRACTICE_CODE === p.practice_code)!;
      expect(p.prevalence as number).toBeCloseTo((100 * num(r.REGISTER)) / num(r.PRACTICE_LIST_SIZE), 9);
      expect(p.lat as number).toBeCloseTo(num(located.get(p.practice_code as string)!.latitude), 6);
    }
  });
});

describe('under-75 preventable cancer mortality', () => {
  const raw = rawRows('cancer/cancer_preventable_mortality_u75_dsr_lad_fingertips40502_trafforddatalab.csv').filter((r) => r.period === '2015-17');
  const value = new Map(raw.map((r) => [r.area_code, r.value === 'NA' ? null : num(r.value)]));

  it('shows the published rate of councils that kept their code, and no value (with a note) for councils merged since', async () => {
    const m = await indicatorRows(db, 'cancer.mortality.u75preventable', 'lad24');
    const lads = [...new Set(rawLsoas().map((l) => l.lad))];
    for (const code of lads) {
      const r = m.get(code)!;
      if (value.get(code) != null) expect(r.value as number, code).toBeCloseTo(value.get(code)!, 9);
      else expect([r.value, typeof r.note]).toEqual([null, 'string']);
    }
    expect(m.get('E06000059')!.note).toMatch(/West Dorset/);
  });

  it('averages council rates over ICBs weighted by residents, over the councils that have one', async () => {
    const m = await indicatorRows(db, 'cancer.mortality.u75preventable', 'icb24');
    for (const icb of new Set(rawLsoas().map((l) => l.icb))) {
      const want = weightedMean((l) => l.icb === icb, (l) => value.get(l.lad) ?? null);
      expect(m.get(icb)!.coverage as number, icb).toBeCloseTo(want.coverage, 9);
      if (want.coverage === 0) expect(m.get(icb)!.value, icb).toBeNull(); // Dorset: both councils merged since 2019
      else expect(m.get(icb)!.value as number, icb).toBeCloseTo(want.mean, 9);
    }
    expect(m.get('E54000041')!.coverage).toBe(0);
  });
});
