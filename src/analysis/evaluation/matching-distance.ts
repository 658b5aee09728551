/**
 * The distance between areas used to find comparison areas, defined exactly as MatchIt 4.5 defines
 * its `distance = "scaled_euclidean"` and `"mahalanobis"` (so matched sets can be checked against
 * it): covariates divided by their pooled within-group standard deviation (treated and untreated
 * areas each centred on their own mean; for 0/1 covariates the pooled binomial variance), or the
 * Mahalanobis distance with the pooled within-group covariance matrix. Covariates with no variation
 * are dropped, as MatchIt drops them. Calipers are in standard deviations of each covariate over
 * all areas in the matching (sd with n − 1, as MatchIt's `std.caliper`).
 */
import { invert } from './small-matrix';

export type DistanceKind = 'scaled-euclidean' | 'mahalanobis';

const isBinary = (x: Float64Array, rows: Int32Array) => rows.every((r) => x[r] === 0 || x[r] === 1);

function pooledVariance(x: Float64Array, rows: Int32Array, treated: Uint8Array): number {
  const n = rows.length;
  if (isBinary(x, rows)) {
    let v = 0;
    for (const g of [0, 1]) {
      let s = 0;
      let m = 0;
      for (const r of rows) {
        if (treated[r] !== g) continue;
        s += x[r];
        m++;
      }
      if (m) v += (s * (1 - s / m)) / n;
    }
    return v;
  }
  const sum = [0, 0];
  const cnt = [0, 0];
  for (const r of rows) {
    sum[treated[r]] += x[r];
    cnt[treated[r]]++;
  }
  const mean = [sum[0] / cnt[0], sum[1] / cnt[1]];
  let ss = 0;
  for (const r of rows) ss += (x[r] - mean[treated[r]]) ** 2;
  return ss / (n - (cnt[0] && cnt[1] ? 2 : 1));
}

/** Sample standard deviation (n − 1) over the rows. */
export function sampleSd(x: Float64Array, rows: Int32Array): number {
  let m = 0;
  for (const r of rows) m += x[r];
  m /= rows.length;
  let ss = 0;
  for (const r of rows) ss += (x[r] - m) ** 2;
  return Math.sqrt(ss / (rows.length - 1));
}

/**
 * Each area's position in a space where Euclidean distance is the matching distance: one row of
 * `dims` numbers per area (only the given rows are filled).
 */
export function distanceSpace(covariates: Float64Array[], rows: Int32Array, treated: Uint8Array, kind: DistanceKind, nAreas: number): { coords: Float64Array; dims: number } {
  const varying = covariates.filter((x) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      lo = Math.min(lo, x[r]);
      hi = Math.max(hi, x[r]);
    }
    return Math.abs(hi - lo) >= Math.sqrt(Number.EPSILON);
  });
  // Nothing varies: every distance is 0 (MatchIt falls back to plain Euclidean on the first column).
  const cols = varying.length ? varying : covariates.slice(0, 1);
  const p = cols.length;
  const coords = new Float64Array(nAreas * p);
  if (!varying.length || kind === 'scaled-euclidean') {
    cols.forEach((x, j) => {
      const sd = varying.length ? Math.sqrt(pooledVariance(x, rows, treated)) : 1;
      for (const r of rows) coords[r * p + j] = x[r] / sd;
    });
    return { coords, dims: p };
  }
  // Mahalanobis: S = pooled within-group covariance; z = Lᵀx with L Lᵀ = S⁻¹, so |za − zb| is the distance.
  const cnt = [0, 0];
  const mean = [new Float64Array(p), new Float64Array(p)];
  for (const r of rows) {
    cnt[treated[r]]++;
    cols.forEach((x, j) => (mean[treated[r]][j] += x[r]));
  }
  for (const g of [0, 1]) for (let j = 0; j < p; j++) mean[g][j] /= cnt[g] || 1;
  const s = new Float64Array(p * p);
  for (const r of rows) {
    for (let i = 0; i < p; i++) {
      const di = cols[i][r] - mean[treated[r]][i];
      for (let j = 0; j < p; j++) s[i * p + j] += di * (cols[j][r] - mean[treated[r]][j]);
    }
  }
  const groups = (cnt[0] ? 1 : 0) + (cnt[1] ? 1 : 0);
  for (let i = 0; i < p * p; i++) s[i] /= rows.length - groups;
  const sInv = invert(s, p);
  if (!sInv) throw new Error('the matching covariates are collinear (one is a combination of the others); leave one out');
  const l = cholesky(sInv, p);
  for (const r of rows) {
    for (let j = 0; j < p; j++) {
      let z = 0;
      for (let i = j; i < p; i++) z += l[i * p + j] * cols[i][r];
      coords[r * p + j] = z;
    }
  }
  return { coords, dims: p };
}

/** Lower-triangular L with L Lᵀ = A (A symmetric positive definite). */
function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(s > 0)) throw new Error('the matching covariates are collinear (one is a combination of the others); leave one out');
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / l[j * p + j];
    }
  }
  return l;
}
