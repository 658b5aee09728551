/**
 * Issue 14's figures, in node (the worker runs the same code): one evaluation of a ward-sized panel,
 * 6,784 areas × 8 quarters, 200 intervention areas, from matching to the 999-replicate cluster
 * bootstrap. Reported separately: the whole run, the same without the bootstrap, and variants with
 * 5 % of area-quarters missing (unbalanced: each bootstrap replicate sweeps the fixed effects again)
 * and with every other ward as a comparison area. Panels come from simulated-panel.ts (seeded).
 *
 * `benchEvaluation()` returns the figures; `npm run bench -- evaluation` prints them as JSON.
 */
import { runEvaluation, type EvaluationInput } from '../../src/analysis/evaluation/run-evaluation';
import { simulatePanel } from '../../src/analysis/evaluation/simulated-panel';

const WARDS = 6784;
const round = (x: number) => Math.round(x);

function input(missing: number, matched: boolean, bootstrap: boolean): EvaluationInput {
  const s = simulatePanel({ areas: WARDS, periods: 8, baselinePeriods: 4, treatedAreas: 200, effect: 3, seed: 1, selectOnCovariates: true, missing });
  return {
    panel: s.panel, treatedCodes: s.treatedCodes, windows: { baseline: ['2020 Q1', '2020 Q4'], followup: ['2021 Q1', '2021 Q4'] },
    comparison: matched
      ? { method: 'nearest', matchOn: ['baseline', 'imd', 'smoking', 'population'], exact: null, distance: 'scaled-euclidean', ratio: 1, replace: false, caliper: 0.5 }
      : { method: 'all' },
    covariates: [{ id: 'imd', label: 'IMD', values: s.imd }, { id: 'smoking', label: 'Smoking', values: s.smoking }, { id: 'population', label: 'Residents', values: s.population }],
    population: s.population, populationWeights: false, bootstrap: bootstrap ? { replicates: 999, seed: 1 } : null, chosenOnOutcome: false, outcomeLabel: 'Outcome',
  };
}

function time(inp: EvaluationInput, reps = 3): { ms: number; treated: number; comparison: number } {
  const times: number[] = [];
  let r = runEvaluation(inp);
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    r = runEvaluation(inp);
    times.push(performance.now() - t);
  }
  return { ms: round(times.sort((a, b) => a - b)[Math.floor(reps / 2)]), treated: r.counts.treated, comparison: r.counts.comparison };
}

export async function benchEvaluation(): Promise<Record<string, unknown>> {
  return {
    panel: `${WARDS} areas × 8 quarters, 200 intervention areas; median of 3 runs after a warm-up`,
    matched1to1WithBootstrap999: time(input(0, true, true)),
    matched1to1NoBootstrap: time(input(0, true, false)),
    matched1to1Missing5pcWithBootstrap999: time(input(0.05, true, true)),
    allComparisonsWithBootstrap999: time(input(0, false, true)),
    allComparisonsMissing5pcWithBootstrap999: time(input(0.05, false, true), 1),
  };
}
