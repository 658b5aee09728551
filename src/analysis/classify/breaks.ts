/**
 * Class breaks for choropleths. Breaks are the k−1 thresholds between k classes, ascending; a value
 * belongs to the first class whose upper threshold is above it. Missing values (NaN) are ignored.
 */
import { ckmeans } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'decile' | 'categorical' | 'custom';

export const CLASS_METHODS: { id: ClassMethod; label: string }[] = [
  { id: 'quantile', label: 'Quantiles (equal counts)' },
  { id: 'ckmeans', label: 'Natural breaks (ckmeans)' },
  { id: 'equal', label: 'Equal intervals' },
  { id: 'decile', label: 'National deciles (ranks)' },
  { id: 'categorical', label: 'One class per value (deciles)' },
  { id: 'custom', label: 'Custom thresholds' },
];

function finiteSorted(values: ArrayLike<number>, mask?: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (!mask || mask[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

const dedupe = (b: number[]) => b.filter((x, i) => i === 0 || x > b[i - 1]);

export function quantileBreaks(sorted: Float64Array, k: number): number[] {
  if (sorted.length === 0) return [];
  const out: number[] = [];
  for (let c = 1; c < k; c++) {
    const pos = (c / k) * sorted.length;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(pos) - 1));
    // Break halfway between neighbours so equal values never straddle it.
    out.push(i + 1 < sorted.length ? (sorted[i] + sorted[i + 1]) / 2 : sorted[i]);
  }
  return dedupe(out);
}

export function equalBreaks(sorted: Float64Array, k: number): number[] {
  if (sorted.length === 0) return [];
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  if (max === min) return [];
  return Array.from({ length: k - 1 }, (_, c) => min + ((c + 1) * (max - min)) / k);
}

export function ckmeansBreaks(sorted: Float64Array, k: number): number[] {
  const distinct = new Set(sorted).size;
  if (distinct <= 1) return [];
  const clusters = ckmeans(Array.from(sorted), Math.min(k, distinct));
  return clusters.slice(1).map((c, i) => (clusters[i][clusters[i].length - 1] + c[0]) / 2);
}

/** Deciles of a 1..n rank: fixed national thresholds, so a rank's decile never depends on a filter. */
function rankDecileBreaks(n: number): number[] {
  return Array.from({ length: 9 }, (_, c) => ((c + 1) * n) / 10 + 0.5);
}

/** Integer categories (e.g. deciles 1..10): one class per value present. */
function categoricalBreaks(sorted: Float64Array): number[] {
  const vals = [...new Set(sorted)];
  return vals.slice(1).map((v, i) => (vals[i] + v) / 2);
}

export interface BreakOptions {
  method: ClassMethod;
  classes: number;
  /** For `custom`: the user's thresholds. */
  custom?: number[] | null;
  /** For `decile`: how many areas are ranked nationally. */
  rankedCount?: number;
}

export function computeBreaks(values: ArrayLike<number>, opts: BreakOptions, mask?: ArrayLike<number>): number[] {
  const sorted = finiteSorted(values, mask);
  const k = Math.max(2, Math.min(12, Math.round(opts.classes)));
  switch (opts.method) {
    case 'quantile': return quantileBreaks(sorted, k);
    case 'equal': return equalBreaks(sorted, k);
    case 'ckmeans': return ckmeansBreaks(sorted, k);
    case 'decile': return rankDecileBreaks(opts.rankedCount ?? (sorted.length ? sorted[sorted.length - 1] : 0));
    case 'categorical': return categoricalBreaks(sorted);
    case 'custom': return dedupe([...(opts.custom ?? [])].filter(Number.isFinite).sort((a, b) => a - b));
  }
}

/** Class index per value (0 = lowest values), −1 where the value is missing. */
export function assignClasses(values: ArrayLike<number>, breaks: readonly number[]): Int16Array {
  const out = new Int16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = -1;
      continue;
    }
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v >= breaks[mid]) lo = mid + 1;
      else hi = mid;
    }
    out[i] = lo;
  }
  return out;
}
