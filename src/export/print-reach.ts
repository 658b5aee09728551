/**
 * "Who it reaches" for the one-page print brief: the profile in two short blocks of one table (people,
 * then deprivation, smoking and screening), one line per measure, set beside the map so the page
 * stays one A4 page. Shares rather than counts (the counts, and every
 * age band, are in the CSV and Excel files); estimates keep their marking and their range, written
 * compactly (12.7m). Only the rows a lung-check or Core20PLUS5 plan is sized on are printed: all
 * residents, the two oldest age bands, every broad ethnic group and the user's groups, Core20 in both
 * IMD editions, adult smoking and the screening estimates.
 */
import type { ReachCell, ReachProfile, ReachRow } from '../data/reach-profile';
import { formatNumber } from './format-value';

export interface PrintReachRow { label: string; estimate: boolean; cells: string[] }

export interface PrintReach {
  columns: string[];
  /** First block: residents, age and ethnic group; second: Core20, smoking and screening. */
  blocks: [PrintReachRow[], PrintReachRow[]];
  note: string;
}

const LEFT = new Set(['age', 'ethnicity']);
/** Rows left out of the print (still in the app and the files). */
const OMIT = new Set(['age_0_15', 'age_16_24', 'age_25_34', 'age_35_49', 'ex_55_74']);

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 });
const est = (v: number | null) => (v === null || !Number.isFinite(v) ? '' : compact.format(v));

function cellText(row: ReachRow, c: ReachCell): string {
  if (c.value === null) return '–';
  if (row.unit === 'percent') return `${formatNumber(c.value, 1)}%`;
  if (row.estimate) return c.low !== null && c.high !== null ? `${est(c.value)} (${est(c.low)}–${est(c.high)})` : est(c.value);
  return c.share === null ? formatNumber(c.value, 0) : `${formatNumber(c.share, 1)}%`;
}

export function printReach(p: ReachProfile): PrintReach {
  const rows = (left: boolean) => p.sections.filter((s) => LEFT.has(s.key) === left).flatMap((s) => s.rows.filter((r) => !OMIT.has(r.key))
    .map((r): PrintReachRow => ({ label: r.estimate ? `${r.short} (est.)` : r.short, estimate: r.estimate, cells: r.cells.map((c) => cellText(r, c)) })));
  return {
    columns: p.columns.map((c) => c.title),
    blocks: [rows(true), rows(false)],
    note: 'Shares of residents (ethnic groups: of Census table TS021\'s total; Core20: of residents with a decile); "est." marks an estimate, with its range (k = thousand, m = million). Every age band and the counts are in the CSV and Excel files.',
  };
}
