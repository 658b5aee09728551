/**
 * Local authority district code history (ONS, via geographr): one row per 2016 district with its code
 * and name in each year to 2024. Tells, for any district code seen in a dataset, which 2024 authority
 * it became, and whether that 2024 authority is a renamed/recoded district or a merger of several.
 */
import { readCsv } from './read-raw';

export interface LadHistory {
  /** Any district code 2016–2024 (and the 2024 codes themselves) → its 2024 authority. */
  to24: Map<string, string>;
  /** Latest name of every code. */
  name: Map<string, string>;
  /** 2024 authority → its distinct 2016 predecessors (one for a recode, several for a merger). */
  lineages: Map<string, Set<string>>;
  /** 2024 authority → first year its 2024 code was in use (e.g. 2023 for Cumberland). */
  since: Map<string, number>;
}

const YEARS = [16, 17, 18, 19, 20, 21, 22, 23, 24];

export async function readLadHistory(path: string): Promise<LadHistory> {
  const rows = await readCsv(path);
  if (!rows.length || !('ltla24_code' in rows[0])) throw new Error(`${path}: expected ltla16_code … ltla24_code columns`);
  const h: LadHistory = { to24: new Map(), name: new Map(), lineages: new Map(), since: new Map() };
  for (const r of rows) {
    const to = r.ltla24_code;
    if (!to) continue;
    const lineage = h.lineages.get(to) ?? new Set<string>();
    lineage.add(r.ltla16_code);
    h.lineages.set(to, lineage);
    for (const y of YEARS) {
      const code = r[`ltla${y}_code`];
      if (!code) continue;
      h.to24.set(code, to);
      h.name.set(code, r[`ltla${y}_name`]);
      if (code === to) h.since.set(to, Math.min(h.since.get(to) ?? 9999, 2000 + y));
    }
  }
  return h;
}

export const isMerger = (h: LadHistory, lad24: string) => (h.lineages.get(lad24)?.size ?? 0) > 1;
