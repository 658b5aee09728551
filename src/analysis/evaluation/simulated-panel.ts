/**
 * Panels with a known programme effect, for the simulation tests, the R parity tests and the bench:
 * y = area level (correlated with two covariates) + common period shocks + effect × intervention ×
 * follow-up + area-specific AR(1) noise whose size varies by area. Seeded, so every run of a test
 * sees the same panels.
 */
import { createPrng, type Prng } from '../stats/prng';
import type { Panel } from './panel';

export interface SimulationSettings {
  areas: number;
  periods: number;
  /** Periods before the programme starts (the rest are follow-up). */
  baselinePeriods: number;
  treatedAreas: number;
  effect: number;
  seed: number;
  /** AR(1) coefficient of the noise within an area (serial correlation). */
  rho?: number;
  /** Intervention areas are chosen among those with high covariate values (selection on observables). */
  selectOnCovariates?: boolean;
  /** Share of area-periods left missing. */
  missing?: number;
}

export interface SimulatedPanel {
  panel: Panel;
  treatedCodes: string[];
  /** Two area covariates ("imd", "smoking") that drive the area level, and residents. */
  imd: Float64Array;
  smoking: Float64Array;
  population: Float64Array;
}

/** Standard normal draws (Box–Muller on the seeded generator). */
export function normalSource(rng: Prng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = (rng.nextUint32() + 1) / 4294967297;
    const v = rng.nextUint32() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export function simulatePanel(s: SimulationSettings): SimulatedPanel {
  const rng = createPrng(s.seed, 7);
  const z = normalSource(rng);
  const nA = s.areas;
  const nP = s.periods;
  const rho = s.rho ?? 0.3;
  const width = String(nA).length;
  const areas = Array.from({ length: nA }, (_, i) => `A${String(i).padStart(width, '0')}`);
  const periods = Array.from({ length: nP }, (_, p) => `${2020 + Math.floor(p / 4)} Q${(p % 4) + 1}`);
  const imd = Float64Array.from({ length: nA }, () => 25 + 12 * z());
  const smoking = Float64Array.from(imd, (x) => 12 + 0.2 * (x - 25) + 2.5 * z());
  const population = Float64Array.from({ length: nA }, () => Math.round(6000 + 2500 * Math.abs(z())));
  const level = Float64Array.from(imd, (x, i) => 50 + 1.5 * (x - 25) + 2 * (smoking[i] - 12) + 5 * z());
  const shock = Float64Array.from({ length: nP }, (_, p) => 0.8 * p + 2 * z());
  const noiseSd = Float64Array.from({ length: nA }, () => 2 + 2 * Math.abs(z()));

  // Intervention areas: a random draw, or (selection on observables) drawn from the top half by IMD.
  const order = Array.from({ length: nA }, (_, i) => i);
  for (let i = nA - 1; i > 0; i--) {
    const j = rng.nextBelow(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const candidates = s.selectOnCovariates ? order.filter((i) => imd[i] > 25) : order;
  const treated = new Set(candidates.slice(0, s.treatedAreas));

  const value = new Float64Array(nA * nP);
  for (let a = 0; a < nA; a++) {
    let e = z() * noiseSd[a];
    for (let p = 0; p < nP; p++) {
      if (p > 0) e = rho * e + Math.sqrt(1 - rho * rho) * noiseSd[a] * z();
      const effect = treated.has(a) && p >= s.baselinePeriods ? s.effect : 0;
      value[a * nP + p] = level[a] + shock[p] + effect + e;
      if (s.missing && rng.nextUint32() / 4294967296 < s.missing) value[a * nP + p] = NaN;
    }
  }
  return {
    panel: { areas, periods, value, numerator: null, denominator: null, multiplier: null },
    treatedCodes: [...treated].sort((x, y) => x - y).map((i) => areas[i]),
    imd, smoking, population,
  };
}
