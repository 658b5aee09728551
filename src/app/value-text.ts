/**
 * The words around a number: its confidence interval, why it is missing (suppressed, not published),
 * whose value it is (inherited from a coarser area), how much of an aggregate it covers, and how it
 * compares with England. Tooltip, detail panel and table all use these, so they always agree.
 */
import { compareWithEngland, comparisonText } from '../data/catalogue/england-comparison';
import type { Indicator } from '../data/catalogue/types';
import { LEVELS, type LevelId } from '../geo/levels';
import { formatNumber, formatRank, formatWithUnit } from '../ui/format';
import type { EnglandValue, IndicatorValues } from '../data/level-data';

export interface AreaValueFacts {
  value: number;
  lower: number;
  upper: number;
  rank: number;
  ranked: number;
  suppressed: boolean;
  note: string | null;
  source: string | null;
  sourceShare: number;
  coverage: number;
}

export function factsAt(v: IndicatorValues, i: number): AreaValueFacts {
  return {
    value: v.value[i], lower: v.lower[i], upper: v.upper[i], rank: v.rank[i], ranked: v.ranked, suppressed: v.suppressed[i] === 1,
    note: v.note[i], source: v.source[i], sourceShare: v.sourceShare[i], coverage: v.coverage[i],
  };
}

const SUPPRESSED_TEXT = 'suppressed: fewer than 10 cases';

export function valueText(ind: Indicator, f: AreaValueFacts): string {
  if (f.suppressed) return SUPPRESSED_TEXT;
  const main = formatWithUnit(f.value, ind.decimals, ind.unit);
  return Number.isFinite(f.lower) && Number.isFinite(f.upper) ? `${main} (95 % CI ${formatNumber(f.lower, ind.decimals)}–${formatNumber(f.upper, ind.decimals)})` : main;
}

/** A decile's "rank" only means something when it is the publisher's rank of the underlying score. */
export function rankText(ind: Indicator, level: LevelId, f: AreaValueFacts): string {
  if (ind.kind === 'decile' && !(ind.columns.rank && ind.levels[level]?.kind === 'native')) return '–';
  const rule = ind.levels[level];
  // An inherited value carries its parent's rank: say among what it ranks, not "of N" areas of this level.
  if (rule?.kind === 'inherit' && f.source && Number.isFinite(f.rank)) return `${formatRank(f.rank, f.ranked)} ${LEVELS[rule.from].noun}s`;
  return formatRank(f.rank, f.ranked);
}

export function englandText(ind: Indicator, f: AreaValueFacts, england: EnglandValue | null): string | null {
  if (f.suppressed || !england) return null;
  return comparisonText(compareWithEngland(f, england.value), ind.polarity);
}

/** Where the value comes from, when it is not simply this area's own published figure. */
export function provenanceNotes(ind: Indicator, level: LevelId, f: AreaValueFacts, nameOf: (code: string) => string): string[] {
  const notes: string[] = [];
  const rule = ind.levels[level];
  if (f.source) {
    const from = rule?.kind === 'inherit' ? LEVELS[rule.from].noun : 'area';
    notes.push(`Value for ${nameOf(f.source)} (${from} ${f.source}); not measured for this area itself.`);
    if (Number.isFinite(f.sourceShare) && f.sourceShare < 0.995) {
      notes.push(`This area straddles two ${from}s: ${formatNumber(100 * f.sourceShare, 0)} % of its residents live in ${nameOf(f.source)}.`);
    }
  }
  if (Number.isFinite(f.coverage) && f.coverage < 0.995) {
    // a sum over part of an area undercounts, an average only leaves people out: say which
    const what = rule?.kind === 'sum' ? 'total' : rule?.kind === 'mean' ? 'average' : 'figure';
    notes.push(`The ${what} covers ${formatNumber(100 * f.coverage, 0)} % of residents; the rest live in areas without a value${rule?.kind === 'sum' ? ', which are not counted' : ''}.`);
  }
  if (f.note) notes.push(f.note);
  return notes;
}
