/**
 * The indicator catalogue: every measure the atlas can map declares here what it is, where it comes
 * from and how it behaves at every level. Pickers, legends, tooltips, aggregation SQL, "About the
 * data" and exports all read these entries; nothing about an indicator is written twice.
 */
import type { LevelId } from '../../geo/levels';

/**
 * Which end of the scale is the worse one (drives colour direction, ranks and "worse than").
 * `neutral`: context, neither end is better (e.g. the QOF cancer register: higher where people are
 * older and survive longer). Neutral measures never get worse/better wording, are coloured and ranked
 * with the highest value first, and have no default direction in the composite index.
 */
export type Polarity = 'higher-worse' | 'lower-worse' | 'neutral';

export type ValueKind = 'score' | 'rank' | 'decile' | 'rate' | 'percent' | 'share' | 'count';

/**
 * How the value at one level is computed. `native`: the table (or `table`) has one row per area of
 * this level. `published`: the publisher's own summary for this level, read from a summary table
 * (`otherwise` fills areas it does not cover). `mean` / `sum` / `ratio` / `share`: aggregated from the
 * indicator's base small areas (LSOAs), weighted by residents. `lsoa-share`, `average-rank`, `extent`,
 * `local-concentration`: MHCLG's summary measures of the Indices of Deprivation, derived from LSOAs
 * by MHCLG's method (summary-sql.ts). `rank-of` / `decile-of`: rank (1 = worst; ties share the best
 * rank) or decile of another indicator's value among all areas of this level in England. `inherit`:
 * a finer area takes the value of the coarser area it lies in (marked as an area-level value).
 * Aggregates read `base` (a table of LSOA rows) instead of the indicator's own table when given.
 */
export type LevelRule =
  | { kind: 'native'; table?: string; /** Areas the table's rank column ranks (when it is not this level's count). */ rankOf?: number }
  | PublishedRule
  | { kind: 'mean'; column: string; weight?: PopulationWeight; weightColumn?: string; base?: BaseTable }
  | { kind: 'sum'; column: string; base?: BaseTable }
  | { kind: 'ratio'; numerator: string; denominator: string; multiplier: number; base?: BaseTable }
  | { kind: 'share'; column: string; atMost: number; base?: BaseTable; /** Number of residents instead of their percentage. */ as?: 'residents' }
  | { kind: 'lsoa-share'; column: string; atMost: number; base?: BaseTable }
  | { kind: 'average-rank'; rank: string; lsoas: number; base?: BaseTable }
  | { kind: 'extent'; rank: string; lsoas: number; base?: BaseTable }
  | { kind: 'local-concentration'; rank: string; lsoas: number; base?: BaseTable }
  | { kind: 'rank-of'; indicator: string }
  | { kind: 'decile-of'; indicator: string }
  | { kind: 'inherit'; from: LevelId };

/** LSOA rows to aggregate from: a table on one of the base levels (e.g. IMD 2019 carried onto 2021 LSOAs). */
export interface BaseTable { table: string; level: 'lsoa21' | 'lsoa11' }

/** Rules computed from LSOA rows (they may take a `base`). */
export type AggregateRule = Extract<LevelRule, { kind: 'mean' | 'sum' | 'ratio' | 'share' | 'lsoa-share' | 'average-rank' | 'extent' | 'local-concentration' }>;

/** A publisher's summary for this level's areas, as published. */
export interface PublishedRule {
  kind: 'published';
  table: string;
  /** Column values that pick the rows (edition, domain). */
  filter: Record<string, string>;
  value: string;
  /** The publisher's rank column (1 = worst), used while every area has a published value. */
  rank?: string;
  note?: string;
  /** Fills areas without a published value; their note says the value was derived. */
  otherwise?: AggregateRule;
}

/**
 * Residents used as weights: all usual residents, or those aged 16+ (for adult measures). A mean's
 * `weightColumn` instead names a column of the indicator's table holding each row's weight (e.g. the
 * registered patients of the practices behind a user's percentage).
 */
export type PopulationWeight = 'population' | 'population_16plus';

/**
 * Confidence interval for a re-computed ratio: `poisson` for a rate from a count of events (Byar's
 * approximation), `proportion` for a share of a list (Wilson score interval).
 */
export type RatioCi = 'poisson' | 'proportion';

export interface DimensionValue {
  value: string;
  label: string;
  /** First and last calendar year a period covers (for trend charts: pooled periods span years). */
  start?: number;
  end?: number;
  /** Values of other dimensions this value only exists with (breast cancer → sex "female"). */
  requires?: Record<string, string>;
  /** A caveat that applies whenever this value is chosen (a period that includes 2020). */
  caveat?: string;
  /** A short name for a single year that is not a usual year ("COVID-19"): trend charts mark that year with it. */
  flag?: string;
}

/** A choice that selects rows of a long table (period, sex, cancer site, ...). */
export interface Dimension {
  key: string;
  label: string;
  column: string;
  values: DimensionValue[];
  /** The value shown first (the newest period, persons, all cancers, ...). */
  defaultValue: string;
  /** Name the chosen value wherever the measure is named, even the default one (a user's own group). */
  alwaysLabel?: boolean;
}

/** The measure's label with the values of its always-named options ("…: % of residents (Census 2021) – South Asian"). */
export function choiceLabel(ind: Indicator, dims: Record<string, string>): string {
  const chosen = dimensionValues(ind, dims);
  const named = (ind.dimensions ?? []).filter((d) => d.alwaysLabel).flatMap((d) => d.values.find((v) => v.value === chosen[d.key])?.label ?? []);
  return named.length ? `${ind.label} – ${named.join(', ')}` : ind.label;
}

export interface IndicatorSource {
  publisher: string;
  dataset: string;
  licence: string;
  /** Ids of the pipeline sources (manifest.json `sources[].id`) this indicator is built from. */
  sourceIds: string[];
  /**
   * Sources read only at levels whose rule is `published` (MHCLG's LA and ICB summaries), so an
   * export at another level does not list them (see sourceIdsAt).
   */
  publishedSourceIds?: string[];
}

export interface Indicator {
  id: string;
  label: string;
  /** Short label for legends and table headers. */
  short: string;
  group: string;
  /** Plain-language definition for "About the data" and the detail panel. */
  definition: string;
  source: IndicatorSource;
  /** DuckDB table holding the native rows (`code` column + value columns). */
  table: string;
  nativeLevel: LevelId;
  columns: IndicatorColumns;
  unit: string;
  kind: ValueKind;
  polarity: Polarity;
  decimals: number;
  /** Period the values describe (for single-period indicators; dimensions cover the rest). */
  period: string;
  dimensions?: Dimension[];
  /** Fixed column values that pick this indicator's rows out of a table shared with others. */
  filter?: Record<string, string>;
  /**
   * Rates from fewer events than this (numerator column) are not shown: value NULL and `suppressed`
   * true, never drawn or ranked as zero (OHID practice: 10).
   */
  suppressBelow?: number;
  /** Rates from fewer events than this are shown with a note that they are imprecise (not hidden). */
  flagBelow?: number;
  /**
   * 95 % confidence interval computed from numerator and denominator wherever the table has no limits
   * (at the native level) and for re-computed ratios at coarser levels.
   */
  ci?: { method: RatioCi; multiplier: number };
  /** A national ambition drawn on legends and trend charts (the 75 % early-stage ambition). */
  target?: IndicatorTarget;
  /** The geography and vintage the publisher used, when it differs from the native level's label. */
  publishedGeography?: string;
  /** Per-level wording of the method where the rule kind alone would mislead. */
  methodNote?: Partial<Record<LevelId, string>>;
  /** How to get a value at each level; a level absent here is not available (see `unavailable`). */
  levels: Partial<Record<LevelId, LevelRule>>;
  /** Why the indicator is not available at a level, in words a planner understands. */
  unavailable?: Partial<Record<LevelId, string>>;
  /** Default classification: quantiles, national deciles (for ranks) or one class per value (deciles). */
  classification: 'quantile' | 'decile' | 'categorical' | 'equal';
  caveats: string[];
  /**
   * What the national rank means, when it is not simply the rank of the value ("rank of average
   * score", "rank of average rank"): shown next to every rank of this measure.
   */
  rankLabel?: string;
  /**
   * Confidence intervals exist only for these values of one dimension (APS smoking: 2019). Elsewhere
   * nothing is called significant.
   */
  intervalsOnly?: { dimension: string; values: string[] };
  /** Breaks in the series a trend must show (a change of survey method). */
  seriesBreaks?: SeriesBreak[];
}

export interface SeriesBreak {
  /** The first year on the new basis. */
  year: number;
  label: string;
}

export interface IndicatorTarget {
  value: number;
  /** Who set it and what it means, in words ("NHS Long Term Plan ambition: 75 % diagnosed at stage 1 or 2 by 2028"). */
  label: string;
  /** The options it applies to (the ambition is for all cancers together, not for each site). */
  when?: Record<string, string>;
}

/** The measure's target for the chosen options, or null where it does not apply. */
export function targetFor(ind: Indicator, dims: Record<string, string>): IndicatorTarget | null {
  const t = ind.target;
  if (!t) return null;
  const chosen = dimensionValues(ind, dims);
  return Object.entries(t.when ?? {}).every(([k, v]) => chosen[k] === v) ? t : null;
}

export interface IndicatorColumns {
  value: string;
  /** The publisher's own national rank, used instead of ranking the values (it breaks ties on unrounded data). */
  rank?: string;
  lower?: string;
  upper?: string;
  numerator?: string;
  denominator?: string;
  /**
   * Share of the row's numerator and denominator that belongs to the area, for areas published
   * together as one unit (each keeps the unit's rate; sums count every case once).
   */
  share?: string;
  /** Free-text note on the row (harmonisation, suppression at source, combined units). */
  note?: string;
  /** Code of the larger area the value was published for (e.g. a county for its districts). */
  valueArea?: string;
}

/** GSS code of England: every table keeps England's own row under it, for comparisons. */
export const ENGLAND_CODE = 'E92000001';

/**
 * The dimension values in effect: chosen ones, else each dimension's default; a value that only
 * exists with another dimension's value (breast → female) brings that value with it.
 */
export function dimensionValues(ind: Indicator, chosen: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of ind.dimensions ?? []) {
    const v = chosen[d.key];
    out[d.key] = v && d.values.some((x) => x.value === v) ? v : d.defaultValue;
  }
  for (const d of ind.dimensions ?? []) Object.assign(out, d.values.find((x) => x.value === out[d.key])?.requires);
  return out;
}

/** Single years a trend chart marks (2020, COVID-19): short name and the caveat in full. */
export function flaggedYears(ind: Indicator): { year: number; short: string; label: string }[] {
  return (periodDimension(ind)?.values ?? []).flatMap((v) => (v.flag && v.start !== undefined && v.start === v.end ? [{ year: v.start, short: v.flag, label: v.caveat ?? v.label }] : []));
}

/** The dimension that holds periods (for trends), if the indicator has one. */
export function periodDimension(ind: Indicator): Dimension | undefined {
  return ind.dimensions?.find((d) => d.key === 'period');
}
