/**
 * What a hotspot run needs, with defaults and validation at the boundary: every bad option fails
 * here with a message naming it, before any work starts (in the app, the CLI or a worker).
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import { assertAlpha, CORRECTIONS, type Correction } from './multiple-testing';
import { assertPermutations } from './permutation-engine';
import { assertSeed } from './prng';

/** gistar: Getis–Ord Gi*; gi: Gi; lisa: local Moran's I; bilisa: bivariate local Moran's I (x vs lag of y). */
export type HotspotStat = 'gistar' | 'gi' | 'lisa' | 'bilisa';
export const HOTSPOT_STATS: readonly HotspotStat[] = ['gistar', 'gi', 'lisa', 'bilisa'];

const DEFAULT_PERMUTATIONS = 999;
const DEFAULT_ALPHA = 0.05;
const DEFAULT_CORRECTION: Correction = 'fdr';

export interface HotspotRequest {
  stat: HotspotStat;
  /** The variable tested (for bilisa: the variable at each area, e.g. smoking prevalence). */
  x: Float64Array;
  /** bilisa only: the variable whose spatial lag x is compared with (e.g. cancer incidence). */
  y?: Float64Array;
  /** Weights without self links; Gi* adds them itself. */
  weights: SpatialWeights;
  permutations?: number;
  seed: number;
  correction?: Correction;
  alpha?: number;
}

export type NormalisedRequest = Required<Omit<HotspotRequest, 'y'>> & Pick<HotspotRequest, 'y'>;

export function normaliseRequest(req: HotspotRequest): NormalisedRequest {
  if (!HOTSPOT_STATS.includes(req.stat)) throw new Error(`stat must be one of ${HOTSPOT_STATS.join(', ')} (got "${req.stat}")`);
  const permutations = req.permutations ?? DEFAULT_PERMUTATIONS;
  assertPermutations(permutations);
  assertSeed(req.seed);
  const correction = req.correction ?? DEFAULT_CORRECTION;
  if (!CORRECTIONS.includes(correction)) throw new Error(`correction must be one of ${CORRECTIONS.join(', ')} (got "${correction}")`);
  const alpha = req.alpha ?? DEFAULT_ALPHA;
  assertAlpha(alpha);
  const w = req.weights;
  if (w.selfIncluded) throw new Error('weights must not include self links (Gi* adds them itself)');
  checkValues(req.x, w, req.stat === 'bilisa' ? 'x' : 'value');
  if (req.stat === 'bilisa') {
    if (!req.y) throw new Error('bilisa needs a second variable (y)');
    checkValues(req.y, w, 'y');
  }
  // Permutation draws come from the other n − 1 areas, so no area can have more links than that.
  const extra = req.stat === 'gistar' ? 1 : 0;
  for (let i = 0; i < w.n; i++) {
    const k = w.offsets[i + 1] - w.offsets[i] + extra;
    if (k > w.n - 1) throw new Error(`area "${w.ids[i]}" has ${k} links but only ${w.n - 1} other areas to draw from`);
  }
  return { ...req, permutations, correction, alpha };
}

function checkValues(v: Float64Array, w: SpatialWeights, label: string): void {
  if (!(v instanceof Float64Array)) throw new Error(`${label} must be a Float64Array`);
  if (v.length !== w.n) throw new Error(`${label}: ${v.length} values for ${w.n} areas`);
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new Error(`${label} for area "${w.ids[i]}" is missing or not a finite number`);
  }
}

/** Warnings that do not stop a run but that a user should see next to the map. */
export function requestWarnings(req: NormalisedRequest): string[] {
  const warnings: string[] = [];
  const x = req.x;
  let allCounts = true;
  let negative = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isInteger(x[i]) || x[i] < 0) allCounts = false;
    if (x[i] < 0) negative = true;
  }
  if (allCounts) {
    warnings.push('The values are all whole numbers ≥ 0: if they are raw counts, hotspots will mostly show where many people live. Test a rate or ratio instead.');
  }
  if (negative && (req.stat === 'gistar' || req.stat === 'gi')) {
    warnings.push('Getis–Ord G assumes values ≥ 0; some are negative, so G itself is hard to read (its z-score and p-value are still valid).');
  }
  const islands = req.weights.islands.length;
  if (islands > 0) {
    const names = Array.from(req.weights.islands.slice(0, 5), (i) => req.weights.ids[i]).join(', ');
    warnings.push(`${islands} area${islands === 1 ? ' has' : 's have'} no neighbours and ${islands === 1 ? 'is' : 'are'} not tested (${names}${islands > 5 ? ', …' : ''}); use the kNN fallback to include ${islands === 1 ? 'it' : 'them'}.`);
  }
  return warnings;
}
