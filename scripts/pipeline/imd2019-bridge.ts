/**
 * IMD 2019 (published on 2011 LSOAs) carried onto 2021 LSOAs through the ONS LSOA 2011 → 2021
 * lookup, so both editions can be compared on today's wards by relative position (rank, decile),
 * never by score. The rule per kind of change (the lookup's change indicator):
 *
 *   U unchanged  the 2021 LSOA is the 2011 LSOA: its rank and decile as published.
 *   S split      each 2021 part takes its 2011 parent's rank and decile (the index describes the whole
 *                2011 area; a split does not move it).
 *   M merged     rank = average of the 2011 LSOAs' ranks weighted by their mid-2015 residents (IoD2019
 *                denominators, the population MHCLG used); decile = the national IMD 2019 decile band
 *                that average rank falls in (so Core20 = the average lies in the most deprived 20 %).
 *   X complex    as merged, over every 2011 LSOA the lookup links to it (each with its whole mid-2015
 *                population: the lookup does not say how a 2011 LSOA's residents divide); a 2021 LSOA
 *                with one 2011 parent takes that parent's values, as a split does.
 *
 * Pure: rows in, rows out, so the rule is unit-tested without files.
 */
import { IMD_DOMAINS, imdColumn } from '../../src/data/catalogue/imd-domains';

export type ChangeCode = 'U' | 'S' | 'M' | 'X';
export interface BridgeLink { lsoa11: string; lsoa21: string; change: ChangeCode }
type Imd2019Values = Record<string, number | null>;

interface BridgedRow extends Record<string, string | number | null> {
  code: string;
  change: ChangeCode;
  /** The 2011 LSOAs it was built from, space-separated. */
  lsoa11: string;
  note: string | null;
}

interface BridgeCounts {
  /** 2021 LSOAs per change type, and the 2011 LSOAs they come from. */
  lsoa21: Record<ChangeCode, number>;
  lsoa11: Record<ChangeCode, number>;
  /** Merged or complex 2021 LSOAs whose 2011 parts differ in Core20 status (IMD decile 1–2 or not). */
  mixedCore20: number;
  /** …and how many of those are Core20 after averaging. */
  mixedCore20Now: number;
}

/** Highest rank in each decile (index 0 = decile 1), read from the published ranks and deciles. */
export function decileBands(rows: Iterable<Imd2019Values>, rankCol: string, decileCol: string): number[] {
  const max = new Array<number>(10).fill(0);
  for (const r of rows) {
    const d = r[decileCol];
    const k = r[rankCol];
    if (d !== null && k !== null && d >= 1 && d <= 10) max[d - 1] = Math.max(max[d - 1], k);
  }
  return max;
}

/** The decile whose band holds `rank` (a fractional rank between two bands goes to the less deprived one). */
export const decileOf = (rank: number, bands: number[]) => 1 + bands.filter((m) => m < rank).length;

const zero = (): Record<ChangeCode, number> => ({ U: 0, S: 0, M: 0, X: 0 });

export function bridgeImd2019(links: BridgeLink[], imd: Map<string, Imd2019Values>, pop2015: Map<string, number>): { rows: BridgedRow[]; counts: BridgeCounts } {
  const bands = new Map(IMD_DOMAINS.map((d) => [d.key, decileBands(imd.values(), imdColumn(d.key, 'rank'), imdColumn(d.key, 'decile'))]));
  const parents = new Map<string, BridgeLink[]>();
  for (const l of links) parents.set(l.lsoa21, [...(parents.get(l.lsoa21) ?? []), l]);
  const counts: BridgeCounts = { lsoa21: zero(), lsoa11: zero(), mixedCore20: 0, mixedCore20Now: 0 };
  const from11 = new Map<ChangeCode, Set<string>>();
  const rows: BridgedRow[] = [];
  for (const [code, ls] of [...parents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const change = ls.some((l) => l.change === 'X') ? 'X' : ls[0].change;
    counts.lsoa21[change]++;
    for (const l of ls) from11.set(change, (from11.get(change) ?? new Set()).add(l.lsoa11));
    const src = ls.map((l) => l.lsoa11).sort();
    const row: BridgedRow = { code, change, lsoa11: src.join(' '), note: null };
    if (src.length === 1) {
      const p = imd.get(src[0]);
      for (const d of IMD_DOMAINS) for (const part of ['rank', 'decile'] as const) row[imdColumn(d.key, part)] = p?.[imdColumn(d.key, part)] ?? null;
      if (change === 'S') row.note = `IMD 2019 of 2011 LSOA ${src[0]}, which was split into this and other 2021 LSOAs: each part takes the whole 2011 LSOA's rank and decile.`;
      if (change === 'X') row.note = `Complex boundary change: IMD 2019 of 2011 LSOA ${src[0]}, the only 2011 LSOA the ONS lookup links to this 2021 LSOA.`;
    } else {
      const w = src.map((c) => pop2015.get(c) ?? 0);
      const total = w.reduce((a, b) => a + b, 0);
      for (const d of IMD_DOMAINS) {
        const ranks = src.map((c) => imd.get(c)?.[imdColumn(d.key, 'rank')] ?? null);
        if (ranks.some((r) => r === null) || total <= 0) {
          row[imdColumn(d.key, 'rank')] = null;
          row[imdColumn(d.key, 'decile')] = null;
          continue;
        }
        const rank = ranks.reduce((s: number, r, i) => s + r! * w[i], 0) / total;
        row[imdColumn(d.key, 'rank')] = rank;
        row[imdColumn(d.key, 'decile')] = decileOf(rank, bands.get(d.key)!);
      }
      const core = src.map((c) => (imd.get(c)?.imd_decile ?? 99) <= 2);
      if (core.some(Boolean) && !core.every(Boolean)) {
        counts.mixedCore20++;
        if ((row.imd_decile as number) <= 2) counts.mixedCore20Now++;
      }
      const what = change === 'M' ? 'Merged' : 'Complex boundary change';
      row.note = `${what}: built from 2011 LSOAs ${src.join(', ')}; its IMD 2019 rank is their ranks averaged with their mid-2015 residents as weights (${src.map((c, i) => `${c}: ${imd.get(c)?.imd_rank ?? '–'}, ${w[i]} residents`).join('; ')}), and its decile is the national decile band of that average.`;
    }
    rows.push(row);
  }
  for (const k of ['U', 'S', 'M', 'X'] as const) counts.lsoa11[k] = from11.get(k)?.size ?? 0;
  return { rows, counts };
}

/** The join-report sentence that counts each kind of change. */
export function bridgeSummary(c: BridgeCounts): string {
  return `IMD 2019 on LSOA 2021 (ONS LSOA 2011→2021 lookup): ${c.lsoa21.U} unchanged (U); ${c.lsoa21.S} parts of ${c.lsoa11.S} split 2011 LSOAs (S, each takes its parent's rank and decile); `
    + `${c.lsoa21.M} merged from ${c.lsoa11.M} 2011 LSOAs (M, mid-2015-resident-weighted average rank, decile of that average); `
    + `${c.lsoa21.X} complex from ${c.lsoa11.X} 2011 LSOAs (X, as merged); ${c.mixedCore20} merged or complex LSOAs combine Core20 and non-Core20 2011 LSOAs (${c.mixedCore20Now} of them Core20 after averaging)`;
}
