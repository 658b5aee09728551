/**
 * One evaluation, from the panel and the settings to every number the app, the headless command and
 * the exports show: comparison areas and weights, balance, the change in each group, the 2×2 and
 * two-way fixed-effects difference-in-differences with clustered intervals, per-period effects, the
 * pre-trend test, an optional seeded cluster bootstrap, and the warnings. Pure and deterministic:
 * the same input and seed give the same result in node, a worker and the tests.
 */
import { balanceRow, type BalanceRow } from './balance';
import { clusterBootstrap, type BootstrapResult } from './cluster-bootstrap';
import { comparisonGroups, GROUP, type ComparisonSpec } from './comparison-groups';
import { evaluationWarnings, MIN_EVENTS, type EvaluationWarning } from './evaluation-warnings';
import type { Panel } from './panel';
import { eventStudy, twfeDid, type EventStudy, type RegressionSetup, type TwfeEstimate } from './panel-regressions';
import { windowDid, windowMeans, type WindowDid } from './window-did';
import { resolveWindows, type WindowSpec } from './windows';

export interface Covariate {
  id: string;
  label: string;
  /** One value per panel area (NaN where unknown). */
  values: Float64Array;
}

export const BASELINE_COVARIATE = 'baseline';

export interface EvaluationInput {
  panel: Panel;
  /** Codes of the intervention areas (codes not in the panel are reported, not an error). */
  treatedCodes: readonly string[];
  windows: WindowSpec;
  comparison: ComparisonSpec;
  /** Covariates for the balance table and matching, besides the baseline outcome. */
  covariates: Covariate[];
  /** Residents per panel area (for numbers of people and population weights); null if unknown. */
  population: Float64Array | null;
  populationWeights: boolean;
  bootstrap: { replicates: number; seed: number } | null;
  /** The user says the intervention areas were picked using this outcome. */
  chosenOnOutcome: boolean;
  /** Label of the baseline-outcome row of the balance table. */
  outcomeLabel: string;
}

export interface EvaluationResult {
  periods: { baseline: string[]; followup: string[]; between: string[]; reference: string };
  /** Per panel area: GROUP codes, weights and window means. */
  group: Int8Array;
  matchWeight: Float64Array;
  weight: Float64Array;
  baselineMean: Float64Array;
  followupMean: Float64Array;
  pairs: { treated: string; comparison: string[] }[];
  counts: { listed: number; treated: number; comparison: number; unmatched: number; noData: number; notInData: number; pool: number };
  /** Residents of the intervention and comparison areas used (null when population is unknown). */
  people: { treated: number; comparison: number } | null;
  balance: BalanceRow[];
  did: WindowDid;
  twfe: TwfeEstimate;
  eventStudy: EventStudy;
  bootstrap: Omit<BootstrapResult, 'draws'> | null;
  warnings: EvaluationWarning[];
}

export type EvaluationProgress = (fraction: number, stage: string) => void;

export function runEvaluation(input: EvaluationInput, onProgress?: EvaluationProgress): EvaluationResult {
  const { panel } = input;
  const nA = panel.areas.length;
  const nP = panel.periods.length;
  const w = resolveWindows(panel.periods, input.windows);
  onProgress?.(0, 'Choosing comparison areas');
  const index = new Map(panel.areas.map((a, i) => [a, i]));
  const treated = new Uint8Array(nA);
  const notInData: string[] = [];
  for (const code of new Set(input.treatedCodes)) {
    const i = index.get(code);
    if (i === undefined) notInData.push(code);
    else treated[i] = 1;
  }
  const means = windowMeans(panel, w);
  const hasData = Uint8Array.from(means.baseline, (b, a) => (Number.isFinite(b) && Number.isFinite(means.followup[a]) ? 1 : 0));
  const covariate = (id: string) => {
    if (id === BASELINE_COVARIATE) return means.baseline;
    const c = input.covariates.find((x) => x.id === id);
    if (!c) throw new Error(`unknown matching covariate "${id}"`);
    return c.values;
  };
  const groups = comparisonGroups(nA, treated, hasData, input.comparison, covariate);
  const { group, matchWeight } = groups;
  const weight = Float64Array.from(matchWeight, (m, a) => (input.populationWeights ? m * (input.population?.[a] ?? NaN) : m));
  if (input.populationWeights) {
    const bad = [...weight.keys()].filter((a) => matchWeight[a] > 0 && !(weight[a] > 0));
    if (bad.length) throw new Error(`population weights need residents for every area used; ${panel.areas[bad[0]]} has none`);
  }
  const setup: RegressionSetup = { panel, windows: w, group, weight };
  onProgress?.(0.05, 'Estimating');
  const did = windowDid(means, group, weight);
  const twfe = twfeDid(setup);
  const es = eventStudy(setup);
  const boot = input.bootstrap
    ? clusterBootstrap(setup, { ...input.bootstrap, onProgress: (d, t) => onProgress?.(0.1 + 0.9 * (d / t), 'Bootstrapping') })
    : null;

  const codes = (g: number) => panel.areas.filter((_, a) => group[a] === g);
  const used = (a: number) => (group[a] === GROUP.treated || group[a] === GROUP.comparison) && weight[a] > 0;
  const count = (g: number) => group.reduce((n, x, a) => n + (x === g && used(a) ? 1 : 0), 0);
  const pop = input.population;
  const people = pop ? { treated: sumWhere(pop, (a) => group[a] === GROUP.treated && used(a)), comparison: sumWhere(pop, (a) => group[a] === GROUP.comparison && used(a)) } : null;

  const sample = [...group.keys()].filter((a) => groups.pool[a] && (treated[a] || group[a] !== GROUP.noData));
  const balance = [
    balanceRow(BASELINE_COVARIATE, `${input.outcomeLabel} (baseline mean)`, means.baseline, treated, sample, matchWeight),
    ...input.covariates.map((c) => balanceRow(c.id, c.label, c.values, treated, sample, matchWeight)),
  ];

  let smallCells: { small: number; total: number } | null = null;
  if (panel.numerator) {
    smallCells = { small: 0, total: 0 };
    for (let a = 0; a < nA; a++) {
      if (!used(a)) continue;
      for (const p of w.span) {
        const n = panel.numerator[a * nP + p];
        if (!Number.isFinite(n)) continue;
        smallCells.total++;
        if (n < MIN_EVENTS) smallCells.small++;
      }
    }
  }
  const warnings = evaluationWarnings({
    treatedUsed: count(GROUP.treated), comparisonUsed: count(GROUP.comparison), smallCells,
    preTrend: es.preTrend, baselinePeriods: w.pre.length,
    baselinePosition: baselinePosition(means.baseline, treated, hasData, balance[0].before.smd),
    chosenOnOutcome: input.chosenOnOutcome,
    matchedOnBaseline: input.comparison.method === 'nearest' && input.comparison.matchOn.includes(BASELINE_COVARIATE),
    unmatched: codes(GROUP.unmatched), noData: codes(GROUP.noData), notInData,
  });
  onProgress?.(1, 'Done');
  return {
    periods: { baseline: w.pre.map((p) => panel.periods[p]), followup: w.post.map((p) => panel.periods[p]), between: w.between.map((p) => panel.periods[p]), reference: panel.periods[w.reference] },
    group, matchWeight, weight, baselineMean: means.baseline, followupMean: means.followup,
    pairs: groups.pairs.map((p) => ({ treated: panel.areas[p.treated], comparison: p.comparison.map((c) => panel.areas[c]) })),
    counts: {
      listed: new Set(input.treatedCodes).size, treated: count(GROUP.treated), comparison: count(GROUP.comparison),
      unmatched: codes(GROUP.unmatched).length, noData: codes(GROUP.noData).length, notInData: notInData.length,
      pool: [...group.keys()].filter((a) => hasData[a] && !treated[a]).length,
    },
    people, balance, did, twfe, eventStudy: es,
    bootstrap: boot ? { replicates: boot.replicates, seed: boot.seed, valid: boot.valid, se: boot.se, lower: boot.lower, upper: boot.upper } : null,
    warnings,
  };
}

function sumWhere(x: Float64Array, keep: (a: number) => boolean): number {
  let s = 0;
  for (let a = 0; a < x.length; a++) if (keep(a) && Number.isFinite(x[a])) s += x[a];
  return s;
}

/** Mean percentile of intervention areas' baseline values among all areas with data (mid-ranks for ties). */
function baselinePosition(baseline: Float64Array, treated: Uint8Array, hasData: Uint8Array, smd: number): { percentile: number; smd: number } | null {
  const values = Float64Array.from([...baseline].filter((_, a) => hasData[a])).sort();
  if (values.length < 2) return null;
  let sum = 0;
  let n = 0;
  for (let a = 0; a < baseline.length; a++) {
    if (!treated[a] || !hasData[a]) continue;
    const below = bound(values, (v) => v < baseline[a]);
    const ties = bound(values, (v) => v <= baseline[a]) - below;
    sum += (below + (ties - 1) / 2) / (values.length - 1);
    n++;
  }
  return n ? { percentile: sum / n, smd } : null;
}

/** Number of leading sorted values that pass the test (the test must hold for a prefix). */
function bound(sorted: Float64Array, before: (v: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
