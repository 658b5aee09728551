/**
 * Period labels as NHS and ONS files write them, read into a time order and the calendar years they
 * touch: years ("2023"), financial years ("2023/24", "2023-24": April to March), pooled years
 * ("2016-2020", "2016 - 18"), quarters of a calendar year ("2023 Q1" = January–March) or of a
 * financial year ("2023-24 Q2", "Q1 2023/24": Q1 = April–June), and months ("2023-04", "Apr 2023",
 * "April 2023", "Apr-23"). Anything else is not a period.
 */

export type PeriodKind = 'year' | 'financial-year' | 'years' | 'quarter' | 'month';

export interface ParsedPeriod {
  kind: PeriodKind;
  /** Months since year 0 of the period's first month: sorts periods of any kind in time order. */
  order: number;
  /** First and last calendar year the period touches. */
  start: number;
  end: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "24" after 2023 → 2024; "2024" → 2024; a second year that does not follow the first → null. */
function secondYear(first: number, text: string): number | null {
  const y = text.length === 2 ? Math.floor(first / 100) * 100 + Number(text) + (Number(text) < first % 100 ? 100 : 0) : Number(text);
  return y > first && y - first <= 20 ? y : null;
}

const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/;
const QUARTER = /^(?:(\d{4}(?:\s*[-/–]\s*(?:\d{2}|\d{4}))?)\s*[-_ ]?\s*Q([1-4])|Q([1-4])\s*[-_ ]?\s*(\d{4}(?:\s*[-/–]\s*(?:\d{2}|\d{4}))?))$/i;
const ISO_MONTH = /^(\d{4})[-/](0[1-9]|1[0-2])$/;
const NAMED_MONTH = /^([a-z]{3})[a-z]*\.?[\s-]+(\d{4}|\d{2})$/i;

/** A year or a year range, as the "year part" of a quarter or on its own. */
function years(text: string): { fy: boolean; start: number; end: number } | null {
  const t = text.trim();
  if (YEAR.test(t)) return { fy: false, start: Number(t), end: Number(t) };
  const r = RANGE.exec(t);
  if (!r) return null;
  const start = Number(r[1]);
  const end = secondYear(start, r[2]);
  return end === null ? null : { fy: end === start + 1, start, end };
}

/**
 * One label. "2011-12" reads as the financial year 2011/12 (NHS files write years that way) unless
 * `monthFirst` (a column of months, where it is December 2011).
 */
export function parsePeriod(label: string, monthFirst = false): ParsedPeriod | null {
  const t = label.trim();
  const q = QUARTER.exec(t);
  if (q) {
    const y = years(q[1] ?? q[4]);
    const n = Number(q[2] ?? q[3]);
    if (!y || (y.end !== y.start && !y.fy)) return null;
    // a financial year's Q1 is April–June; its Q4 (January–March) falls in the second year
    const month = y.fy ? 3 + 3 * (n - 1) : 3 * (n - 1);
    const year = y.start + Math.floor(month / 12);
    return { kind: 'quarter', order: y.start * 12 + month, start: year, end: year };
  }
  const iso = ISO_MONTH.exec(t);
  const fyForm = iso && Number(iso[2]) === (Number(iso[1]) + 1) % 100;
  if (iso && (monthFirst || !fyForm)) return { kind: 'month', order: Number(iso[1]) * 12 + Number(iso[2]) - 1, start: Number(iso[1]), end: Number(iso[1]) };
  const named = NAMED_MONTH.exec(t);
  if (named) {
    const m = MONTHS.indexOf(named[1].toLowerCase());
    if (m < 0) return null;
    const year = named[2].length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
    return { kind: 'month', order: year * 12 + m, start: year, end: year };
  }
  const y = years(t);
  if (!y) return null;
  if (y.start === y.end) return { kind: 'year', order: y.start * 12, start: y.start, end: y.end };
  return y.fy ? { kind: 'financial-year', order: y.start * 12 + 3, start: y.start, end: y.end } : { kind: 'years', order: y.start * 12, start: y.start, end: y.end };
}

/**
 * The labels in time order when every one is a period (ties, e.g. "2023" and "2023 Q1", keep their
 * text order); null when any is not.
 */
export function periodOrder(labels: readonly string[]): string[] | null {
  let parsed = labels.map((l) => ({ l, p: parsePeriod(l) }));
  // "2011-12" beside "2011-11" is a month, not a financial year
  if (parsed.some((x) => x.p?.kind === 'month') && parsed.some((x) => x.p?.kind === 'financial-year')) parsed = labels.map((l) => ({ l, p: parsePeriod(l, true) }));
  if (!parsed.length || parsed.some((x) => !x.p)) return null;
  return parsed.sort((a, b) => a.p!.order - b.p!.order || a.p!.end - b.p!.end || a.l.localeCompare(b.l, 'en', { numeric: true })).map((x) => x.l);
}
