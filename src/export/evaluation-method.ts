/**
 * How an evaluation was done and what it cannot show, in words: one description shared by the app's
 * Evaluate tab, its exports (JSON, CSV, the printable brief) and the headless `evaluate` command, so
 * every copy of a result says the same thing about it.
 */
import type { OutcomeWording } from '../analysis/evaluation/effect-sentence';
import type { EvaluationResult } from '../analysis/evaluation/run-evaluation';
import type { ProvenanceSection } from './provenance';

export interface ComparisonDescription {
  method: 'nearest' | 'all' | 'manual';
  /** Labels of the matching covariates. */
  covariates: string[];
  /** Label of the exact-match region, or null. */
  exact: string | null;
  distance: 'scaled-euclidean' | 'mahalanobis';
  ratio: number;
  replace: boolean;
  caliper: number | null;
}

export interface EvaluationDescription {
  title: string;
  /** The level of the areas ("Electoral ward (2024)") and its noun. */
  levelLabel: string;
  outcome: OutcomeWording & {
    /** Where the numbers come from ("your file referrals.csv, column …"). */
    source: string;
    /** "count of referrals / registered patients × 10,000", or null for a rate as loaded. */
    fromCounts: string | null;
  };
  /** Where the intervention areas come from ("the shortlist", "column … of …"). */
  intervention: string;
  comparison: ComparisonDescription;
  interval: 'cluster' | 'bootstrap';
  populationWeights: boolean;
  /** ISO time of the export; null in the headless command's file, so the same input gives the same bytes. */
  generatedAt: string | null;
  appVersion: string;
  shareUrl: string | null;
}

/** What the method assumes and cannot show; printed wherever a result is. */
export const EVALUATION_LIMITS: readonly string[] = [
  'Parallel trends: the method assumes the intervention and comparison areas would have changed by the same amount without the programme. The baseline periods in the chart are the only check of this, and a check that passes does not prove it.',
  'Matching uses only what was measured (the covariates listed). Differences in anything else between the groups (other programmes, practice changes, population change) can bias the estimate.',
  'Spillovers: if the programme also reached comparison areas (neighbouring areas, shared GP practices or pharmacies), the estimate understates its effect; if comparison areas changed because of it, in either direction, it is biased.',
  'Small numbers: with few areas, or rates from few events, intervals are wide and only approximately right.',
  'Regression to the mean: areas chosen because their numbers were unusually high or low tend to move back towards the average anyway.',
  'This estimates a difference under these assumptions. It is evidence to weigh, not proof that the programme caused the change.',
];

const DISTANCE: Record<ComparisonDescription['distance'], string> = {
  'scaled-euclidean': 'Euclidean distance on covariates divided by their pooled within-group standard deviation (MatchIt "scaled_euclidean")',
  mahalanobis: 'Mahalanobis distance with the pooled within-group covariance (MatchIt "mahalanobis")',
};

export function comparisonText(c: ComparisonDescription): string {
  if (c.method === 'all') return 'All areas outside the programme with data in both windows.';
  if (c.method === 'manual') return 'Areas picked by the user (with data in both windows).';
  return [
    `Nearest-neighbour matching, ${c.ratio} comparison area${c.ratio === 1 ? '' : 's'} per intervention area, ${c.replace ? 'with' : 'without'} replacement (greedy, intervention areas in code order; without replacement in rounds)`,
    `on ${c.covariates.join(', ')}`,
    DISTANCE[c.distance],
    c.caliper === null ? 'no caliper' : `caliper ${c.caliper} standard deviations on each covariate`,
    c.exact ? `exact match on ${c.exact}` : '',
  ].filter(Boolean).join('; ') + '. Matching weights as MatchIt: 1 per intervention area; comparison areas share their intervention area\'s weight.';
}

export function methodSections(d: EvaluationDescription, r: EvaluationResult): ProvenanceSection[] {
  const boot = r.bootstrap;
  const window = (p: string[]) => (p.length === 1 ? p[0] : `${p[0]} to ${p[p.length - 1]} (${p.length} periods)`);
  return [
    {
      heading: 'Design',
      rows: [
        { item: 'Areas', value: d.levelLabel },
        { item: 'Outcome', value: `${d.outcome.label}${d.outcome.unit ? ` (${d.outcome.unit})` : ''}` },
        { item: 'Outcome source', value: d.outcome.source },
        ...(d.outcome.fromCounts ? [{ item: 'Rate', value: d.outcome.fromCounts }] : []),
        { item: 'Intervention areas', value: d.intervention },
        { item: 'Baseline', value: window(r.periods.baseline) },
        { item: 'Follow-up', value: window(r.periods.followup) },
        ...(r.periods.between.length ? [{ item: 'Left out (between the windows)', value: r.periods.between.join(', ') }] : []),
        { item: 'Comparison areas', value: comparisonText(d.comparison) },
        { item: 'Weights', value: d.populationWeights ? 'Matching weight × Census 2021 residents (population-weighted)' : 'Matching weights (each area counts once, whatever its size)' },
      ],
    },
    {
      heading: 'Estimate',
      rows: [
        { item: 'Difference-in-differences', value: 'Two-way fixed effects: outcome = area effect + period effect + β × (intervention area × follow-up period), weighted least squares on the baseline and follow-up periods. On a complete panel β equals the difference between the groups\' changes in window means (the 2×2).' },
        { item: 'Interval', value: d.interval === 'bootstrap' && boot
          ? `Cluster bootstrap over areas: ${boot.replicates.toLocaleString('en-GB')} replicates, seed ${boot.seed}; intervention and comparison areas resampled separately with replacement; 2.5th to 97.5th percentiles. With few areas it tends to be a little narrow.`
          : `Standard errors clustered by area (CR1: G/(G − 1) × (n − 1)/(n − k), area effects not counted in k as they are nested in the clusters), t distribution with ${r.twfe.df} degrees of freedom (areas − 1). sandwich::vcovCL(type = "HC1") on the dummy-variable model gives ${r.twfe.seLm.toPrecision(4)} instead of ${r.twfe.se.toPrecision(4)} (it counts the area dummies).` },
        { item: 'Per-period effects', value: `The same model with one term per period, relative to ${r.periods.reference} (the last baseline period); 95 % intervals clustered by area.` },
        { item: 'Pre-trend test', value: r.eventStudy.preTrend ? `Joint F test that every baseline-period effect is zero (clustered): F(${r.eventStudy.preTrend.df1}, ${r.eventStudy.preTrend.df2}) = ${r.eventStudy.preTrend.f.toFixed(2)}, p = ${r.eventStudy.preTrend.p < 0.001 ? '< 0.001' : r.eventStudy.preTrend.p.toFixed(3)}.` : 'Not possible with one baseline period.' },
        { item: 'Balance', value: 'Standardised mean differences as MatchIt\'s summary(): difference in means divided by the standard deviation of intervention areas before matching, the same before and after.' },
      ],
    },
    { heading: 'What this cannot show', rows: EVALUATION_LIMITS.map((value, i) => ({ item: String(i + 1), value })) },
  ];
}
