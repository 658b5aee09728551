/**
 * Fingertips' comparison with England: an area is significantly higher (or lower) than England only
 * when its whole 95 % confidence interval lies above (or below) England's value; otherwise similar.
 * Without an interval (aggregated averages, series published without limits) there is no comparison.
 */
import type { Polarity } from './types';

export type EnglandComparison = 'higher' | 'lower' | 'similar';

const known = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

export function compareWithEngland(area: { value: number | null; lower: number | null; upper: number | null }, england: number | null): EnglandComparison | null {
  if (!known(area.value) || !known(area.lower) || !known(area.upper) || !known(england)) return null;
  if (area.lower > england) return 'higher';
  if (area.upper < england) return 'lower';
  return 'similar';
}

/**
 * Words for a tooltip or table: "Significantly higher than England (worse)". A neutral (context)
 * measure is only higher or lower: never better or worse.
 */
export function comparisonText(c: EnglandComparison | null, polarity: Polarity): string | null {
  if (c === null) return null;
  if (c === 'similar') return 'Similar to England';
  if (polarity === 'neutral') return `Significantly ${c} than England (a context measure: not better or worse)`;
  const worse = (c === 'higher') === (polarity === 'higher-worse');
  return `Significantly ${c} than England (${worse ? 'worse' : 'better'})`;
}
