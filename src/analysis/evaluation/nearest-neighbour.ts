/**
 * Greedy nearest-neighbour matching of intervention areas to comparison areas, following MatchIt
 * 4.5's `method = "nearest"` with a covariate distance (so `m.order = "data"`): intervention areas
 * are taken in data order; without replacement the k matches are made in k rounds (every area gets
 * its first match before any gets its second), each area taking the nearest comparison area not yet
 * used; with replacement each takes its k nearest. Candidates must share the exact-match group and
 * lie within the caliper on every covariate. Ties go to the comparison area that comes first in
 * data order, on both sides of the parity test.
 */
import { distanceSpace, sampleSd, type DistanceKind } from './matching-distance';

export interface MatchSettings {
  distance: DistanceKind;
  /** Comparison areas per intervention area. */
  ratio: number;
  replace: boolean;
  /** Maximum difference on each covariate, in its standard deviations; null for none. */
  caliper: number | null;
}

export interface MatchInput {
  nAreas: number;
  /** 1 for intervention areas. */
  treated: Uint8Array;
  /** 1 for areas that may be matched (intervention areas with data, and candidate comparison areas). */
  eligible: Uint8Array;
  /** Matching covariates, one value per area (areas with a NaN are left out of the matching). */
  covariates: Float64Array[];
  /** Exact-match group per area (e.g. region); -1 leaves an area out; null for no exact matching. */
  exact: Int32Array | null;
}

export interface MatchOutput {
  /** Intervention areas in the matching, in data order, and their matches (area indices). */
  treated: Int32Array;
  matches: Int32Array[];
  /** MatchIt's matching weights (0 for areas not matched). */
  weights: Float64Array;
  /** Intervention areas left without a match (outside the caliper, no candidate in their group). */
  unmatched: number[];
  /** Intervention areas left out because a covariate or the group is missing. */
  missing: number[];
}

export function nearestNeighbourMatch(input: MatchInput, s: MatchSettings): MatchOutput {
  if (!(Number.isInteger(s.ratio) && s.ratio >= 1)) throw new Error(`the matching ratio must be a whole number of at least 1 (got ${s.ratio})`);
  if (s.caliper !== null && !(s.caliper > 0)) throw new Error(`the caliper must be a positive number of standard deviations (got ${s.caliper})`);
  const { nAreas, treated } = input;
  const complete = (a: number) => input.covariates.every((x) => Number.isFinite(x[a])) && (!input.exact || input.exact[a] >= 0);
  const rows: number[] = [];
  const missing: number[] = [];
  for (let a = 0; a < nAreas; a++) {
    if (!input.eligible[a]) continue;
    if (complete(a)) rows.push(a);
    else if (treated[a]) missing.push(a);
  }
  const sample = Int32Array.from(rows);
  // Plain arrays: a typed array's map would truncate distances to integers.
  const t1 = rows.filter((a) => treated[a] === 1);
  const c0 = rows.filter((a) => treated[a] !== 1);
  if (!t1.length) throw new Error('no intervention area has every matching covariate');
  if (!c0.length) throw new Error('no comparison area has every matching covariate');
  const { coords, dims } = distanceSpace(input.covariates, sample, treated, s.distance, nAreas);
  const caliper = s.caliper === null ? [] : input.covariates
    .map((x) => ({ x, width: s.caliper! * sampleSd(x, sample) }))
    .filter(({ x, width }) => width > 0 && !rows.every((r) => x[r] === 0 || x[r] === 1));
  const dist = (a: number, b: number) => {
    let d = 0;
    for (let j = 0; j < dims; j++) d += (coords[a * dims + j] - coords[b * dims + j]) ** 2;
    return Math.sqrt(d);
  };
  const candidates = (t: number) => c0.filter((c) => (!input.exact || input.exact[c] === input.exact[t]) && caliper.every(({ x, width }) => Math.abs(x[c] - x[t]) <= width));

  const matches: number[][] = Array.from(t1, () => []);
  if (s.replace) {
    t1.forEach((t, i) => {
      const ok = candidates(t);
      const d = ok.map((c) => dist(t, c));
      const order = ok.map((_, j) => j).filter((j) => Number.isFinite(d[j])).sort((x, y) => d[x] - d[y] || x - y);
      matches[i] = order.slice(0, s.ratio).map((j) => ok[j]);
    });
  } else {
    const used = new Uint8Array(nAreas);
    const pool = new Map<number, Int32Array>();
    t1.forEach((t) => pool.set(t, Int32Array.from(candidates(t))));
    // Exact groups are matched separately in MatchIt; a round stops once its group has no unused area.
    const left = new Map<number, number>();
    const group = (a: number) => (input.exact ? input.exact[a] : 0);
    for (const c of c0) left.set(group(c), (left.get(group(c)) ?? 0) + 1);
    for (let round = 0; round < s.ratio; round++) {
      const exhausted = new Set<number>();
      t1.forEach((t, i) => {
        const g = group(t);
        if (exhausted.has(g)) return;
        if (!left.get(g)) {
          exhausted.add(g);
          return;
        }
        let best = -1;
        let bestD = Infinity;
        for (const c of pool.get(t)!) {
          if (used[c] || matches[i].includes(c)) continue;
          const d = dist(t, c);
          if (d < bestD) {
            best = c;
            bestD = d;
          }
        }
        if (best < 0) return;
        matches[i].push(best);
        used[best] = 1;
        left.set(g, left.get(g)! - 1);
      });
    }
  }
  const unmatched = t1.filter((_, i) => !matches[i].length);
  return { treated: Int32Array.from(t1), matches: matches.map((m) => Int32Array.from(m)), weights: matchWeights(nAreas, t1, matches), unmatched, missing };
}

/**
 * MatchIt's weights: each matched intervention area 1; each comparison area the sum, over the
 * intervention areas it was matched to, of 1 / (that area's number of matches); then comparison
 * weights are scaled to add up to the number of comparison areas used.
 */
function matchWeights(nAreas: number, treated: ArrayLike<number>, matches: ArrayLike<number>[]): Float64Array {
  const w = new Float64Array(nAreas);
  const controls = new Set<number>();
  let sum = 0;
  for (let i = 0; i < treated.length; i++) {
    const m = matches[i];
    if (!m.length) continue;
    w[treated[i]] += 1;
    for (let j = 0; j < m.length; j++) {
      w[m[j]] += 1 / m.length;
      sum += 1 / m.length;
      controls.add(m[j]);
    }
  }
  if (sum > 0) for (const c of controls) w[c] *= controls.size / sum;
  return w;
}
