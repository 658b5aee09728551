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
 *   areasMeetingRule(r.rules, ctx.mask)            indices meeting every condition ("add all that meet the rule")
 *   topByComposite(r.composite.values, n, ctx.mask) indices of the n highest composite values ("top N")
 *
 * Set an option to false to skip loading that part. Values are computed once per change of the
 * inputs; a weight change only re-runs a weighted sum. `ready` is false while inputs load.
 */
import { useMemo } from 'react';
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import type { LevelId } from '../../geo/levels';
import type { AtlasContext } from '../atlas-context';
import { formulaText } from './composite-text';
import { useComposite } from './use-composite';
import { useRules } from './use-rules';

export const RULE_INCOMPLETE = UNKNOWN;

export interface CompositeResults {
  level: LevelId;
  values: Float64Array;
  formula: string;
  /** Why there is no index (fewer than two usable inputs), else null. */
  problem: string | null;
}

export interface RuleResults {
  level: LevelId;
  conditions: string[];
  met: Uint8Array;
  /** Bitmask of conditions met; −1 where incomplete. */
  combo: Int16Array;
  metLabels(index: number): string[];
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
  const composite = useMemo((): CompositeResults | null => (c.model
    ? { level, values: c.model.values, formula: c.model.problem ? c.model.problem : formulaText(c.model, level), problem: c.model.problem }
    : null), [c.model, level]);
  const rules = useMemo((): RuleResults | null => {
    const m = r.model;
    if (!m) return null;
    return {
      level, conditions: m.conditions.map((x) => x.label), met: m.tally.met, combo: m.tally.combo,
      metLabels: (i) => m.conditions.filter((x) => x.met[i] === 1).map((x) => x.label),
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
