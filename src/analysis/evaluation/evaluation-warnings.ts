/**
 * What can make an evaluation mislead, checked on every run and said in plain words: too few areas
 * for a reliable interval, small numbers of events, groups that were already diverging before the
 * programme, intervention areas picked because their numbers were extreme (regression to the
 * mean), and intervention areas left out (no data, no comparison area within the caliper).
 */
import type { PreTrendTest } from './panel-regressions';

/** Fewer areas than this in either group: intervals are unreliable. */
const MIN_AREAS = 10;
/** Cells built on fewer events than this are "small counts" (the OHID suppression threshold). */
export const MIN_EVENTS = 10;
/** Pre-trend test p-value below which the groups are said to diverge before the start. */
const PRE_TREND_ALPHA = 0.05;
/** Baseline percentile (mean over intervention areas) beyond which they count as extreme. */
const EXTREME_PERCENTILE = 0.75;
/** |standardised mean difference| of the baseline outcome beyond which it counts as extreme. */
const EXTREME_SMD = 0.5;

export type WarningCode =
  | 'few-areas' | 'small-counts' | 'no-counts' | 'pre-trends' | 'one-baseline-period'
  | 'regression-to-mean' | 'unmatched' | 'no-data' | 'not-in-data';

export interface EvaluationWarning {
  code: WarningCode;
  text: string;
}

export interface WarningFacts {
  treatedUsed: number;
  comparisonUsed: number;
  /** Area-periods in use with fewer than MIN_EVENTS events, of how many; null when counts are unknown. */
  smallCells: { small: number; total: number } | null;
  preTrend: PreTrendTest | null;
  baselinePeriods: number;
  /** Mean percentile (0–1) of intervention areas' baseline outcome among all areas with data, and its SMD before matching. */
  baselinePosition: { percentile: number; smd: number } | null;
  chosenOnOutcome: boolean;
  matchedOnBaseline: boolean;
  unmatched: string[];
  noData: string[];
  notInData: string[];
}

const list = (codes: string[]) => `${codes.slice(0, 8).join(', ')}${codes.length > 8 ? ` and ${codes.length - 8} more` : ''}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function evaluationWarnings(f: WarningFacts): EvaluationWarning[] {
  const out: EvaluationWarning[] = [];
  if (f.treatedUsed < MIN_AREAS || f.comparisonUsed < MIN_AREAS) {
    out.push({ code: 'few-areas', text: `Few areas: ${plural(f.treatedUsed, 'intervention area')} and ${plural(f.comparisonUsed, 'comparison area')}. With fewer than ${MIN_AREAS} in a group, intervals from clustered errors or the bootstrap can be too narrow; treat the result as indicative only.` });
  }
  if (f.smallCells === null) {
    out.push({ code: 'no-counts', text: 'The outcome is a rate without its counts, so small numbers cannot be checked. Rates from few events jump around from period to period; if you have the counts, use them with their denominator.' });
  } else if (f.smallCells.small > 0) {
    out.push({ code: 'small-counts', text: `Small numbers: ${plural(f.smallCells.small, 'area-period')} of ${f.smallCells.total.toLocaleString('en-GB')} rest on fewer than ${MIN_EVENTS} events. Rates from so few events are unstable; consider larger areas or longer periods.` });
  }
  if (f.baselinePeriods < 2) {
    out.push({ code: 'one-baseline-period', text: 'The baseline has one period, so whether the groups moved together before the programme cannot be checked. A longer baseline makes the comparison more convincing.' });
  } else if (f.preTrend && f.preTrend.p < PRE_TREND_ALPHA) {
    out.push({ code: 'pre-trends', text: `The groups were already moving apart before the programme (test of the baseline periods: p = ${formatP(f.preTrend.p)}). The difference-in-differences assumes they would have moved together without it; here that is doubtful, so the estimate may reflect existing trends.` });
  }
  const pos = f.baselinePosition;
  const extreme = pos && (pos.percentile >= EXTREME_PERCENTILE || pos.percentile <= 1 - EXTREME_PERCENTILE || Math.abs(pos.smd) >= EXTREME_SMD);
  if (f.chosenOnOutcome || extreme) {
    const where = pos ? `Before the programme the intervention areas were on average at the ${ordinal(Math.round(pos.percentile * 100))} percentile of all areas on this measure. ` : '';
    out.push({ code: 'regression-to-mean', text: `${f.chosenOnOutcome ? 'The intervention areas were chosen on this measure. ' : ''}${where}Areas picked because their numbers were unusually high or low tend to move back towards the average anyway (regression to the mean), which can look like a programme effect. ${f.matchedOnBaseline ? 'Matching on the baseline outcome reduces this but does not remove it.' : 'Match on the baseline outcome to reduce this.'} Look at the baseline periods in the chart.` });
  }
  if (f.unmatched.length) {
    out.push({ code: 'unmatched', text: `${plural(f.unmatched.length, 'intervention area')} had no comparison area within the caliper (or lacked a matching covariate) and ${f.unmatched.length === 1 ? 'is' : 'are'} left out of the estimate: ${list(f.unmatched)}. The result describes the matched intervention areas only.` });
  }
  if (f.noData.length) {
    out.push({ code: 'no-data', text: `${plural(f.noData.length, 'intervention area')} had no value in the baseline or the follow-up window and ${f.noData.length === 1 ? 'is' : 'are'} left out: ${list(f.noData)}.` });
  }
  if (f.notInData.length) {
    out.push({ code: 'not-in-data', text: `${plural(f.notInData.length, 'intervention area')} ${f.notInData.length === 1 ? 'is' : 'are'} not in the outcome data at all: ${list(f.notInData)}.` });
  }
  return out;
}

function formatP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}
