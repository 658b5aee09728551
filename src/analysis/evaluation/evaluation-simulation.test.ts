/**
 * Simulation: panels generated here with a known effect (simulated-panel.ts: area levels tied to two
 * covariates, common period shocks, serially correlated noise whose size varies by area).
 *  - With an effect, the estimate recovers it (inside its interval) and is unbiased over replications.
 *  - With no effect, the 95 % intervals cover zero in about 95 % of 1,000 seeded replications: the
 *    count must lie in the central 99 % binomial band of Binomial(1000, 0.95), 932 to 968.
 * The counts found are printed (and quoted in the report).
 */
import { describe, expect, it } from 'vitest';
import { runEvaluation, type EvaluationInput } from './run-evaluation';
import { simulatePanel, type SimulationSettings } from './simulated-panel';

function evaluate(s: SimulationSettings, extra: Partial<EvaluationInput> = {}) {
  const sim = simulatePanel(s);
  const p = sim.panel.periods;
  return runEvaluation({
    panel: sim.panel, treatedCodes: sim.treatedCodes,
    windows: { baseline: [p[0], p[s.baselinePeriods - 1]], followup: [p[s.baselinePeriods], p[p.length - 1]] },
    comparison: { method: 'all' }, covariates: [{ id: 'imd', label: 'IMD', values: sim.imd }, { id: 'smoking', label: 'Smoking', values: sim.smoking }],
    population: sim.population, populationWeights: false, bootstrap: null, chosenOnOutcome: false, outcomeLabel: 'Outcome', ...extra,
  });
}

/** Central band of Binomial(n, p) holding at least `mass` of the probability (exact, by summing the pmf). */
function binomialBand(n: number, p: number, mass: number): [number, number] {
  const pmf: number[] = [];
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    pmf.push(Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p)));
  }
  let lo = 0;
  let cum = 0;
  while (cum + pmf[lo] < (1 - mass) / 2) cum += pmf[lo++];
  let hi = n;
  cum = 0;
  while (cum + pmf[hi] < (1 - mass) / 2) cum += pmf[hi--];
  return [lo, hi];
}

describe('simulation: recovering a known effect', () => {
  it('recovers an injected effect of 4 with matched comparison areas (selection on covariates)', () => {
    const estimates: number[] = [];
    let inside = 0;
    for (let r = 0; r < 100; r++) {
      const res = evaluate({ areas: 400, periods: 8, baselinePeriods: 4, treatedAreas: 40, effect: 4, seed: 1000 + r, selectOnCovariates: true }, {
        comparison: { method: 'nearest', matchOn: ['baseline', 'imd', 'smoking'], exact: null, distance: 'scaled-euclidean', ratio: 2, replace: false, caliper: 0.5 },
      });
      estimates.push(res.twfe.estimate);
      if (res.twfe.lower <= 4 && res.twfe.upper >= 4) inside++;
    }
    const mean = estimates.reduce((s, v) => s + v, 0) / estimates.length;
    const sd = Math.sqrt(estimates.reduce((s, v) => s + (v - mean) ** 2, 0) / (estimates.length - 1));
    console.log(`injected effect 4: mean estimate ${mean.toFixed(3)} (sd ${sd.toFixed(3)}), interval holds 4 in ${inside}/100`);
    // bias within 3 Monte Carlo standard errors of zero
    expect(Math.abs(mean - 4)).toBeLessThan((3 * sd) / Math.sqrt(estimates.length));
    expect(inside).toBeGreaterThanOrEqual(binomialBand(100, 0.95, 0.99)[0]);
  });

  it('the 2×2 on window means equals the two-way fixed-effects estimate on a balanced panel', () => {
    const res = evaluate({ areas: 80, periods: 6, baselinePeriods: 3, treatedAreas: 15, effect: 2, seed: 5 });
    expect(res.did.estimate).toBeCloseTo(res.twfe.estimate, 10);
    expect(res.did.estimate).toBeCloseTo(res.did.treated.change - res.did.comparison.change, 12);
  });
});

describe('simulation: coverage with no effect', () => {
  const [lo, hi] = binomialBand(1000, 0.95, 0.99);

  it(`clustered intervals cover zero in ${lo}–${hi} of 1,000 replications (8 quarters, 20 vs 40 areas)`, () => {
    let twfe = 0;
    let did = 0;
    for (let r = 0; r < 1000; r++) {
      const res = evaluate({ areas: 60, periods: 8, baselinePeriods: 4, treatedAreas: 20, effect: 0, seed: r + 1 });
      if (res.twfe.lower <= 0 && res.twfe.upper >= 0) twfe++;
      if (res.did.lower <= 0 && res.did.upper >= 0) did++;
    }
    console.log(`coverage, no effect, 8 periods: two-way FE ${twfe}/1000, 2×2 ${did}/1000 (band ${lo}–${hi})`);
    expect(twfe).toBeGreaterThanOrEqual(lo);
    expect(twfe).toBeLessThanOrEqual(hi);
    expect(did).toBeGreaterThanOrEqual(lo);
    expect(did).toBeLessThanOrEqual(hi);
  });

  it(`with one baseline and one follow-up period the interval still covers zero in ${lo}–${hi} of 1,000`, () => {
    let twfe = 0;
    for (let r = 0; r < 1000; r++) {
      const res = evaluate({ areas: 60, periods: 2, baselinePeriods: 1, treatedAreas: 20, effect: 0, seed: 5000 + r });
      if (res.twfe.lower <= 0 && res.twfe.upper >= 0) twfe++;
    }
    console.log(`coverage, no effect, 2 periods: two-way FE ${twfe}/1000 (band ${lo}–${hi})`);
    expect(twfe).toBeGreaterThanOrEqual(lo);
    expect(twfe).toBeLessThanOrEqual(hi);
  });

  it('the cluster bootstrap (999 replicates) covers zero in about 95 % of 400 replications', () => {
    const [blo, bhi] = binomialBand(400, 0.95, 0.99);
    let covered = 0;
    for (let r = 0; r < 400; r++) {
      const res = evaluate({ areas: 60, periods: 4, baselinePeriods: 2, treatedAreas: 20, effect: 0, seed: r + 1 }, { bootstrap: { replicates: 999, seed: r } });
      if (res.bootstrap!.lower <= 0 && res.bootstrap!.upper >= 0) covered++;
    }
    console.log(`coverage, no effect, bootstrap: ${covered}/400 (band ${blo}–${bhi})`);
    expect(covered).toBeGreaterThanOrEqual(blo);
    expect(covered).toBeLessThanOrEqual(bhi);
  });
});
