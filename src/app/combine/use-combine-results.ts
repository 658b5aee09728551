/**
 * Per-area results of the combine views, for other features (shortlist and export, hotspots).
 * Everything is aligned with `ctx.frame.areas` (the level on screen) and follows the user's current
 * composite and rule settings in `state.combine`, whichever map mode is showing.
 *
 *   const r = useCombineResults(ctx, { composite: true, rules: true });
 *   r.composite?.values[i]     composite risk index of ctx.frame.areas.codes[i]; NaN = an input is missing
 *   r.composite?.formula       the index in plain words (for method notes in exports)
 *   r.rules?.met[i]            conditions met (0…k); RULE_INCOMPLETE where some condition has no value
 *   r.rules?.conditions        the conditions in words, in order (bit j of combo[i] = conditions[j])
 *   r.rules?.metLabels(i)      the conditions area i meets, in words
 *   r.composite?.inputs        each weighted input: indicator, options, values, normalised scores, weight share
 *   r.rules?.inputs            each judged measure: indicator, options, values, condition met (0/1/UNKNOWN)
 *   r.*?.variation             inputs with one value in the focus region (the warning and its wording)
 *   areasMeetingRule(r.rules, ctx.mask)            indices meeting every condition ("add all that meet the rule")
 *   topByComposite(r.composite.values, n, ctx.mask) indices of the n highest composite values ("top N")
 *
 * Set an option to false to skip loading that part. Values are computed once per change of the
 * inputs; a weight change only re-runs a weighted sum. `ready` is false while inputs load.
 */
import { useMemo } from 'react';
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import type { Indicator } from '../../data/catalogue/types';
import type { LevelId } from '../../geo/levels';
import type { AtlasContext } from '../atlas-context';
import { compositeDecimals, formulaText, NORMALISATION_LABELS } from './composite-text';
import type { VariationReport } from './input-variation';
import { useComposite } from './use-composite';
import { useRules } from './use-rules';

export const RULE_INCOMPLETE = UNKNOWN;

/** One measure a composite or rule is built from, aligned with the level's areas. */
export interface CombineInput {
  indicator: Indicator;
  /** Options in effect (defaults filled in). */
  dims: Record<string, string>;
  /** The measure's value per area (NaN: none). */
  values: Float64Array;
}

export interface CompositeInput extends CombineInput {
  /** Normalised score per area (the composite's scale; NaN: no value). */
  scores: Float64Array;
  /** Share of the total weight (0–1). */
  share: number;
  /** −1 where lower values count as more risk. */
  sign: 1 | -1;
}

export interface RuleInput extends CombineInput {
  /** The condition in words. */
  label: string;
  /** 1 met, 0 not met, UNKNOWN no value. */
  met: Uint8Array;
}

export interface CompositeResults {
  level: LevelId;
  values: Float64Array;
  formula: string;
  /** Why there is no index (fewer than two usable inputs), else null. */
  problem: string | null;
  /** The weighted inputs, in the spec's order. */
  inputs: CompositeInput[];
  /** "Percentile rank (0–100)": what a score is. */
  scoreLabel: string;
  decimals: number;
  variation: VariationReport;
}

export interface RuleResults {
  level: LevelId;
  conditions: string[];
  met: Uint8Array;
  /** Bitmask of conditions met; −1 where incomplete. */
  combo: Int16Array;
  metLabels(index: number): string[];
  /** The judged measures (not "inside the focus" or "in a hot spot"), in the rule's order. */
  inputs: RuleInput[];
  variation: VariationReport;
}

export interface CombineResults {
  composite: CompositeResults | null;
  rules: RuleResults | null;
  ready: boolean;
  error: Error | null;
}

export function useCombineResults(ctx: AtlasContext, want: { composite?: boolean; rules?: boolean } = { composite: true, rules: true }): CombineResults {
  const c = useComposite(ctx, ctx.state.combine.composite, !!want.composite);
  const r = useRules(ctx, ctx.state.combine.rules, !!want.rules);
  const level = ctx.state.level;
  const composite = useMemo((): CompositeResults | null => {
    const m = c.model;
    if (!m) return null;
    const inputs = m.used.flatMap((u, j): CompositeInput[] => (m.shares[j] > 0
      ? [{ indicator: u.measure.indicator, dims: u.measure.dims, values: u.measure.values.value, scores: u.scores, share: m.shares[j], sign: u.sign }] : []));
    return {
      level, values: m.values, formula: m.problem ? m.problem : formulaText(m, level), problem: m.problem,
      inputs, scoreLabel: NORMALISATION_LABELS[m.normalisation], decimals: compositeDecimals(m), variation: m.variation,
    };
  }, [c.model, level]);
  const rules = useMemo((): RuleResults | null => {
    const m = r.model;
    if (!m) return null;
    return {
      level, conditions: m.conditions.map((x) => x.label), met: m.tally.met, combo: m.tally.combo,
      metLabels: (i) => m.conditions.filter((x) => x.met[i] === 1).map((x) => x.label),
      inputs: m.conditions.flatMap((x): RuleInput[] => (x.measure
        ? [{ indicator: x.measure.indicator, dims: x.measure.dims, values: x.measure.values.value, label: x.label, met: x.met }] : [])),
      variation: m.variation,
    };
  }, [r.model, level]);
  const ready = (!want.composite || !!composite) && (!want.rules || !!rules);
  return { composite, rules, ready, error: c.error ?? r.error };
}

/** Indices of the areas (inside `mask`) that meet every condition of the rule. */
export function areasMeetingRule(rules: RuleResults, mask: Uint8Array | null): number[] {
  const k = rules.conditions.length;
  const out: number[] = [];
  if (k === 0) return out;
  for (let i = 0; i < rules.met.length; i++) if (rules.met[i] === k && (!mask || mask[i])) out.push(i);
  return out;
}

/** Indices of the `n` areas (inside `mask`) with the highest composite index, highest first. */
export function topByComposite(values: Float64Array, n: number, mask: Uint8Array | null): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (!mask || mask[i])) idx.push(i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  return idx.slice(0, Math.max(0, n));
}
