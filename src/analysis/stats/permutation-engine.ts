/**
 * The one conditional-permutation engine. Every local statistic here is, for area i,
 *
 *     stat_i = slope_i · Σ_j w_ij v_j      over i's links,
 *
 * and plugs in as a `LagKernel` (v and slope). Conditional permutation keeps area i and redraws the
 * values on its k_i links, without replacement, from the other n − 1 areas (for Gi*, whose links
 * include i itself, the self link is redrawn too; see getis-ord.ts).
 *
 * Why it is fast: weights are binary or row-standardised, so every link of row i weighs the same c_i
 * and stat_i = slope_i c_i · (sum of k_i drawn values). Draws are shared between areas, as PySAL
 * esda's `crand` shares them: each permutation is the start of one random ordering of all n areas, and
 * area i takes its first k_i entries with i itself skipped (if i is among them the next entry stands
 * in, which still gives a uniform k_i-subset of the others). So the null sums for cardinality k are
 * one sorted column shared by every area with k links, and an area's counts are two binary searches
 * plus a fix-up for the few permutations that drew the area itself: O(n log P), not O(n P k).
 *
 * Counts compare sums, not products, and sums within a few units of rounding of the observed one
 * (the same values added in another order) count as ties, on both sides. Integer data are judged
 * exactly; spdep and PySAL compare floats as they come, which only differs in such exact-tie cases.
 *
 * Sharing draws correlates areas' Monte Carlo errors, which makes the number of significant areas
 * swing from seed to seed. Areas are therefore spread over up to 16 independent draw streams
 * (area i uses stream i mod G), as many as fit a fixed budget of draws, which shrinks that swing.
 *
 * Draws depend only on (seed, stream, P, n, widest row), never on which areas are asked for, so areas
 * split across workers get exactly the numbers one thread would.
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import { emptyPart, type PermutationPart, type PermutationShare } from './permutation-part';
import { DrawTable } from './permutation-draws';
import { Moments, rankBounds, SelfHits } from './permutation-tallies';
import { createPrng } from './prng';

export type { PermutationPart } from './permutation-part';

/** The parts of a weights object the engine reads (what a worker needs to be sent). */
export type LinkTable = Pick<SpatialWeights, 'n' | 'offsets' | 'neighbours' | 'weights'> & { ids?: readonly string[] };

export interface LagKernel {
  /** Values drawn onto the links (length n). */
  values: Float64Array;
  /** Per-area multiplier of the weighted sum (length n). */
  slope: Float64Array;
}

export interface PermutationOptions {
  permutations: number;
  seed: number;
  /** Only areas start .. end − 1 (default: all) in draw streams streamFrom .. streamTo − 1 (default: all). */
  start?: number;
  end?: number;
  streamFrom?: number;
  streamTo?: number;
  onProgress?: (done: number, total: number) => void;
}

export const MIN_PERMUTATIONS = 99;
export const MAX_PERMUTATIONS = 99_999;

export function assertPermutations(p: number): void {
  if (!Number.isInteger(p) || p < MIN_PERMUTATIONS || p > MAX_PERMUTATIONS) {
    throw new Error(`permutations must be a whole number from ${MIN_PERMUTATIONS} to ${MAX_PERMUTATIONS} (got ${p})`);
  }
}

/** Table entries per block (draws, sums and sorted sums: about 40 MB at most). */
const BLOCK_ENTRIES = 1 << 21;
/** Draws across all streams: P × (widest row + 1) × streams stays near this. */
const STREAM_BUDGET = 1 << 21;
const MAX_STREAMS = 16;

export function drawStreams(permutations: number, widest: number): number {
  return Math.max(1, Math.min(MAX_STREAMS, Math.floor(STREAM_BUDGET / (permutations * (widest + 1)))));
}

/** The draw streams a run on these weights uses (for splitting it with splitShares). */
export function streamsFor(w: LinkTable, permutations: number): number {
  let width = 0;
  for (let i = 0; i < w.n; i++) width = Math.max(width, w.offsets[i + 1] - w.offsets[i]);
  return drawStreams(permutations, width);
}

export function permute(kernel: LagKernel, w: LinkTable, opts: PermutationOptions): PermutationPart {
  const P = opts.permutations;
  assertPermutations(P);
  const { n, offsets } = w;
  const start = opts.start ?? 0;
  const end = opts.end ?? n;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= n)) throw new Error(`permutations: bad area range ${start}..${end} of ${n}`);
  if (kernel.values.length !== n || kernel.slope.length !== n) throw new Error('permutations: kernel arrays must have one value per area');
  const v = kernel.values;
  const c = rowConstants(w);
  let width = 0;
  for (let i = 0; i < n; i++) width = Math.max(width, offsets[i + 1] - offsets[i]);
  if (width > n - 1) throw new Error(`permutations: an area has ${width} links but only ${n - 1} other areas to draw from`);
  const G = drawStreams(P, width);
  const share: PermutationShare = { start, end, streamFrom: opts.streamFrom ?? 0, streamTo: opts.streamTo ?? G };
  if (!(Number.isInteger(share.streamFrom) && Number.isInteger(share.streamTo) && 0 <= share.streamFrom && share.streamFrom <= share.streamTo && share.streamTo <= G)) {
    throw new Error(`permutations: bad stream range ${share.streamFrom}..${share.streamTo} of ${G}`);
  }
  const part = emptyPart(share, P, G);
  const m = end - start;
  // Observed sums, the direction in which a larger sum means a larger statistic, and the tie
  // tolerance: adding k values of size ≤ M in another order moves the sum by less than k² M ε.
  const sObs = new Float64Array(m);
  const dir = new Int8Array(m);
  const tie = new Float64Array(m);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(v[i]));
  for (let q = 0; q < m; q++) {
    const i = start + q;
    const k = offsets[i + 1] - offsets[i];
    tie[q] = 4 * k * k * maxAbs * Number.EPSILON;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) sObs[q] += v[w.neighbours[e]];
    const f = kernel.slope[i] * c[i];
    dir[q] = f > 0 ? 1 : f < 0 ? -1 : 0;
  }

  const stride = width + 1;
  const R = Math.max(1, Math.min(P, Math.floor(BLOCK_ENTRIES / stride)));
  const blocks = Math.ceil(P / R);
  const table = new Int32Array(R * stride);
  // sums[k * R + r]: sum of the first k drawn values of permutation r (k = 1 .. width).
  const sums = new Float64Array(stride * R);
  const sorted = new Float64Array(stride * R);
  const hits = new SelfHits(n, R * width);
  const draws = new DrawTable(n, stride);
  const moments = new Moments(width, m);
  const firstOf = (g: number) => start + ((g - (start % G) + G) % G);
  let done = 0;
  const mine = share.streamTo - share.streamFrom;
  for (let g = share.streamFrom; g < share.streamTo; g++) {
    if (firstOf(g) >= end) continue;
    const prng = createPrng(opts.seed, g);
    moments.resetShared();
    for (let b = 0; b < blocks; b++) {
      const rows = Math.min(R, P - b * R);
      draws.fill(prng, rows, table);
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let j = 0; j < width; j++) {
          s += v[table[r * stride + j]];
          sums[(j + 1) * R + r] = s;
        }
      }
      moments.addBlock(sums, R, rows, b === 0);
      sorted.set(sums);
      for (let k = 1; k <= width; k++) sorted.subarray(k * R, k * R + rows).sort();
      hits.index(table, stride, width, rows);
      for (let i = firstOf(g); i < end; i += G) {
        const k = offsets[i + 1] - offsets[i];
        if (k === 0) continue;
        const q = i - start;
        const t = sObs[q];
        const d = dir[q];
        const tq = tie[q];
        const { below, notAbove } = rankBounds(sorted.subarray(k * R, k * R + rows), t - tq, t + tq);
        let ge = d > 0 ? rows - below : d < 0 ? notAbove : rows;
        let le = d > 0 ? notAbove : d < 0 ? rows - below : rows;
        for (let h = hits.offsets[i]; h < hits.offsets[i + 1]; h++) {
          if (hits.pos[h] >= k) continue;
          // This permutation drew area i itself: the next drawn area takes its place.
          const r = hits.rows[h];
          const orig = sums[k * R + r];
          const fixed = orig - v[i] + v[table[r * stride + k]];
          ge += tally(fixed, t, tq, d) - tally(orig, t, tq, d);
          le += tally(fixed, t, tq, -d) - tally(orig, t, tq, -d);
          moments.adjust(q, k, orig, fixed);
        }
        part.atLeast[q] += ge;
        part.atMost[q] += le;
      }
      opts.onProgress?.(++done, mine * blocks);
    }
    for (let i = firstOf(g); i < end; i += G) {
      const q = i - start;
      const k = offsets[i + 1] - offsets[i];
      if (k === 0) continue;
      const f = kernel.slope[i] * c[i];
      const { mean, sd } = moments.of(q, k, P);
      part.simMean[q] = f * mean;
      part.simSd[q] = Math.abs(f) * sd;
    }
  }
  for (let q = 0; q < m; q++) {
    if (offsets[start + q + 1] > offsets[start + q]) continue;
    part.atLeast[q] = part.atMost[q] = -1;
    part.simMean[q] = part.simSd[q] = NaN;
  }
  opts.onProgress?.(mine * blocks, mine * blocks);
  return part;
}

/** 1 if a permuted sum reaches the observed one (within the tie tolerance) in direction `dir` (+1 ≥, −1 ≤, 0 always). */
function tally(sum: number, obs: number, tie: number, dir: number): number {
  return dir > 0 ? (sum >= obs - tie ? 1 : 0) : dir < 0 ? (sum <= obs + tie ? 1 : 0) : 1;
}

/** The common weight of each row's links; binary and row-standardised weights always have one. */
function rowConstants(w: LinkTable): Float64Array {
  const c = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    const o = w.offsets[i];
    for (let e = o + 1; e < w.offsets[i + 1]; e++) {
      if (w.weights[e] !== w.weights[o]) throw new Error(`permutations: links of area "${w.ids?.[i] ?? i + 1}" have different weights; only binary or row-standardised weights are supported`);
    }
    c[i] = o < w.offsets[i + 1] ? w.weights[o] : 0;
  }
  return c;
}
