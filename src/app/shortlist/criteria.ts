/**
 * What other features know about each area of the level on screen: the overlap-rule conditions it
 * meets and its composite risk index (combine/use-combine-results), and its hotspot class
 * (hotspots/hotspot-classes). The shortlist shows them in its table and exports, and uses them for
 * "add every area meeting the rule" and "add the top N by the composite index". Both APIs speak of
 * the map's level only, so a list kept at another level shows none of them until converted.
 */
import type { LevelId } from '../../geo/levels';
import type { AtlasContext } from '../atlas-context';
import type { VariationReport } from '../combine/input-variation';
import { areasMeetingRule, topByComposite, useCombineResults, type CompositeInput, type RuleInput } from '../combine/use-combine-results';
import { useHotspotClasses } from '../hotspots/hotspot-classes';

export interface AreaCriteria {
  level: LevelId;
  rule: {
    /** "IMD decile 1–2 and Smoking worse than England". */
    label: string;
    metLabels(index: number): string[];
    /** Indices of the areas (inside the mask) meeting every condition. */
    meeting(mask: Uint8Array | null): number[];
    /** The measures the conditions judge: exported as value and "met" columns. */
    inputs: readonly RuleInput[];
    variation: VariationReport;
  } | null;
  composite: {
    label: string;
    formula: string;
    decimals: number;
    values: Float64Array;
    top(n: number, mask: Uint8Array | null): number[];
    /** The weighted inputs: exported as value and score columns. */
    inputs: readonly CompositeInput[];
    /** What a score is ("Percentile rank (0–100)"). */
    scoreLabel: string;
    variation: VariationReport;
  } | null;
  hotspots: { description: string; classOf(code: string): string | null } | null;
}

/** `active` false skips loading the combine inputs (nobody has looked at the shortlist yet). */
export function useAreaCriteria(ctx: AtlasContext, active: boolean): AreaCriteria | null {
  const combine = useCombineResults(ctx, { composite: active, rules: active });
  const hs = useHotspotClasses(ctx.frame?.level);
  const frame = ctx.frame;
  if (!frame || !active) return null;
  const n = frame.areas.codes.length;
  const { composite: c, rules: r } = combine;
  return {
    level: frame.level,
    rule: r && r.level === frame.level && r.met.length === n && r.conditions.length
      ? { label: r.conditions.join(' and '), metLabels: r.metLabels, meeting: (mask) => areasMeetingRule(r, mask), inputs: r.inputs, variation: r.variation }
      : null,
    composite: c && !c.problem && c.level === frame.level && c.values.length === n
      ? {
        label: 'Composite risk index', formula: c.formula, decimals: c.decimals, values: c.values, top: (k, mask) => topByComposite(c.values, k, mask),
        inputs: c.inputs, scoreLabel: c.scoreLabel, variation: c.variation,
      }
      : null,
    hotspots: hs && hs.codes.length === n
      ? { description: hs.description, classOf: (code) => { const k = hs.classOf(code); return k === null ? null : hs.label(k); } }
      : null,
  };
}
