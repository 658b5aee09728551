import { describe, expect, it } from 'vitest';
import { createPrng } from '../stats/prng';
import { areaCrossProducts, clusterBootstrap, quantile7 } from './cluster-bootstrap';
import { twfeDid, type RegressionSetup } from './panel-regressions';
import { simulatePanel } from './simulated-panel';
import { resolveWindows } from './windows';

function setup(missing: number): RegressionSetup {
  const sim = simulatePanel({ areas: 90, periods: 7, baselinePeriods: 3, treatedAreas: 20, effect: 2, seed: 8, missing });
  const treated = new Set(sim.treatedCodes);
  return {
    panel: sim.panel,
    windows: resolveWindows(sim.panel.periods, { baseline: ['2020 Q1', '2020 Q3'], followup: ['2021 Q1', '2021 Q3'] }),
    group: Int8Array.from(sim.panel.areas, (a) => (treated.has(a) ? 1 : 2)),
    weight: Float64Array.from(sim.panel.areas, (_, i) => 0.5 + (i % 4)),
  };
}

describe('cluster bootstrap', () => {
  it('each replicate\'s exact solver gives the two-way FE coefficient for any area weights (unbalanced panel)', () => {
    const s = setup(0.15);
    const rng = createPrng(2);
    const areas = [...s.panel.areas.keys()];
    const solver = areaCrossProducts(s, areas, [...s.windows.pre, ...s.windows.post], new Set(s.windows.post));
    for (let rep = 0; rep < 5; rep++) {
      const w = Float64Array.from(areas, (a) => (rng.nextBelow(3) === 0 ? 0 : s.weight[a] * (1 + rng.nextBelow(3))));
      const fit = twfeDid({ ...s, weight: w, group: Int8Array.from(s.group, (g, a) => (w[a] > 0 ? g : 0)) });
      expect(solver.solve((a) => w[a])).toBeCloseTo(fit.estimate, 9);
    }
  });

  it('is reproducible from its seed and centred on the estimate', () => {
    for (const missing of [0, 0.1]) {
      const s = setup(missing);
      const a = clusterBootstrap(s, { replicates: 499, seed: 3 });
      const b = clusterBootstrap(s, { replicates: 499, seed: 3 });
      expect(Array.from(a.draws)).toEqual(Array.from(b.draws));
      expect(a.valid).toBe(499);
      const est = twfeDid(s);
      expect(a.lower).toBeLessThan(est.estimate);
      expect(a.upper).toBeGreaterThan(est.estimate);
      // the bootstrap SE is close to the clustered SE (same sampling variance, different estimator)
      expect(a.se / est.se).toBeGreaterThan(0.75);
      expect(a.se / est.se).toBeLessThan(1.25);
      expect(clusterBootstrap(s, { replicates: 499, seed: 4 }).draws).not.toEqual(a.draws);
    }
  });

  it('takes quantiles as R\'s type 7', () => {
    const x = Float64Array.from([1, 2, 3, 4, 10]);
    expect(quantile7(x, 0)).toBe(1);
    expect(quantile7(x, 0.5)).toBe(3);
    expect(quantile7(x, 0.9)).toBeCloseTo(4 + 0.6 * 6, 12);
    expect(quantile7(x, 1)).toBe(10);
  });
});
