/**
 * Practice and PCN profiles: each register for the unit beside its Sub-ICB, ICB and England, recomputed
 * here from the raw QOF prevalence file and the raw practice → PCN → Sub-ICB mapping (sums of registers
 * and lists, Wilson intervals of the sums), against the app's SQL on the built tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { QOF_REGISTERS } from '../../src/data/catalogue/practice-measures';
import { loadPracticeProfile } from '../../src/data/practice-profile';
import { QueryRunner } from '../../src/data/query-runner';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { wilson } from '../support/raw-plus';

const RECODED: Record<string, string> = { E38000246: 'E38000264', E38000248: 'E38000265' };
const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');
const mapping = new Map(rawRows('lookups/gp_practice_pcn_subicb_icb_region_qof_2022_23_mapping.csv').map((r) => [r.PRACTICE_CODE, r]));
const sicblOf = (code: string) => {
  const s = mapping.get(code)!.SUB_ICB_ONS_CODE;
  return RECODED[s] ?? s;
};
/** A practice's 2024 ICB: that of its 2024 Sub-ICB location (the mapping's ICB codes are 2022's). */
const icbOfSicbl = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.sicbl24_code, r.icb24_code]));
const icbOf = (code: string) => icbOfSicbl.get(sicblOf(code));


/** Register and list sums over the practices a test picks. */
function sums(group: string, keep: (practice: string) => boolean): [number, number] {
  let k = 0;
  let n = 0;
  for (const r of prevalence) if (r.GROUP_CODE === group && keep(r.PRACTICE_CODE)) [k, n] = [k + num(r.REGISTER), n + num(r.PRACTICE_LIST_SIZE)];
  return [k, n];
}

let q: QueryRunner;
beforeAll(async () => {
  q = new QueryRunner(await openBuiltDataDb());
}, 120_000);

function checkCell(cell: { numerator: number; denominator: number; value: number | null; lower: number | null; upper: number | null } | null, [k, n]: [number, number]) {
  expect(cell).not.toBeNull();
  expect(cell!.numerator).toBe(k);
  expect(cell!.denominator).toBe(n);
  expect(cell!.value!).toBeCloseTo((100 * k) / n, 9);
  const [lo, hi] = wilson(k, n);
  expect(cell!.lower!).toBeCloseTo(lo, 5);
  expect(cell!.upper!).toBeCloseTo(hi, 5);
}

describe('practice and PCN profiles (QOF 2022-23)', () => {
  it('gives a practice every register beside its Sub-ICB, ICB and England, as sums of registers and lists', async () => {
    // The practice with the largest list (a real one picked from the raw file, not a hard-coded code).
    const can = prevalence.filter((r) => r.GROUP_CODE === 'CAN').sort((a, b) => num(b.PRACTICE_LIST_SIZE) - num(a.PRACTICE_LIST_SIZE));
    const code = can[0].PRACTICE_CODE;
    const p = (await loadPracticeProfile(q, 'practice', code))!;
    expect(p.sicbl24).toBe(sicblOf(code));
    expect(p.icb24).toBe(icbOf(code));
    expect(p.rows).toHaveLength(QOF_REGISTERS.length + 1);
    expect(p.rows[0].cells.unit!.value).toBe(num(can[0].PRACTICE_LIST_SIZE));
    expect(p.rows[0].cells.england!.value).toBe(sums('CAN', () => true)[1]);
    for (const reg of QOF_REGISTERS) {
      const row = p.rows.find((r) => r.measure.group === reg.group)!;
      checkCell(row.cells.unit, sums(reg.group, (c) => c === code));
      checkCell(row.cells.sicbl, sums(reg.group, (c) => sicblOf(c) === p.sicbl24));
      checkCell(row.cells.icb, sums(reg.group, (c) => icbOf(c) === p.icb24));
      checkCell(row.cells.england, sums(reg.group, () => true));
    }
  });

  it('gives a PCN that straddles Sub-ICBs the sums of its practices, compared with the Sub-ICB holding most of its list', async () => {
    const byPcn = new Map<string, Map<string, number>>();
    for (const r of prevalence) {
      const m = mapping.get(r.PRACTICE_CODE)!;
      if (r.GROUP_CODE !== 'CAN' || m.PCN_ODS_CODE === 'U') continue;
      const s = byPcn.get(m.PCN_ODS_CODE) ?? new Map<string, number>();
      s.set(sicblOf(r.PRACTICE_CODE), (s.get(sicblOf(r.PRACTICE_CODE)) ?? 0) + num(r.PRACTICE_LIST_SIZE));
      byPcn.set(m.PCN_ODS_CODE, s);
    }
    const [pcn, split] = [...byPcn].find(([, s]) => s.size > 1)!;
    const top = [...split].sort((a, b) => b[1] - a[1])[0][0];
    const p = (await loadPracticeProfile(q, 'pcn', pcn))!;
    expect(p.sicbl24).toBe(top);
    const inPcn = (c: string) => mapping.get(c)!.PCN_ODS_CODE === pcn;
    for (const reg of QOF_REGISTERS) {
      const row = p.rows.find((r) => r.measure.group === reg.group)!;
      checkCell(row.cells.unit, sums(reg.group, inPcn));
      checkCell(row.cells.sicbl, sums(reg.group, (c) => sicblOf(c) === top));
    }
  });

  it('finds nothing for a code that is no practice', async () => {
    expect(await loadPracticeProfile(q, 'practice', 'ZZ9999')).toBeNull();
  });
});
