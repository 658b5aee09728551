/**
 * The evaluation brief (a printable page, like the shortlist's): the result sentence, the groups'
 * changes, the estimates, the per-period chart, the balance table, the warnings, the method and
 * what the method cannot show. Every string is formatted here; the view only lays it out as text.
 */
import type { EvaluationResult } from '../analysis/evaluation/run-evaluation';
import { headline, resultSentence } from './evaluation-files';
import { comparisonText, EVALUATION_LIMITS, methodSections, type EvaluationDescription } from './evaluation-method';
import { formatDate, formatNumber } from './format-value';
import { APP_NAME, type ProvenanceSection } from './provenance';

export interface EvaluationBrief {
  title: string;
  subtitle: string;
  sentence: string;
  facts: string[];
  groups: { columns: string[]; rows: string[][] };
  estimates: string[];
  chart: { points: EvaluationResult['eventStudy']['effects']; unit: string; decimals: number };
  balance: { label: string; treatedMean: string; comparisonBefore: string; smdBefore: number; comparisonAfter: string; smdAfter: number }[];
  matched: boolean;
  warnings: string[];
  method: ProvenanceSection[];
  limits: readonly string[];
  shareUrl: string | null;
  footer: string;
}

export function buildEvaluationBrief(d: EvaluationDescription, r: EvaluationResult): EvaluationBrief {
  const dp = d.outcome.decimals;
  const f = (v: number) => formatNumber(v, dp) || '–';
  const h = headline(r, d.interval);
  const date = d.generatedAt ? formatDate(d.generatedAt) : '';
  const people = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, 0));
  const change = (g: EvaluationResult['did']['treated']) => (Number.isFinite(g.change) ? `${g.change > 0 ? '+' : ''}${f(g.change)}` : '–');
  return {
    title: d.title,
    subtitle: [d.levelLabel, date].filter(Boolean).join(' · '),
    sentence: resultSentence(d, r),
    facts: [
      `${formatNumber(r.counts.treated, 0)} intervention and ${formatNumber(r.counts.comparison, 0)} comparison areas`,
      ...(r.people ? [`${people(r.people.treated)} and ${people(r.people.comparison)} residents`] : []),
      `Baseline ${r.periods.baseline[0]}–${r.periods.baseline.at(-1)}, follow-up ${r.periods.followup[0]}–${r.periods.followup.at(-1)}`,
    ],
    groups: {
      columns: ['Group', 'Areas', 'Residents', 'Baseline mean', 'Follow-up mean', 'Change'],
      rows: [
        ['Intervention areas', formatNumber(r.did.treated.areas, 0), people(r.people?.treated), f(r.did.treated.baseline), f(r.did.treated.followup), change(r.did.treated)],
        ['Comparison areas', formatNumber(r.did.comparison.areas, 0), people(r.people?.comparison), f(r.did.comparison.baseline), f(r.did.comparison.followup), change(r.did.comparison)],
      ],
    },
    estimates: [
      `Difference-in-differences: ${f(h.estimate)} (95 % CI ${f(h.lower)} to ${f(h.upper)}; ${h.method}).`,
      `2×2 on window means: ${f(r.did.estimate)} (95 % CI ${f(r.did.lower)} to ${f(r.did.upper)}).`,
      ...(r.bootstrap && d.interval !== 'bootstrap' ? [`Cluster bootstrap (${r.bootstrap.replicates} replicates, seed ${r.bootstrap.seed}): ${f(r.bootstrap.lower)} to ${f(r.bootstrap.upper)}.`] : []),
      r.eventStudy.preTrend
        ? `Before the start: joint test of the baseline periods F = ${r.eventStudy.preTrend.f.toFixed(2)}, p = ${r.eventStudy.preTrend.p < 0.001 ? '< 0.001' : r.eventStudy.preTrend.p.toFixed(3)}.`
        : 'Before the start: one baseline period, so the pre-trend cannot be tested.',
      `Comparison areas: ${comparisonText(d.comparison)}`,
    ],
    chart: { points: r.eventStudy.effects, unit: d.outcome.unit ? `${d.outcome.label} ${d.outcome.unit}` : d.outcome.label, decimals: dp },
    balance: r.balance.map((b) => {
      const places = b.id === 'baseline' ? dp : Math.abs(b.before.treatedMean) >= 1000 ? 0 : 1;
      const g = (v: number) => formatNumber(v, places) || '–';
      return { label: b.label, treatedMean: g(b.before.treatedMean), comparisonBefore: g(b.before.comparisonMean), smdBefore: b.before.smd, comparisonAfter: g(b.after.comparisonMean), smdAfter: b.after.smd };
    }),
    matched: d.comparison.method === 'nearest',
    warnings: r.warnings.map((w) => w.text),
    method: methodSections(d, r).filter((s) => s.heading !== 'What this cannot show'),
    limits: EVALUATION_LIMITS,
    shareUrl: d.shareUrl,
    footer: `${APP_NAME} ${d.appVersion}${date ? ` · generated ${date}` : ''}`,
  };
}
