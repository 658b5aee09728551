/**
 * The two regressions on the panel, both with area and period fixed effects and errors clustered by
 * area (two-way-fit.ts):
 *  - the difference-in-differences: y = area + period + β · (intervention × follow-up), on the
 *    baseline and follow-up periods (periods between the windows are left out);
 *  - the event study: y = area + period + Σₖ δₖ · (intervention × period k), over every period from
 *    the first baseline to the last follow-up period except the last baseline period (the reference,
 *    δ = 0), so each δₖ is the gap between the groups in period k relative to that in the reference
 *    period. The δₖ of the other baseline periods test whether the groups moved together before.
 */
import { fUpperTail } from './distributions';
import type { Panel } from './panel';
import { invert, subMatrix } from './small-matrix';
import { fitTwoWay } from './two-way-fit';
import { interval, type Estimate } from './window-did';
import { phaseOf, type PeriodPhase, type ResolvedWindows } from './windows';

export interface RegressionSetup {
  panel: Panel;
  windows: ResolvedWindows;
  /** 1 intervention, 2 comparison, anything else left out. */
  group: Int8Array;
  /** Analysis weight per area (matching weight, times residents when population-weighted). */
  weight: Float64Array;
}

export interface TwfeEstimate extends Estimate {
  nObs: number;
  nClusters: number;
  /** Columns of the equivalent dummy-variable model, and without the area effects. */
  k: number;
  kNested: number;
  /** The standard error as sandwich::vcovCL(type = "HC1") gives it on the dummy-variable lm (for checking against R). */
  seLm: number;
}

export interface PeriodEffect extends Estimate {
  period: string;
  phase: PeriodPhase | 'reference';
}

export interface PreTrendTest {
  /** Joint Wald test that every baseline-period effect is 0: F with (df1, df2) degrees of freedom. */
  f: number;
  df1: number;
  df2: number;
  p: number;
}

export interface EventStudy {
  effects: PeriodEffect[];
  preTrend: PreTrendTest | null;
}

/** Degrees of freedom of the intervals: clusters − 1 (the usual choice with clustered errors). */
const clusterDf = (nClusters: number) => nClusters - 1;

function design(s: RegressionSetup, periods: readonly number[], x: (area: number, period: number) => number[]) {
  const { panel, group } = s;
  const nA = panel.areas.length;
  const nP = panel.periods.length;
  const use = new Uint8Array(nA * nP);
  const weight = new Float64Array(nA);
  for (let a = 0; a < nA; a++) {
    if (group[a] !== 1 && group[a] !== 2) continue;
    weight[a] = s.weight[a];
    for (const p of periods) use[a * nP + p] = 1;
  }
  const q = x(0, 0).length;
  const cols = Array.from({ length: q }, () => new Float64Array(nA * nP));
  for (let a = 0; a < nA; a++) {
    if (!weight[a]) continue;
    for (const p of periods) x(a, p).forEach((v, j) => (cols[j][a * nP + p] = v));
  }
  return { nAreas: nA, nPeriods: nP, y: panel.value, use, weight, x: cols };
}

export function twfeDid(s: RegressionSetup): TwfeEstimate {
  const post = new Set(s.windows.post);
  const fit = fitTwoWay(design(s, [...s.windows.pre, ...s.windows.post], (a, p) => [s.group[a] === 1 && post.has(p) ? 1 : 0]));
  const est = interval(fit.coef[0], Math.sqrt(fit.vcov[0]), clusterDf(fit.nClusters));
  return { ...est, nObs: fit.nObs, nClusters: fit.nClusters, k: fit.k, kNested: fit.kNested, seLm: Math.sqrt(fit.vcovLm[0]) };
}

export function eventStudy(s: RegressionSetup): EventStudy {
  const w = s.windows;
  const terms = w.span.filter((p) => p !== w.reference);
  const fit = fitTwoWay(design(s, w.span, (a, p) => terms.map((k) => (s.group[a] === 1 && p === k ? 1 : 0))));
  const q = terms.length;
  const df = clusterDf(fit.nClusters);
  const effects: PeriodEffect[] = w.span.map((p) => {
    if (p === w.reference) return { period: s.panel.periods[p], phase: 'reference', estimate: 0, se: 0, lower: 0, upper: 0, df, p: NaN };
    const j = terms.indexOf(p);
    return { period: s.panel.periods[p], phase: phaseOf(w, p), ...interval(fit.coef[j], Math.sqrt(fit.vcov[j * q + j]), df) };
  });
  const pre = terms.map((p, j) => (w.pre.includes(p) && Number.isFinite(fit.coef[j]) ? j : -1)).filter((j) => j >= 0);
  let preTrend: PreTrendTest | null = null;
  if (pre.length && df > 0) {
    const vInv = invert(subMatrix(fit.vcov, q, pre), pre.length);
    if (vInv) {
      let wald = 0;
      pre.forEach((i, r) => pre.forEach((j, c) => (wald += fit.coef[i] * vInv[r * pre.length + c] * fit.coef[j])));
      const f = wald / pre.length;
      preTrend = { f, df1: pre.length, df2: df, p: fUpperTail(f, pre.length, df) };
    }
  }
  return { effects, preTrend };
}
