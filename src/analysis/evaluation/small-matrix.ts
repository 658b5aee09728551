/**
 * Dense algebra for the handful of coefficients left once the fixed effects are swept out (the
 * treated × post term, or one term per event-study period): q is at most a few dozen, so plain
 * row-major Float64Arrays and Gauss–Jordan with partial pivoting are all that is needed.
 */

/** Inverse of a q × q matrix (row-major), or null when it is singular to working precision. */
export function invert(m: Float64Array, q: number): Float64Array | null {
  const a = Float64Array.from(m);
  const inv = new Float64Array(q * q);
  for (let i = 0; i < q; i++) inv[i * q + i] = 1;
  let scale = 0;
  for (let i = 0; i < q * q; i++) scale = Math.max(scale, Math.abs(a[i]));
  if (!(scale > 0)) return null;
  for (let col = 0; col < q; col++) {
    let pivot = col;
    for (let r = col + 1; r < q; r++) if (Math.abs(a[r * q + col]) > Math.abs(a[pivot * q + col])) pivot = r;
    const pv = a[pivot * q + col];
    if (Math.abs(pv) <= 1e-12 * scale) return null;
    if (pivot !== col) {
      for (let j = 0; j < q; j++) {
        [a[col * q + j], a[pivot * q + j]] = [a[pivot * q + j], a[col * q + j]];
        [inv[col * q + j], inv[pivot * q + j]] = [inv[pivot * q + j], inv[col * q + j]];
      }
    }
    for (let j = 0; j < q; j++) {
      a[col * q + j] /= pv;
      inv[col * q + j] /= pv;
    }
    for (let r = 0; r < q; r++) {
      if (r === col) continue;
      const f = a[r * q + col];
      if (f === 0) continue;
      for (let j = 0; j < q; j++) {
        a[r * q + j] -= f * a[col * q + j];
        inv[r * q + j] -= f * inv[col * q + j];
      }
    }
  }
  return inv;
}

/** The sub-matrix of the given rows and columns. */
export function subMatrix(a: Float64Array, q: number, idx: readonly number[]): Float64Array {
  const k = idx.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = a[idx[i] * q + idx[j]];
  return out;
}
