/**
 * Puts values published for upper-tier councils (April 2019: counties, unitaries, metropolitan and
 * London boroughs) onto the 2024 districts. A district inside a county gets the county's value and
 * keeps the county as the area the value belongs to, so the UI can say "value for Lancashire"; a
 * unitary council gets its own value.
 */
import type { JoinReport } from './join-report';
import type { LadHistory } from './lad-history';
import type { FingertipsRow } from './read-fingertips';
import { column, readCsv } from './read-raw';

/**
 * Counties abolished after April 2019 (Buckinghamshire 2020, Northamptonshire 2021) and the unitary
 * councils that cover exactly their area; the 2021 lookup no longer names them.
 */
const ABOLISHED_COUNTIES: Record<string, string[]> = { E10000002: ['E06000060'], E10000021: ['E06000061', 'E06000062'] };

export async function readLad21Utla21(path: string): Promise<Map<string, string>> {
  const rows = await readCsv(path);
  const lad = column(rows, ['ltla21_code', 'LAD21CD'], path);
  const utla = column(rows, ['utla21_code', 'UTLA21CD'], path);
  return new Map(rows.map((r) => [r[lad], r[utla]]));
}

/** The upper-tier council (April 2019 codes) of every 2024 district. */
export function upperTierOf(lad24: Map<string, string>, h: LadHistory, lad21Utla: Map<string, string>, utla19: Set<string>, report: JoinReport): Map<string, string> {
  const out = new Map<string, string>();
  const ambiguous: string[] = [];
  for (const code of lad24.keys()) {
    const utla21 = new Set([...h.to24].filter(([old, to]) => to === code && lad21Utla.has(old)).map(([old]) => lad21Utla.get(old)!));
    if (utla21.size !== 1) {
      ambiguous.push(code);
      continue;
    }
    const u = [...utla21][0];
    const county = Object.entries(ABOLISHED_COUNTIES).find(([, successors]) => successors.includes(u))?.[0];
    out.set(code, utla19.has(u) ? u : county ?? u);
  }
  report.check('2024 districts → upper-tier council (April 2019)', lad24.keys(), { has: (c) => out.has(c) && utla19.has(out.get(c)!) });
  if (ambiguous.length) report.note(`2024 districts whose 2021 predecessors sit in several upper-tier councils: ${ambiguous.join(', ')}`);
  return out;
}

export interface UpperTierValue extends Omit<FingertipsRow, 'name' | 'valueNote'> {
  /** The upper-tier council the value was published for, when it covers more than this district. */
  valueArea: string | null;
  valueAreaName: string | null;
  note: string | null;
}

export function upperTierToLad24(rows: FingertipsRow[], utlaOf: Map<string, string>, lad24: Map<string, string>): UpperTierValue[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const members = new Map<string, string[]>();
  for (const [lad, u] of utlaOf) members.set(u, [...(members.get(u) ?? []), lad]);
  return [...utlaOf].map(([code, u]) => {
    const r = byCode.get(u)!;
    const shared = members.get(u)!.length > 1;
    const note = r.value === null ? `Not published for ${r.name} (${r.valueNote || 'suppressed by the publisher'}).`
      : shared ? `Value for ${r.name} (upper-tier council, 2019), shared by its ${members.get(u)!.length} districts; not a value for ${lad24.get(code)} alone.`
        : u !== code ? `Published for ${r.name} (${u}), the same area as today's ${lad24.get(code)}.` : null;
    return {
      code, period: r.period, value: r.value, lower: r.lower, upper: r.upper, count: r.count, denominator: r.denominator,
      valueArea: shared ? u : null, valueAreaName: shared ? r.name : null, note,
    };
  });
}
