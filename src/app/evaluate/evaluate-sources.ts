/**
 * What can be evaluated: outcomes are "Your data" measures with a period column (a rate, or a count
 * that another value column of the same file can divide); intervention areas can come from any
 * "Your data" column (areas with a value above 0). Read from the catalogue, where loaded files
 * register their columns; a dataset with explicit numerator and denominator columns (when the import
 * offers them) is used as counts directly through its catalogue columns.
 */
import { allIndicators } from '../../data/catalogue';
import { comparePeriods } from '../../analysis/evaluation/panel';
import { periodDimension, type Dimension, type Indicator } from '../../data/catalogue/types';
import { periodNoun } from '../../analysis/evaluation/effect-sentence';
import type { LevelId } from '../../geo/levels';
import type { ColumnRef, EvaluateSpec } from '../../state/evaluate-spec';

export interface OutcomeChoice {
  indicator: Indicator;
  /** The dimension that holds the periods ("period", or "split" when a split column's values are periods). */
  dimension: string;
  /** Period values in time order. */
  periods: string[];
  /** Other value columns of the same file (possible denominators). */
  siblings: Indicator[];
}

/** Measures loaded from the user's files (their ids are `user.<dataset>.<column>`). */
const isUser = (i: Indicator) => i.id.startsWith('user.');

/** The indicator's period dimension, or a split whose values read as periods ("2023 Q1", "Apr 2023", "2023-24"). */
function periodsOf(i: Indicator): Dimension | undefined {
  return periodDimension(i) ?? i.dimensions?.find((d) => periodNoun(d.values.map((v) => v.value)) !== null);
}

export function outcomeChoices(): OutcomeChoice[] {
  const users = allIndicators().filter(isUser);
  return users.flatMap((indicator) => {
    const d = periodsOf(indicator);
    return d ? [{
      indicator, dimension: d.key,
      periods: d.values.map((v) => v.value).sort(comparePeriods),
      siblings: users.filter((s) => s.table === indicator.table && s.id !== indicator.id),
    }] : [];
  });
}

export function flagChoices(): Indicator[] {
  return allIndicators().filter(isUser);
}

export interface ResolvedOutcome {
  choice: OutcomeChoice;
  denominator: Indicator | null;
  /** How the outcome is computed at this level (the catalogue's note), and problems that stop a run. */
  levelNote: string | null;
  problems: string[];
  baseline: [string, string];
  followup: [string, string];
}

/** A loaded column by id, or (from a link, after the file was loaded again) by file name and label. */
export function findColumn(id: string | null, ref: ColumnRef | null, among: readonly Indicator[]): Indicator | null {
  return among.find((i) => i.id === id) ?? (ref ? among.find((i) => i.source.dataset === ref.file && i.short === ref.label) : undefined) ?? null;
}

export const columnRef = (i: Indicator): ColumnRef => ({ file: i.source.dataset, label: i.short });

/** The spec's outcome, checked against what is loaded and the level; null when none is chosen. */
export function resolveOutcome(spec: EvaluateSpec, level: LevelId): ResolvedOutcome | null {
  const all = outcomeChoices();
  const ind0 = findColumn(spec.outcome.indicator, spec.outcome.ref, all.map((c) => c.indicator));
  if (!ind0) return null;
  const choice = all.find((c) => c.indicator.id === ind0.id)!;
  const problems: string[] = [];
  const ind = choice.indicator;
  const denRef = spec.outcome.ref?.denominator ? { file: ind.source.dataset, label: spec.outcome.ref.denominator } : null;
  const denominator = spec.outcome.denominator || denRef ? findColumn(spec.outcome.denominator, denRef, choice.siblings) : null;
  if ((spec.outcome.denominator || denRef) && (!denominator || denominator.table !== ind.table)) problems.push('The denominator column is not loaded; choose another or use the outcome as a rate.');
  if (!ind.levels[level]) problems.push(ind.unavailable?.[level] ?? `${ind.short} is not available for this level.`);
  if (denominator && ind.kind !== 'count') problems.push(`"${ind.short}" is not marked as a count in Your data; a rate cannot be divided by a denominator. Use it as a rate, or load the file again with the column as a count.`);
  if (denominator && denominator.levels[level]?.kind !== ind.levels[level]?.kind) problems.push('The outcome and the denominator are combined differently at this level; mark both as counts.');
  const n = choice.periods.length;
  if (n < 2) problems.push('The outcome needs at least two periods (one before and one after the programme started).');
  const half = Math.max(1, Math.floor(n / 2));
  const known = (w: [string, string] | null) => (w && w.every((p) => choice.periods.includes(p)) ? w : null);
  const baseline = known(spec.baseline) ?? [choice.periods[0], choice.periods[half - 1]];
  const followup = known(spec.followup) ?? [choice.periods[Math.min(half, n - 1)], choice.periods[n - 1]];
  return { choice, denominator, levelNote: ind.methodNote?.[level] ?? null, problems, baseline, followup };
}
