import { describe, expect, it } from 'vitest';
import { createPrng } from '../stats/prng';
import { normalSource } from './simulated-panel';
import { fitTwoWay, type TwoWayDesign } from './two-way-fit';

/**
 * An independent, naive reference: the full dummy-variable design (intercept, area and period
 * dummies, x) solved by Gaussian elimination on the weighted normal equations, and the clustered
 * sandwich (X'WX)⁻¹ (Σ_g s_g s_gᵀ) (X'WX)⁻¹ with s_g = Σ_{i ∈ g} w_i x_i e_i, as sandwich computes it.
 */
function dense(d: TwoWayDesign) {
  const nP = d.nPeriods;
  const obs: number[] = [];
  for (let a = 0; a < d.nAreas; a++) for (let p = 0; p < nP; p++) if (d.weight[a] > 0 && d.use[a * nP + p] && Number.isFinite(d.y[a * nP + p])) obs.push(a * nP + p);
  const areas = [...new Set(obs.map((k) => Math.floor(k / nP)))];
  const periods = [...new Set(obs.map((k) => k % nP))].sort((a, b) => a - b);
  const row = (k: number) => [1, ...areas.slice(1).map((a) => (Math.floor(k / nP) === a ? 1 : 0)), ...periods.slice(1).map((p) => (k % nP === p ? 1 : 0)), ...d.x.map((x) => x[k])];
  const X = obs.map(row);
  const w = obs.map((k) => d.weight[Math.floor(k / nP)]);
  const K = X[0].length;
  const A = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => X.reduce((s, r, n) => s + w[n] * r[i] * r[j], 0)));
  const inv = gaussInverse(A);
  const b = inv.map((r) => r.reduce((s, v, j) => s + v * X.reduce((t, x, n) => t + w[n] * x[j] * d.y[obs[n]], 0), 0));
  const e = X.map((r, n) => d.y[obs[n]] - r.reduce((s, v, j) => s + v * b[j], 0));
  const scores = new Map<number, number[]>();
  X.forEach((r, n) => {
    const g = Math.floor(obs[n] / nP);
    const s = scores.get(g) ?? new Array<number>(K).fill(0);
    r.forEach((v, j) => (s[j] += w[n] * v * e[n]));
    scores.set(g, s);
  });
  const meat = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => [...scores.values()].reduce((t, s) => t + s[i] * s[j], 0)));
  const V = inv.map((r) => Array.from({ length: K }, (_, j) => r.reduce((t, v, u) => t + v * meat[u].reduce((z, m, s) => z + m * inv[s][j], 0), 0)));
  const n = obs.length;
  const G = scores.size;
  const last = K - d.x.length;
  return { coef: b.slice(last), V: V.slice(last).map((r) => r.slice(last)), n, K, G };
}

function gaussInverse(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const pv = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= pv;
    for (let r = 0; r < n; r++) if (r !== c) {
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((r) => r.slice(n));
}

function design(seed: number, opts: { missing: number; weights: boolean; q: number }): TwoWayDesign {
  const rng = createPrng(seed);
  const z = normalSource(rng);
  const nA = 24;
  const nP = 6;
  const y = new Float64Array(nA * nP);
  const use = new Uint8Array(nA * nP).fill(1);
  const x = Array.from({ length: opts.q }, () => new Float64Array(nA * nP));
  for (let a = 0; a < nA; a++) {
    const treated = a < 9;
    for (let p = 0; p < nP; p++) {
      const k = a * nP + p;
      y[k] = a * 0.3 + p + (treated && p >= 3 ? 2 : 0) + z() * (1 + (a % 4));
      if (opts.q === 1) x[0][k] = treated && p >= 3 ? 1 : 0;
      else x.forEach((col, j) => (col[k] = treated && p === (j < 2 ? j : j + 1) ? 1 : 0));
      if (rng.nextUint32() / 2 ** 32 < opts.missing) y[k] = NaN;
    }
  }
  const weight = Float64Array.from({ length: nA }, (_, a) => (opts.weights ? 0.5 + (a % 5) : 1));
  return { nAreas: nA, nPeriods: nP, y, use, weight, x };
}

describe('fitTwoWay against the full dummy-variable regression', () => {
  for (const [name, opts] of [
    ['balanced, unweighted', { missing: 0, weights: false, q: 1 }],
    ['unbalanced (15 % missing), weighted', { missing: 0.15, weights: true, q: 1 }],
    ['event-study terms, unbalanced, weighted', { missing: 0.1, weights: true, q: 5 }],
  ] as const) {
    it(name, () => {
      const d = design(11, opts);
      const fit = fitTwoWay(d);
      const ref = dense(d);
      const q = d.x.length;
      expect(fit.nObs).toBe(ref.n);
      expect(fit.k).toBe(ref.K);
      expect(fit.nClusters).toBe(ref.G);
      const adjLm = ((ref.n - 1) / (ref.n - ref.K)) * (ref.G / (ref.G - 1));
      const adjNested = ((ref.n - 1) / (ref.n - (ref.K - ref.G + 1))) * (ref.G / (ref.G - 1));
      for (let i = 0; i < q; i++) {
        expect(fit.coef[i]).toBeCloseTo(ref.coef[i], 9);
        for (let j = 0; j < q; j++) {
          expect(fit.vcovLm[i * q + j]).toBeCloseTo(ref.V[i][j] * adjLm, 9);
          expect(fit.vcov[i * q + j]).toBeCloseTo(ref.V[i][j] * adjNested, 9);
        }
      }
    });
  }

  it('reports a regressor the fixed effects absorb as NaN instead of failing', () => {
    const d = design(3, { missing: 0, weights: false, q: 1 });
    d.x.push(Float64Array.from(d.y, (_, k) => (k % d.nPeriods === 2 ? 1 : 0))); // a period dummy
    const fit = fitTwoWay(d);
    expect(Number.isFinite(fit.coef[0])).toBe(true);
    expect(fit.coef[1]).toBeNaN();
  });
});
