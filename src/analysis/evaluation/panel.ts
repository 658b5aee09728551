/**
 * The evaluation panel: one outcome value per area and period, built from long rows (area, period,
 * value, or numerator and denominator). Areas are kept in code order and periods in time order, so
 * the same rows always give the same panel, whatever order a file lists them in.
 */

export interface PanelRow {
  area: string;
  period: string;
  /** A rate or other value as published (ignored when numerator and denominator are given). */
  value?: number;
  /** Events (e.g. referrals) and the population at risk behind the value. */
  numerator?: number;
  denominator?: number;
}

export interface Panel {
  areas: string[];
  periods: string[];
  /** Outcome per area and period, area-major: value[a × periods.length + p]; NaN where missing. */
  value: Float64Array;
  /** Events behind each value (NaN where not known); null when the outcome is not from counts. */
  numerator: Float64Array | null;
  denominator: Float64Array | null;
  /** value = numerator / denominator × multiplier, when built from counts. */
  multiplier: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Time order of period labels: "Apr 2023" or "April 2023" by year and month; anything else ("2023",
 * "2023 Q1", "2023-04", "2023/24") as text with runs of digits compared as numbers.
 */
export function comparePeriods(a: string, b: string): number {
  const month = (s: string) => {
    const m = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(s.trim());
    const k = m ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
    return m && k >= 0 ? Number(m[2]) * 12 + k : null;
  };
  const [ma, mb] = [month(a), month(b)];
  if (ma !== null && mb !== null) return ma - mb;
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface PanelOptions {
  /** Rates from counts are numerator / denominator × this (e.g. 10,000 for "per 10,000"). */
  multiplier?: number;
  /** Period labels in time order, when the natural order of the labels is not it. */
  periodOrder?: readonly string[];
}

/** Builds the panel; throws on a repeated area and period, naming both. */
export function assemblePanel(rows: readonly PanelRow[], opts: PanelOptions = {}): Panel {
  if (!rows.length) throw new Error('the panel has no rows');
  const counts = rows.some((r) => r.numerator !== undefined || r.denominator !== undefined);
  const areaSet = new Set<string>();
  const periodSet = new Set<string>();
  for (const r of rows) {
    areaSet.add(r.area);
    periodSet.add(r.period);
  }
  const areas = [...areaSet].sort();
  let periods: string[];
  if (opts.periodOrder) {
    const unknown = [...periodSet].filter((p) => !opts.periodOrder!.includes(p));
    if (unknown.length) throw new Error(`period "${unknown[0]}" is not in the given period order`);
    periods = opts.periodOrder.filter((p) => periodSet.has(p));
  } else periods = [...periodSet].sort(comparePeriods);
  const ai = new Map(areas.map((a, i) => [a, i]));
  const pi = new Map(periods.map((p, i) => [p, i]));
  const nP = periods.length;
  const value = new Float64Array(areas.length * nP).fill(NaN);
  const numerator = counts ? new Float64Array(areas.length * nP).fill(NaN) : null;
  const denominator = counts ? new Float64Array(areas.length * nP).fill(NaN) : null;
  const seen = new Uint8Array(areas.length * nP);
  const multiplier = counts ? opts.multiplier ?? 1 : null;
  for (const r of rows) {
    const k = ai.get(r.area)! * nP + pi.get(r.period)!;
    if (seen[k]) throw new Error(`area "${r.area}" has more than one row for period "${r.period}"`);
    seen[k] = 1;
    if (counts) {
      const n = r.numerator ?? NaN;
      const d = r.denominator ?? NaN;
      numerator![k] = n;
      denominator![k] = d;
      value[k] = Number.isFinite(n) && d > 0 ? (n / d) * multiplier! : NaN;
    } else value[k] = Number.isFinite(r.value) ? r.value! : NaN;
  }
  return { areas, periods, value, numerator, denominator, multiplier };
}

/** Mean of an area's values over a set of periods (NaN when it has none of them). */
export function windowMean(panel: Panel, area: number, periods: readonly number[]): number {
  const nP = panel.periods.length;
  let s = 0;
  let n = 0;
  for (const p of periods) {
    const v = panel.value[area * nP + p];
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}

/**
 * The panel from one column of values per period (as the app loads them: every area of a level, in
 * its order). With `counts`, values are events and `denominators` the population at risk. `events`
 * gives the events behind published rates (kept for the small-numbers check; values stay as given).
 */
export function panelFromPeriodColumns(
  areas: string[], periods: string[], values: Float64Array[], counts: { denominators: Float64Array[]; multiplier: number } | null, events: Float64Array[] | null = null,
): Panel {
  const nA = areas.length;
  const nP = periods.length;
  if (values.length !== nP || (counts && counts.denominators.length !== nP)) throw new Error('one column of values per period is needed');
  const value = new Float64Array(nA * nP);
  const numerator = counts ? new Float64Array(nA * nP) : null;
  const denominator = counts ? new Float64Array(nA * nP) : null;
  const eventCells = !counts && events ? new Float64Array(nA * nP) : null;
  for (let p = 0; p < nP; p++) {
    for (let a = 0; a < nA; a++) {
      const k = a * nP + p;
      const v = values[p][a];
      if (!counts) {
        value[k] = Number.isFinite(v) ? v : NaN;
        if (eventCells) eventCells[k] = Number.isFinite(events![p][a]) ? events![p][a] : NaN;
        continue;
      }
      const d = counts.denominators[p][a];
      numerator![k] = Number.isFinite(v) ? v : NaN;
      denominator![k] = Number.isFinite(d) ? d : NaN;
      value[k] = Number.isFinite(v) && d > 0 ? (v / d) * counts.multiplier : NaN;
    }
  }
  return { areas, periods, value, numerator: numerator ?? eventCells, denominator, multiplier: counts ? counts.multiplier : null };
}
