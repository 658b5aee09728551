/**
 * Practice and PCN levels (QOF 2022-23): every register's prevalence with its Wilson interval, list
 * size and PCN sums, recomputed here from the raw prevalence file and the raw practice → PCN mapping
 * (papaparse and arithmetic; none of the pipeline's code), against the app's SQL on the built tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_MEASURES, QOF_REGISTERS } from '../../src/data/catalogue/practice-measures';
import type { Db } from '../../src/data/db/db';
import { loadPracticeEngland, loadPracticeValues, type PracticeValue } from '../../src/data/practice-data';
import { QueryRunner } from '../../src/data/query-runner';
import { loadShortlistPracticeRows } from '../../src/app/shortlist/shortlist-practice-rows';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { wilson } from '../support/raw-plus';

/** Sub-ICB locations recoded in April 2024 (QOF 2022-23 still uses the 2022 codes). */
const RECODED: Record<string, string> = { E38000246: 'E38000264', E38000248: 'E38000265' };

const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const mapping = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r]));
/** The 2024 ICB of each 2024 Sub-ICB location (the mapping's own ICB codes are 2022's, e.g. Sussex E54000053). */
const icbOfSicbl = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code, r.icb24_code]));


let q: QueryRunner;
beforeAll(async () => {
  const db: Db = await openBuiltDataDb();
  q = new QueryRunner(db);
}, 120_000);

const byCode = (rows: PracticeValue[]) => new Map(rows.map((r) => [r.code, r]));

describe('practice level (QOF 2022-23)', () => {
  it('has every practice of the mapping, with its PCN (none for "Unallocated"), 2024 Sub-ICB location and 2024 ICB', async () => {
    const rows = byCode(await loadPracticeValues(q, 'qof.list_size', 'practice'));
    expect(rows.size).toBe(mapping.size);
    expect(mapping.size).toBe(6378);
    for (const [code, m] of mapping) {
      const r = rows.get(code)!;
      expect(r.pcn, code).toBe(m.PCN_ODS_CODE === 'U' ? null : m.PCN_ODS_CODE);
      const sicbl = RECODED[m.SUB_ICB_ONS_CODE] ?? m.SUB_ICB_ONS_CODE;
      expect(r.sicbl24).toBe(sicbl);
      expect(r.icb24, code).toBe(icbOfSicbl.get(sicbl));
      expect(r.name).toBe(m.PRACTICE_NAME);
    }
    expect([...rows.values()].filter((r) => r.pcn === null)).toHaveLength([...mapping.values()].filter((m) => m.PCN_ODS_CODE === 'U').length);
  });

  it('gives every one of the 21 registers as register / list of its own type, with a Wilson 95 % interval, for every practice', async () => {
    expect(new Set(prevalence.map((r) => r.GROUP_CODE))).toEqual(new Set(QOF_REGISTERS.map((r) => r.group)));
    for (const reg of QOF_REGISTERS) {
      const rows = byCode(await loadPracticeValues(q, `qof.${reg.group.toLowerCase()}.prevalence`, 'practice'));
      const raw = prevalence.filter((r) => r.GROUP_CODE === reg.group);
      expect(raw).toHaveLength(6378);
      for (const r of raw) {
        expect(r.PATIENT_LIST_TYPE).toBe(reg.listType);
        const k = num(r.REGISTER);
        const n = num(r.PRACTICE_LIST_SIZE);
        const got = rows.get(r.PRACTICE_CODE)!;
        expect(got.numerator).toBe(k);
        expect(got.denominator).toBe(n);
        if (n === 0) {
          expect(got.value).toBeNull();
          continue;
        }
        expect(got.value!).toBeCloseTo((100 * k) / n, 9);
        if (k > n) {
          // a register larger than its list (the raw file has one): no interval for a share above 100 %
          expect([got.lower, got.upper]).toEqual([null, null]);
          continue;
        }
        const [lo, hi] = wilson(k, n);
        expect(got.lower!).toBeCloseTo(lo, 5);
        expect(got.upper!).toBeCloseTo(hi, 5);
      }
    }
  });

  it('gives England the sums over all practices (cancer: 2,176,254 of 62,378,057, MANIFEST §5)', async () => {
    const eng = await loadPracticeEngland(q, 'qof.can.prevalence');
    expect(eng.numerator).toBe(prevalence.filter((r) => r.GROUP_CODE === 'CAN').reduce((s, r) => s + num(r.REGISTER), 0));
    expect(eng.numerator).toBe(2_176_254);
    expect(eng.denominator).toBe(62_378_057);
    expect(eng.value!).toBeCloseTo((100 * 2_176_254) / 62_378_057, 9);
  });
});

describe('PCN level: sums of its practices, never means of their rates', () => {
  const pcns = new Map<string, { name: string; practices: number; reg: Map<string, [number, number]>; sicbl: Map<string, number> }>();
  for (const r of prevalence) {
    const m = mapping.get(r.PRACTICE_CODE)!;
    if (m.PCN_ODS_CODE === 'U') continue;
    const p = pcns.get(m.PCN_ODS_CODE) ?? { name: m.PCN_NAME, practices: 0, reg: new Map(), sicbl: new Map() };
    const [k, n] = p.reg.get(r.GROUP_CODE) ?? [0, 0];
    p.reg.set(r.GROUP_CODE, [k + num(r.REGISTER), n + num(r.PRACTICE_LIST_SIZE)]);
    if (r.GROUP_CODE === 'CAN') {
      p.practices++;
      const s = RECODED[m.SUB_ICB_ONS_CODE] ?? m.SUB_ICB_ONS_CODE;
      p.sicbl.set(s, (p.sicbl.get(s) ?? 0) + num(r.PRACTICE_LIST_SIZE));
    }
    pcns.set(m.PCN_ODS_CODE, p);
  }

  it('has one row per PCN of the mapping (not "Unallocated"), with its practice count and the Sub-ICB holding most of its list', async () => {
    const rows = byCode(await loadPracticeValues(q, 'qof.list_size', 'pcn'));
    expect(rows.size).toBe(pcns.size);
    expect(rows.has('U')).toBe(false);
    for (const [code, p] of pcns) {
      const r = rows.get(code)!;
      expect(r.name).toBe(p.name);
      expect(r.practices).toBe(p.practices);
      expect(r.value).toBe(p.reg.get('CAN')![1]);
      const top = Math.max(...p.sicbl.values());
      expect(p.sicbl.get(r.sicbl24!), code).toBe(top);
    }
  });

  it('sums registers and lists for every register and PCN, with the Wilson interval of the sums', async () => {
    for (const m of PRACTICE_MEASURES.filter((x) => x.group)) {
      const rows = byCode(await loadPracticeValues(q, m.id, 'pcn'));
      for (const [code, p] of pcns) {
        const [k, n] = p.reg.get(m.group!)!;
        const r = rows.get(code)!;
        expect(r.numerator).toBe(k);
        expect(r.denominator).toBe(n);
        expect(r.value!).toBeCloseTo((100 * k) / n, 9);
        const [lo, hi] = wilson(k, n);
        expect(r.lower!).toBeCloseTo(lo, 5);
        expect(r.upper!).toBeCloseTo(hi, 5);
      }
    }
  });
});

describe('shortlisted practices and PCNs as exported', () => {
  it('carry ODS codes, PCN, Sub-ICB, list size and the chosen register (from the raw files); a PCN carries its practices\' sites', async () => {
    const can = new Map(prevalence.filter((r) => r.GROUP_CODE === 'CAN').map((r) => [r.PRACTICE_CODE, r]));
    const practice = [...mapping.values()].find((m) => m.PCN_ODS_CODE !== 'U' && can.has(m.PRACTICE_CODE))!;
    const pcn = practice.PCN_ODS_CODE;
    const members = [...mapping.values()].filter((m) => m.PCN_ODS_CODE === pcn).map((m) => m.PRACTICE_CODE);
    const [p, n, unknown] = await loadShortlistPracticeRows(q, [{ kind: 'practice', code: practice.PRACTICE_CODE }, { kind: 'pcn', code: pcn }, { kind: 'practice', code: 'Y00000' }], 'qof.can.prevalence');
    const raw = can.get(practice.PRACTICE_CODE)!;
    const [k, list] = [num(raw.REGISTER), num(raw.PRACTICE_LIST_SIZE)];
    expect(p).toMatchObject({ kind: 'practice', practiceCode: practice.PRACTICE_CODE, name: practice.PRACTICE_NAME, pcnCode: pcn, pcnName: practice.PCN_NAME, subIcbCode: RECODED[practice.SUB_ICB_ONS_CODE] ?? practice.SUB_ICB_ONS_CODE, listSize: list, members: [] });
    expect(p.measure!.label).toMatch(/^Cancer register/);
    expect(p.measure!.value!).toBeCloseTo((100 * k) / list, 9);
    const [lo, hi] = wilson(k, list);
    expect(p.measure!.lower!).toBeCloseTo(lo, 5);
    expect(p.measure!.upper!).toBeCloseTo(hi, 5);
    // the PCN: sums over its practices in the raw mapping, and their sites as its geometry
    const sums = members.reduce(([a, b], c) => (can.has(c) ? [a + num(can.get(c)!.REGISTER), b + num(can.get(c)!.PRACTICE_LIST_SIZE)] : [a, b]), [0, 0]);
    expect(n).toMatchObject({ kind: 'pcn', practiceCode: null, pcnCode: pcn, name: practice.PCN_NAME, listSize: sums[1], practices: members.filter((c) => can.has(c)).length });
    expect(n.measure!.value!).toBeCloseTo((100 * sums[0]) / sums[1], 9);
    const sites = byCode(await loadPracticeValues(q, 'qof.list_size', 'practice'));
    const want = members.map((c) => sites.get(c)!).filter((x) => x.lon !== null && x.lat !== null).map((x) => [x.lon, x.lat]);
    expect(want.length).toBeGreaterThan(0);
    expect(n.members).toEqual(want);
    expect(unknown).toMatchObject({ name: 'not a QOF 2022-23 practice', listSize: null, measure: null, lon: null });
  });
});
