/**
 * The indicator catalogue: every measure the atlas can map declares here what it is, where it comes
 * from and how it behaves at every level. Pickers, legends, tooltips, aggregation SQL, "About the
 * data" and exports all read these entries; nothing about an indicator is written twice.
 */
import type { LevelId } from '../../geo/levels';

/** Which end of the scale is the worse one (drives colour direction, ranks and "worse than"). */
export type Polarity = 'higher-worse' | 'lower-worse';

export type ValueKind = 'score' | 'rank' | 'decile' | 'rate' | 'percent' | 'share' | 'count';

/**
 * How the value at one level is computed. `native`: the table has one row per area of this level.
 * `mean` / `sum` / `ratio` / `share`: aggregated from the indicator's base small areas (LSOAs),
 * weighted by residents. `rank-of` / `decile-of`: rank (1 = worst) or decile of another indicator's
 * value among all areas of this level in England. `inherit`: a finer area takes the value of the
 * coarser area it lies in (marked as an area-level value in the UI).
 */
export type LevelRule =
  | { kind: 'native' }
  | { kind: 'mean'; column: string }
  | { kind: 'sum'; column: string }
  | { kind: 'ratio'; numerator: string; denominator: string; multiplier: number }
  | { kind: 'share'; column: string; atMost: number }
  | { kind: 'rank-of'; indicator: string }
  | { kind: 'decile-of'; indicator: string }
  | { kind: 'inherit'; from: LevelId };

/** A choice that selects rows of a long table (period, sex, cancer site, ...). */
export interface Dimension {
  key: string;
  label: string;
  column: string;
  values: { value: string; label: string }[];
  /** The value shown first (the newest period, persons, all cancers, ...). */
  defaultValue: string;
}

export interface IndicatorSource {
  publisher: string;
  dataset: string;
  licence: string;
  /** Ids of the pipeline sources (manifest.json `sources[].id`) this indicator is built from. */
  sourceIds: string[];
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
  columns: { value: string; lower?: string; upper?: string; numerator?: string; denominator?: string };
  unit: string;
  kind: ValueKind;
  polarity: Polarity;
  decimals: number;
  /** Period the values describe (for single-period indicators; dimensions cover the rest). */
  period: string;
  dimensions?: Dimension[];
  /** How to get a value at each level; a level absent here is not available (see `unavailable`). */
  levels: Partial<Record<LevelId, LevelRule>>;
  /** Why the indicator is not available at a level, in words a planner understands. */
  unavailable?: Partial<Record<LevelId, string>>;
  /** Default classification: quantiles, national deciles (for ranks) or one class per value (deciles). */
  classification: 'quantile' | 'decile' | 'categorical' | 'equal';
  caveats: string[];
}

/** The dimension values in effect: chosen ones, else each dimension's default. */
export function dimensionValues(ind: Indicator, chosen: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of ind.dimensions ?? []) {
    const v = chosen[d.key];
    out[d.key] = v && d.values.some((x) => x.value === v) ? v : d.defaultValue;
  }
  return out;
}
