/**
 * "Who it reaches" profiles in words and in rows: the display table shared by the app and the print
 * brief (estimates rounded to three significant figures and marked "est.", with their range), and
 * the machine rows of the CSV and Excel exports (unrounded numbers, one row per measure and column).
 */
import type { ReachCell, ReachProfile, ReachRow } from '../data/reach-profile';
import { formatNumber, roundOrNull } from './format-value';

export interface ReachTable {
  columns: string[];
  /** Under each column title: what it covers ("12 wards, 48,210 residents"). */
  details: string[];
  sections: { key: string; title: string; note: string; rows: { label: string; short: string; estimate: boolean; cells: ReachText[] }[] }[];
  notes: string[];
}

/** A cell as two lines: the number, and its share or range. */
export interface ReachText { main: string; sub: string }

const sig3 = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
const estimate = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : sig3.format(v));

function reachCellText(row: ReachRow, c: ReachCell): ReachText {
  if (c.value === null) return { main: '–', sub: '' };
  if (row.unit === 'percent') return { main: `${formatNumber(c.value, 1)}%`, sub: '' };
  if (row.estimate) return { main: estimate(c.value), sub: c.low !== null && c.high !== null ? `(${estimate(c.low)}–${estimate(c.high)})` : '' };
  return { main: formatNumber(c.value, 0), sub: c.share === null ? '' : `(${formatNumber(c.share, 1)}%)` };
}


export function reachTable(p: ReachProfile): ReachTable {
  return {
    columns: p.columns.map((c) => c.title),
    details: p.columns.map((c) => c.detail),
    sections: p.sections.map((s) => ({
      key: s.key, title: s.title, note: s.note,
      rows: s.rows.map((r) => ({ label: r.estimate ? `${r.label} (estimate)` : r.label, short: r.estimate ? `${r.short} (est.)` : r.short, estimate: r.estimate, cells: r.cells.map((c) => reachCellText(r, c)) })),
    })),
    notes: p.notes,
  };
}

export const REACH_HEADER = ['Section', 'Measure', 'Area', 'Covers', 'Value', 'Share (%)', 'Low', 'High', 'Estimate'] as const;

/** One row per measure and column, numbers unrounded but for floating-point noise. */
export function reachRows(p: ReachProfile): (string | number | null)[][] {
  return p.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.map((c, k) => [
    s.title, r.label, p.columns[k].title, p.columns[k].detail, roundOrNull(c.value, r.unit === 'percent' ? 3 : 2), roundOrNull(c.share, 3),
    roundOrNull(c.low, 2), roundOrNull(c.high, 2), r.estimate ? 'estimate' : '',
  ])));
}
