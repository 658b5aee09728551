/**
 * Words for one evaluation in the app: the outcome's label, units and period length (for the
 * sentence), where the intervention and comparison areas came from, and the export details, built
 * from the settings, the catalogue entries and the finished run.
 */
import { decimalsFor, periodNoun, type OutcomeWording } from '../../analysis/evaluation/effect-sentence';
import { covariateLabel } from '../../data/evaluation/atlas-covariates';
import type { EvaluationDescription } from '../../export/evaluation-method';
import { LEVELS, type LevelId } from '../../geo/levels';
import type { EvaluateSpec, ExactRegion } from '../../state/evaluate-spec';
import type { ResolvedOutcome } from './evaluate-sources';
import type { EvaluationRun } from './use-evaluation-run';
import { version } from '../../../package.json';

const REGION_NAMES: Record<ExactRegion, string | null> = { none: null, icb24: 'ICB (2024)', cal19: 'Cancer Alliance (2019)', lad24: 'local authority (2024)' };

function pluralNoun(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

function outcomeWording(o: ResolvedOutcome, spec: EvaluateSpec, level: LevelId, run: EvaluationRun | null): OutcomeWording {
  const ind = o.choice.indicator;
  const noun = LEVELS[level].noun;
  const h = run ? run.result.twfe : null;
  const decimals = h ? decimalsFor(h.lower, h.upper) : 1;
  const period = periodNoun(o.choice.periods);
  const base = { label: ind.short, decimals, areaNoun: [noun, pluralNoun(noun)] as [string, string] };
  if (o.denominator) return { ...base, kind: 'rate', unit: `per ${spec.outcome.multiplier.toLocaleString('en-GB')} ${lowerFirst(o.denominator.short)}`, period };
  if (ind.kind === 'percent') return { ...base, kind: 'percent', unit: '%', period: null };
  if (ind.kind === 'rate' || ind.kind === 'count') return { ...base, kind: 'rate', unit: ind.unit, period };
  return { ...base, kind: 'value', unit: ind.unit, period: null };
}

export interface DescribeArgs {
  spec: EvaluateSpec;
  level: LevelId;
  outcome: ResolvedOutcome;
  run: EvaluationRun;
  intervention: string;
  shareUrl: string;
  now: string;
}

export function describeEvaluation(a: DescribeArgs): EvaluationDescription {
  const ind = a.outcome.choice.indicator;
  const c = a.spec.comparison;
  const den = a.outcome.denominator;
  return {
    title: `Evaluation: ${ind.short}`,
    levelLabel: LEVELS[a.level].label,
    outcome: {
      ...outcomeWording(a.outcome, a.spec, a.level, a.run),
      source: `${ind.definition}${a.outcome.levelNote ? ` ${a.outcome.levelNote}` : ''}`,
      fromCounts: den ? `sum of ${ind.short} ÷ sum of ${den.short} × ${a.spec.outcome.multiplier.toLocaleString('en-GB')}, per area and period` : null,
    },
    intervention: a.intervention,
    comparison: {
      method: c.method, covariates: c.covariates.map((k) => (k === 'baseline' ? `${ind.short} in the baseline (mean)` : covariateLabel(k))),
      exact: REGION_NAMES[c.exact], distance: c.distance, ratio: c.ratio, replace: c.replace, caliper: c.caliper,
    },
    interval: a.spec.interval,
    populationWeights: a.spec.populationWeights,
    generatedAt: a.now,
    appVersion: version,
    shareUrl: a.shareUrl,
  };
}
