/**
 * The evaluation's files: the estimates as JSON (everything the headless command writes: estimate,
 * intervals, per-period effects, matched pairs, balance, warnings, method) or as CSV, and the
 * per-area panel as CSV with each area's group and weights, so the analysis can be rerun in R,
 * Python or Excel. CSVs are RFC 4180 with a BOM and formula-guarded strings (names come from files).
 */
import { effectSentence } from '../analysis/evaluation/effect-sentence';
import { GROUP } from '../analysis/evaluation/comparison-groups';
import type { Panel } from '../analysis/evaluation/panel';
import type { EvaluationResult } from '../analysis/evaluation/run-evaluation';
import { toCsv, type Cell } from '../lib/csv-write';
import type { BalanceSide } from '../analysis/evaluation/balance';
import type { EvaluationWarning } from '../analysis/evaluation/evaluation-warnings';
import type { PreTrendTest } from '../analysis/evaluation/panel-regressions';
import type { GroupChange } from '../analysis/evaluation/window-did';
import { comparisonText, EVALUATION_LIMITS, methodSections, type ComparisonDescription, type EvaluationDescription } from './evaluation-method';
import { APP_NAME, type ProvenanceSection } from './provenance';

const CSV = { bom: true, guardFormulas: true } as const;

export const GROUP_LABELS: Record<number, string> = {
  [GROUP.treated]: 'intervention',
  [GROUP.comparison]: 'comparison',
  [GROUP.unmatched]: 'intervention, unmatched',
  [GROUP.noData]: 'intervention, no data',
  [GROUP.none]: 'not used',
};

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The headline: the two-way FE estimate with the interval the user chose. */
export function headline(r: EvaluationResult, interval: 'cluster' | 'bootstrap'): { estimate: number; lower: number; upper: number; se: number; method: string } {
  if (interval === 'bootstrap' && r.bootstrap) return { estimate: r.twfe.estimate, lower: r.bootstrap.lower, upper: r.bootstrap.upper, se: r.bootstrap.se, method: 'cluster bootstrap over areas (percentile)' };
  return { estimate: r.twfe.estimate, lower: r.twfe.lower, upper: r.twfe.upper, se: r.twfe.se, method: 'standard errors clustered by area' };
}

export function resultSentence(d: EvaluationDescription, r: EvaluationResult): string {
  const h = headline(r, d.interval);
  return effectSentence({ ...h, treatedAreas: r.counts.treated, comparisonAreas: r.counts.comparison }, d.outcome);
}

type Maybe = number | null;
interface Interval { estimate: Maybe; se: Maybe; lower: Maybe; upper: Maybe }

/** The estimates file (JSON): what the headless command writes and the app exports. */
export interface EstimatesDocument {
  application: { name: string; version: string };
  title: string;
  generatedAt: string | null;
  shareUrl: string | null;
  areas: string;
  outcome: { label: string; unit: string; source: string; rate: string | null };
  intervention: string;
  periods: EvaluationResult['periods'];
  comparison: ComparisonDescription & { description: string };
  weights: string;
  sentence: string;
  estimate: { value: Maybe; lower: Maybe; upper: Maybe; se: Maybe; interval: string; level: number };
  twoWayFixedEffects: Interval & { df: number; p: Maybe; seAsVcovClHc1: Maybe; observations: number; clusters: number };
  bootstrap: (Omit<NonNullable<EvaluationResult['bootstrap']>, 'se' | 'lower' | 'upper'> & { se: Maybe; lower: Maybe; upper: Maybe }) | null;
  twoByTwo: Interval & { df: number; p: Maybe; intervention: GroupChange; comparison: GroupChange };
  perPeriod: (Interval & { period: string; phase: string; p: Maybe })[];
  preTrendTest: PreTrendTest | null;
  counts: EvaluationResult['counts'];
  people: EvaluationResult['people'];
  matchedPairs: EvaluationResult['pairs'];
  balance: { covariate: string; before: BalanceSide; after: BalanceSide }[];
  areaWeights: { code: string; group: string; matchWeight: number; weight: number }[];
  warnings: EvaluationWarning[];
  method: ProvenanceSection[];
  limits: readonly string[];
}

/** Everything about one evaluation as a JSON-ready object (the headless command writes this). */
export function estimatesDocument(d: EvaluationDescription, r: EvaluationResult, panel: Panel): EstimatesDocument {
  const h = headline(r, d.interval);
  return {
    application: { name: APP_NAME, version: d.appVersion },
    title: d.title,
    generatedAt: d.generatedAt,
    shareUrl: d.shareUrl,
    areas: d.levelLabel,
    outcome: { label: d.outcome.label, unit: d.outcome.unit, source: d.outcome.source, rate: d.outcome.fromCounts },
    intervention: d.intervention,
    periods: r.periods,
    comparison: { ...d.comparison, description: comparisonText(d.comparison) },
    weights: d.populationWeights ? 'matching weight × residents' : 'matching weights',
    sentence: resultSentence(d, r),
    estimate: { value: num(h.estimate), lower: num(h.lower), upper: num(h.upper), se: num(h.se), interval: h.method, level: 0.95 },
    twoWayFixedEffects: {
      estimate: num(r.twfe.estimate), se: num(r.twfe.se), lower: num(r.twfe.lower), upper: num(r.twfe.upper), df: r.twfe.df, p: num(r.twfe.p),
      seAsVcovClHc1: num(r.twfe.seLm), observations: r.twfe.nObs, clusters: r.twfe.nClusters,
    },
    bootstrap: r.bootstrap ? { ...r.bootstrap, se: num(r.bootstrap.se), lower: num(r.bootstrap.lower), upper: num(r.bootstrap.upper) } : null,
    twoByTwo: {
      estimate: num(r.did.estimate), se: num(r.did.se), lower: num(r.did.lower), upper: num(r.did.upper), df: r.did.df, p: num(r.did.p),
      intervention: r.did.treated, comparison: r.did.comparison,
    },
    perPeriod: r.eventStudy.effects.map((e) => ({ period: e.period, phase: e.phase, estimate: num(e.estimate), se: num(e.se), lower: num(e.lower), upper: num(e.upper), p: num(e.p) })),
    preTrendTest: r.eventStudy.preTrend,
    counts: r.counts,
    people: r.people,
    matchedPairs: r.pairs,
    balance: r.balance.map((b) => ({ covariate: b.label, before: b.before, after: b.after })),
    areaWeights: panel.areas.flatMap((code, a) => (r.group[a] === GROUP.none ? [] : [{ code, group: GROUP_LABELS[r.group[a]], matchWeight: r.matchWeight[a], weight: r.weight[a] }])),
    warnings: r.warnings,
    method: methodSections(d, r),
    limits: EVALUATION_LIMITS,
  };
}

/** JSON text: non-finite numbers become null (JSON has no NaN). */
export function estimatesJson(d: EvaluationDescription, r: EvaluationResult, panel: Panel): string {
  return `${JSON.stringify(estimatesDocument(d, r, panel), (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** One row per estimate: the headline, the 2×2, the bootstrap, every period, the pre-trend test. */
export function estimatesCsv(d: EvaluationDescription, r: EvaluationResult): string {
  const rows: Cell[][] = [
    ['Difference-in-differences (two-way fixed effects)', '', r.twfe.estimate, r.twfe.se, r.twfe.lower, r.twfe.upper, r.twfe.df, r.twfe.p, 'clustered by area'],
    ['Difference-in-differences (2×2 on window means)', '', r.did.estimate, r.did.se, r.did.lower, r.did.upper, r.did.df, r.did.p, 'HC1'],
  ];
  if (r.bootstrap) rows.push(['Difference-in-differences (two-way fixed effects)', '', r.twfe.estimate, r.bootstrap.se, r.bootstrap.lower, r.bootstrap.upper, '', '', `cluster bootstrap, ${r.bootstrap.replicates} replicates, seed ${r.bootstrap.seed}`]);
  rows.push(['Change, intervention areas', '', r.did.treated.change, '', '', '', '', '', `${r.did.treated.baseline} → ${r.did.treated.followup}`]);
  rows.push(['Change, comparison areas', '', r.did.comparison.change, '', '', '', '', '', `${r.did.comparison.baseline} → ${r.did.comparison.followup}`]);
  for (const e of r.eventStudy.effects) rows.push(['Per-period effect', e.period, e.estimate, e.se, e.lower, e.upper, e.df, e.p, e.phase]);
  const pt = r.eventStudy.preTrend;
  if (pt) rows.push(['Pre-trend test (F)', '', pt.f, '', '', '', `${pt.df1}, ${pt.df2}`, pt.p, 'all baseline-period effects zero']);
  rows.push(['Sentence', '', '', '', '', '', '', '', resultSentence(d, r)]);
  return toCsv(['Measure', 'Period', 'Estimate', 'Standard error', 'Lower 95%', 'Upper 95%', 'Degrees of freedom', 'p', 'Note'], rows, CSV);
}

/** The panel, one row per area and period, with group and weights. */
export function panelCsv(panel: Panel, r: EvaluationResult, nameOf: (code: string) => string): string {
  const nP = panel.periods.length;
  const phase = (p: string) => (r.periods.baseline.includes(p) ? 'baseline' : r.periods.followup.includes(p) ? 'follow-up' : r.periods.between.includes(p) ? 'between' : 'outside');
  const rows: Cell[][] = [];
  panel.areas.forEach((code, a) => {
    if (r.group[a] === GROUP.none) return;
    for (let p = 0; p < nP; p++) {
      rows.push([
        code, nameOf(code), GROUP_LABELS[r.group[a]], r.matchWeight[a], r.weight[a], panel.periods[p], phase(panel.periods[p]),
        num(panel.value[a * nP + p]), panel.numerator ? num(panel.numerator[a * nP + p]) : null, panel.denominator ? num(panel.denominator[a * nP + p]) : null,
      ]);
    }
  });
  return toCsv(['Area code', 'Area name', 'Group', 'Matching weight', 'Analysis weight', 'Period', 'Window', 'Outcome', 'Numerator', 'Denominator'], rows, CSV);
}
