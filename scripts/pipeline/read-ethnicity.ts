/**
 * Census 2021 table TS021 (ethnic group) as Nomis publishes it in its bulk file: one row per area,
 * `geography code`, the table's own total and a column per group headed "Ethnic group: <ONS name>".
 * Every row is checked: the 5 high-level groups and the 19 detailed groups must each add up to the
 * total, and each high-level group to its detailed groups (ONS perturbs each table as a whole, so its
 * own cells are consistent even though its totals differ slightly from other tables').
 */
import { ETHNIC_GROUPS, ethnicGroupName } from '../../src/state/ethnic-classification';
import { column, parseNumber, readCsv } from './read-raw';

export interface EthnicityRow {
  code: string;
  total: number;
  counts: Record<string, number>;
}

const TS021_TOTAL = 'Ethnic group: Total: All usual residents';
const ts021Header = (key: string) => `Ethnic group: ${ethnicGroupName(ETHNIC_GROUPS.find((g) => g.key === key)!)}`;

export async function readTs021(path: string): Promise<EthnicityRow[]> {
  const rows = await readCsv(path);
  const code = column(rows, ['geography code'], path);
  const total = column(rows, [TS021_TOTAL], path);
  const cols = ETHNIC_GROUPS.map((g) => [g.key, column(rows, [ts021Header(g.key)], path)] as const);
  return rows.map((r, i) => {
    const at = `${path} row ${i + 2} (${r[code]})`;
    const n = (c: string) => {
      const v = parseNumber(r[c], `${at} column "${c}"`);
      if (v === null || v < 0 || !Number.isInteger(v)) throw new Error(`${at}: column "${c}" is not a count ("${r[c]}")`);
      return v;
    };
    const counts: Record<string, number> = {};
    for (const [key, c] of cols) counts[key] = n(c);
    return { code: r[code], total: n(total), counts };
  });
}

/** The rows whose groups do not add up (should be none), as "code: what differs". */
export function ts021Inconsistencies(rows: EthnicityRow[]): string[] {
  const out: string[] = [];
  const broad = ETHNIC_GROUPS.filter((g) => !g.broad);
  for (const r of rows) {
    const sum = (keys: string[]) => keys.reduce((s, k) => s + r.counts[k], 0);
    const high = sum(broad.map((g) => g.key));
    const detailed = sum(ETHNIC_GROUPS.filter((g) => g.broad).map((g) => g.key));
    if (high !== r.total) out.push(`${r.code}: high-level groups sum to ${high}, total ${r.total}`);
    if (detailed !== r.total) out.push(`${r.code}: detailed groups sum to ${detailed}, total ${r.total}`);
    for (const b of broad) {
      const parts = sum(ETHNIC_GROUPS.filter((g) => g.broad === b.key).map((g) => g.key));
      if (parts !== r.counts[b.key]) out.push(`${r.code}: ${b.short} is ${r.counts[b.key]} but its groups sum to ${parts}`);
    }
  }
  return out;
}
