/**
 * A hotspot run in three steps, so the permutation part can be split across workers:
 *
 *   prepareHotspots(request)        → analytical statistics + the permutation kernel  (O(n), cheap)
 *   permute(kernel, weights, range) → permutation counts for a range of areas          (the heavy part)
 *   finishHotspots(prepared, part)  → pseudo p, adjusted p, classes                    (O(n log n))
 *
 * `computeHotspots` runs all three in one thread (CLI, tests); src/workers/hotspot-pool.ts runs the
 * middle step on two workers. `reclassify` changes correction or α without permuting again.
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import { includeSelf } from '../weights/weights-transform';
import { bivariateMoran } from './bivariate-moran';
import { gClasses, G_CLASSES, LISA_CLASSES, lisaClasses } from './cluster-classes';
import { getisOrd } from './getis-ord';
import { normaliseRequest, requestWarnings, type HotspotRequest, type HotspotStat, type NormalisedRequest } from './hotspot-request';
import { localMoran } from './local-moran';
import { adjustPValues, bonferroniReach, CORRECTIONS, significantCounts, type BonferroniReach, type Correction } from './multiple-testing';
import { permute, type LagKernel, type PermutationPart } from './permutation-engine';
import { foldedPseudoP } from './pseudo-p';

export interface PreparedHotspots {
  request: NormalisedRequest;
  /** The weights the permutations run on (with self links for Gi*). */
  weights: SpatialWeights;
  kernel: LagKernel;
  statistic: Float64Array;
  /** Analytical moments and z (NaN for bilisa, which has none). */
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** For LISA quadrants: the area's own (centred or standardised) value and its lag. */
  own?: Float64Array;
  lag?: Float64Array;
  warnings: string[];
}

export interface HotspotResult {
  stat: HotspotStat;
  ids: readonly string[];
  permutations: number;
  seed: number;
  correction: Correction;
  alpha: number;
  /** Ii, Ibv_i, Gi or Gi* per area (spdep's scale). */
  statistic: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  /** Analytical z-score; NaN where undefined (bilisa; areas without neighbours). */
  z: Float64Array;
  /** Mean, standard deviation and z of the statistic over the permutations. */
  simMean: Float64Array;
  simSd: Float64Array;
  zSim: Float64Array;
  /** Folded pseudo p-value (pseudo-p.ts); NaN for areas without neighbours. */
  pseudoP: Float64Array;
  pAdjusted: Float64Array;
  /** 1 where pAdjusted ≤ alpha. */
  significant: Uint8Array;
  /** Codes into `classes`. */
  cluster: Uint8Array;
  classes: readonly string[];
  /** LISA and bilisa: the Moran scatterplot axes (centred or standardised value, lag). */
  own?: Float64Array;
  lag?: Float64Array;
  /** Rows of the request's weights with no neighbour. */
  islands: Int32Array;
  significantCounts: Record<Correction, number>;
  bonferroni: BonferroniReach;
  warnings: string[];
}

export function prepareHotspots(request: HotspotRequest): PreparedHotspots {
  const req = normaliseRequest(request);
  const warnings = requestWarnings(req);
  const nan = () => new Float64Array(req.weights.n).fill(NaN);
  switch (req.stat) {
    case 'gistar':
    case 'gi': {
      const weights = req.stat === 'gistar' ? includeSelf(req.weights) : req.weights;
      const g = getisOrd(req.x, weights);
      return { request: req, weights, kernel: g.kernel, statistic: g.G, expected: g.expected, variance: g.variance, z: g.z, warnings };
    }
    case 'lisa': {
      const m = localMoran(req.x, req.weights);
      return { request: req, weights: req.weights, kernel: m.kernel, statistic: m.I, expected: m.expected, variance: m.variance, z: m.z, own: m.centred, lag: m.lag, warnings };
    }
    case 'bilisa': {
      const b = bivariateMoran(req.x, req.y!, req.weights);
      return { request: req, weights: req.weights, kernel: b.kernel, statistic: b.I, expected: nan(), variance: nan(), z: nan(), own: b.xStd, lag: b.lagYStd, warnings };
    }
  }
}

export function finishHotspots(prep: PreparedHotspots, part: PermutationPart): HotspotResult {
  const { request: req } = prep;
  const n = req.weights.n;
  if (part.start !== 0 || part.end !== n || part.streamFrom !== 0 || part.streamTo !== part.streams) {
    throw new Error(`hotspots: permutation results cover only part of the ${n} areas (merge the workers' parts first)`);
  }
  const pseudoP = foldedPseudoP(part.atLeast, part.atMost, req.permutations);
  const zSim = new Float64Array(n);
  for (let i = 0; i < n; i++) zSim[i] = (prep.statistic[i] - part.simMean[i]) / part.simSd[i];
  const islands = req.weights.islands;
  // Gi* islands still have their self link to permute, but testing an area against itself alone is
  // not a cluster test: they are reported as untested, like the others.
  for (const i of islands) {
    pseudoP[i] = NaN;
    zSim[i] = NaN;
  }
  const base = {
    stat: req.stat, ids: req.weights.ids, permutations: req.permutations, seed: req.seed,
    statistic: prep.statistic, expected: prep.expected, variance: prep.variance, z: prep.z,
    simMean: part.simMean, simSd: part.simSd, zSim, pseudoP, islands, warnings: prep.warnings,
    own: prep.own, lag: prep.lag,
  };
  return classify(base, req.correction, req.alpha);
}

type Unclassified = Omit<HotspotResult, 'correction' | 'alpha' | 'pAdjusted' | 'significant' | 'cluster' | 'classes' | 'significantCounts' | 'bonferroni'>;

function classify(r: Unclassified, correction: Correction, alpha: number): HotspotResult {
  const pAdjusted = adjustPValues(r.pseudoP, correction);
  const significant = new Uint8Array(pAdjusted.length);
  for (let i = 0; i < pAdjusted.length; i++) significant[i] = pAdjusted[i] <= alpha ? 1 : 0;
  const isG = r.stat === 'gistar' || r.stat === 'gi';
  const cluster = isG ? gClasses(r.z, pAdjusted, alpha) : lisaClasses(r.own!, r.lag!, pAdjusted, alpha);
  const tests = r.pseudoP.length - r.islands.length;
  return {
    ...r, correction, alpha, pAdjusted, significant, cluster, classes: isG ? G_CLASSES : LISA_CLASSES,
    significantCounts: significantCounts(r.pseudoP, alpha),
    bonferroni: bonferroniReach(Math.max(1, tests), r.permutations, alpha),
  };
}

/** Same permutations, another correction or α: only the adjustment and classes are redone. */
export function reclassify(result: HotspotResult, opts: { correction?: Correction; alpha?: number }): HotspotResult {
  const correction = opts.correction ?? result.correction;
  if (!CORRECTIONS.includes(correction)) throw new Error(`correction must be one of ${CORRECTIONS.join(', ')} (got "${correction}")`);
  return classify(result, correction, opts.alpha ?? result.alpha);
}

export function computeHotspots(request: HotspotRequest, opts: { onProgress?: (done: number, total: number) => void } = {}): HotspotResult {
  const prep = prepareHotspots(request);
  const part = permute(prep.kernel, prep.weights, { permutations: prep.request.permutations, seed: prep.request.seed, onProgress: opts.onProgress });
  return finishHotspots(prep, part);
}
