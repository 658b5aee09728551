/**
 * How each value of a user's dataset is combined, as rules and in words: first the rows that land
 * in one area (GP practices in one LSOA, former districts of one merged council, repeated rows of a
 * long file), then the areas that make up a larger one. Rates with a denominator are always rebuilt
 * from summed numerators and denominators; counts are added up; other rates and percentages are
 * averaged by a stated weight, never silently without one.
 */
import { LEVELS } from '../../geo/levels';
import type { AggregatePlan } from './dataset-level-rules';
import { carriesWeight, combineOf, COMBINE_LABELS, denominatorField, numeratorField, weightField, type DatasetSpec, type ValueSpec } from './user-dataset';

const INTERVAL = {
  proportion: 'Wilson score interval for a proportion (the method OHID uses for screening coverage and QOF prevalence)',
  poisson: "Byar's approximation to the Poisson interval for a rate of events (the method OHID uses for crude rates)",
} as const;

/** The weight of averages, in words ("registered patients (NHS QOF 2022-23 list sizes)"); null when there is none. */
function weightWords(d: Pick<DatasetSpec, 'weight'>): string | null {
  switch (d.weight?.kind) {
    case undefined:
    case 'residents': return 'Census 2021 residents';
    case 'list-size': return 'registered patients (NHS QOF 2022-23 list sizes)';
    case 'column': return `the "${d.weight.column}" column of your file`;
    case 'equal': return null;
  }
}

/** How the value is computed for larger areas (and the user's own boundaries). */
export function valueAggregate(d: DatasetSpec, v: ValueSpec): AggregatePlan {
  if (v.ratio) {
    return { rule: { kind: 'ratio', numerator: numeratorField(v), denominator: denominatorField(v), multiplier: v.ratio.multiplier }, words: { kind: 'ratio', numerator: v.column, denominator: v.ratio.denominator, interval: v.ratio.ci === 'proportion' ? 'Wilson' : "Byar's" } };
  }
  if (v.unit === 'count') return { rule: { kind: 'sum', column: v.field }, words: { kind: 'sum' } };
  if (carriesWeight(d, v)) return { rule: { kind: 'mean', column: v.field, weightColumn: weightField(v) }, words: { kind: 'mean', weight: weightWords(d) ?? 'none' } };
  return { rule: { kind: 'mean', column: v.field }, words: { kind: 'mean', weight: null } };
}

/** What happened to the rows that fell in one area ("their numerators and denominators were added up…"). */
function rowsCombined(d: DatasetSpec, v: ValueSpec): string {
  const how = combineOf(d, v);
  if (v.ratio) return how === 'first' ? 'the first row with a numerator and a denominator was kept' : 'their numerators and denominators were added up and the rate recomputed';
  if (how === 'sum') return 'they were added up';
  if (how === 'first') return 'the first row with a value was kept';
  switch (d.weight?.kind) {
    case undefined: return 'they were averaged without weights (the dataset was added by an earlier version of the atlas: add the file again to choose a weight)';
    case 'residents':
      return d.nativeLevel === 'lad24'
        ? 'they were averaged weighted by the Census 2021 residents of the district each row names (former districts of a merged council by their own residents; rows with the same code count equally)'
        : 'they were averaged, each counting equally (they describe the same area)';
    case 'list-size': return "they were averaged weighted by each practice's registered patients (NHS QOF 2022-23 list size); practices without a list size are left out";
    case 'column': return `they were averaged weighted by "${d.weight.column}"; rows without a weight are left out`;
    case 'equal': return 'they were averaged without weights, every row counting once (as you chose)';
  }
}

/** The method sentence at the dataset's own level. */
export function nativeNote(d: DatasetSpec, v: ValueSpec): string {
  const l = LEVELS[d.nativeLevel];
  const label = l?.label ?? d.nativeLevel;
  const rows = rowsCombined(d, v);
  if (d.practices) return `${label}: your GP practice values, placed in the LSOA each practice is in (not where its patients live). Where an LSOA has several practices${d.split ? ` (per ${d.split.column})` : ''}, ${rows}.`;
  return `${label}: your values as loaded, one per ${l?.noun ?? 'area'}. Where rows share an area${d.split ? ` and ${d.split.column}` : ''}, ${rows}.`;
}

const n = (k: number) => k.toLocaleString('en-GB');

export function valueCaveats(d: DatasetSpec, v: ValueSpec): string[] {
  const out = [
    `${n(d.rowsJoined)} of ${n(d.rowsRead)} rows joined ${n(d.areas)} areas; rows with the same area${d.split ? ` and ${d.split.column}` : ''} were combined (${v.ratio ? 'numerators and denominators added up' : COMBINE_LABELS[d.combine].toLowerCase()}).`,
    'Blank and suppressed cells are missing values, not zeros: they are left out of sums, averages and ranks, and an area without a value shows none.',
  ];
  if (d.practices) out.push('GP practice values are placed in the LSOA where the practice is, not where its patients live.');
  if (v.ratio) {
    out.push(`A rate from "${v.column}" (numerator) and "${v.ratio.denominator}" (denominator): wherever rows or areas are combined, both are added up and the rate recomputed, with a 95 % confidence interval (${INTERVAL[v.ratio.ci]}).`);
    out.push('Rows whose denominator is missing, zero or negative, or whose numerator is missing or negative' + (v.ratio.ci === 'proportion' ? ' or larger than the denominator' : '') + ', are left out of both sums.');
    out.push(v.ratio.suppressBelow > 0
      ? `Rates from fewer than ${n(v.ratio.suppressBelow)} events are hidden (suppressed), as you chose${v.ratio.suppressBelow === 10 ? ' (OHID practice)' : ''}.`
      : 'No rate is hidden; rates from fewer than 10 events are marked as imprecise (OHID would suppress them in a publication: choose that when adding the file).');
  } else if (v.unit !== 'count') {
    const w = weightWords(d);
    out.push(d.weight?.kind === 'equal'
      ? 'A value without a denominator: where rows or areas combine it is averaged without weights, as you chose (a small area counts as much as a large one).'
      : `A value without a denominator: where rows or areas combine it is averaged weighted by ${w}, not recomputed. For a rate with an interval, add its numerator and denominator columns.`);
  }
  return out;
}
