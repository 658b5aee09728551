/**
 * Class breaks for the combine views: quantiles, natural breaks (ckmeans), equal intervals or the
 * user's thresholds, computed from the areas of one region (the mask) so that the breaks can stay
 * put while the user filters. Uses the typed-array sort, because the composite index is re-broken
 * on every weight change and must stay within a frame.
 */
import { ckmeansBreaks, equalBreaks, quantileBreaks } from '../classify/breaks';
import { referenceValues } from './normalise-scores';

export interface BreakSpec {
  method: 'quantile' | 'ckmeans' | 'equal' | 'custom';
  classes: number;
  custom: number[] | null;
}

export function combineBreaks(values: Float64Array, spec: BreakSpec, region: Uint8Array | null): number[] {
  const k = Math.max(2, Math.min(12, Math.round(spec.classes)));
  if (spec.method === 'custom') {
    const t = [...(spec.custom ?? [])].filter(Number.isFinite).sort((a, b) => a - b);
    return t.filter((x, i) => i === 0 || x > t[i - 1]).slice(0, k - 1);
  }
  const sorted = referenceValues(values, region);
  if (spec.method === 'quantile') return quantileBreaks(sorted, k);
  if (spec.method === 'equal') return equalBreaks(sorted, k);
  return ckmeansBreaks(sorted, k);
}
