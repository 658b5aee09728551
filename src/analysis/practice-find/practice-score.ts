/**
 * A weighted score of practices (or PCNs) for "Find practices", by the area composite's own maths
 * (combine/normalise-scores.ts, combine/composite-index.ts): each measure becomes a mid-rank
 * percentile among the units of the scope (the focus region, or England) oriented so that 100 is the
 * end the user ranks first, and the score is their weighted mean. A unit missing any weighted measure
 * has no score. Pure: typed arrays in and out.
 */
import { compositeIndex } from '../combine/composite-index';
import { normaliseScores } from '../combine/normalise-scores';

export interface ScoreInput {
  values: Float64Array;
  /** 0: not in the score. */
  weight: number;
  /** Which end ranks first: higher values, or lower. */
  first: 'higher' | 'lower';
}

/** Score per unit (NaN: outside the scope, a weighted value missing, or no weight at all). */
export function practiceScore(inputs: readonly ScoreInput[], scope: Uint8Array | null): Float64Array {
  const n = inputs[0]?.values.length ?? 0;
  const scores = inputs.map((x) => normaliseScores(x.values, { method: 'percentile', sign: x.first === 'higher' ? 1 : -1, reference: scope }));
  const out = compositeIndex(scores, inputs.map((x) => x.weight)).values;
  if (scope) for (let i = 0; i < n; i++) if (!scope[i]) out[i] = NaN;
  return out;
}
