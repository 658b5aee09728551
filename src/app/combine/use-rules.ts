/**
 * The overlap rule at the level on screen: each condition judged per area (met / not met / no
 * value), how many each area meets and the UpSet-style tally of combinations inside the focus
 * region. A condition whose measure does not exist at this level, or has no England value to compare
 * with, is left out and named in the notes rather than silently failing every area.
 */
import { useMemo } from 'react';
import { englandCondition, maskCondition, thresholdCondition, worstShareCondition } from '../../analysis/combine/rule-conditions';
import { MAX_CONDITIONS, tallyRule, type RuleTally } from '../../analysis/combine/rule-tally';
import { worseSign } from '../../data/catalogue/direction';
import { mixedLevelsNote } from '../../data/catalogue/inherited';
import { LEVELS } from '../../geo/levels';
import type { RuleSpec, RuleTest } from '../../state/combine-spec';
import { formatCount } from '../../ui/format';
import type { AtlasContext } from '../atlas-context';
import type { IndicatorValues, LevelAreas } from '../../data/level-data';
import { useHotspotClasses } from '../hotspots/hotspot-classes';
import { useAsync } from '../use-async';
import { hotspotCondition, type HotspotCondition } from './hotspot-condition';
import { englandValue, measureKey, useMeasures, type LoadedMeasure } from './combine-inputs';
import { variationInputs, variationReport, type VariationReport } from './input-variation';
import { conditionText, needsEngland } from './rules-text';

export interface JudgedCondition {
  /** Position in the spec's list; −1 for "inside the focus region", −2 for "in a hot spot". */
  slot: number;
  label: string;
  met: Uint8Array;
  /** The measure judged (null for "inside the focus region" and "in a hot spot"). */
  measure: (LoadedMeasure & { values: IndicatorValues }) | null;
}

export interface RuleModel {
  conditions: JudgedCondition[];
  tally: RuleTally;
  notes: string[];
  /** Set when there is nothing to judge (no usable condition). */
  problem: string | null;
  /** The hotspot run the "in a hot spot" condition came from (null: not used). */
  hotspotKey: string | null;
  /** Which judged conditions rest on a measure with one value in the focus region. */
  variation: VariationReport;
}

function judge(m: LoadedMeasure & { values: IndicatorValues }, test: RuleTest, england: number | null): { met: Uint8Array; withoutInterval: number } {
  const v = m.values;
  const isDecile = m.indicator.kind === 'decile';
  switch (test.kind) {
    case 'at-most':
    case 'at-least':
      return { met: thresholdCondition(v.value, test.kind, test.value), withoutInterval: 0 };
    case 'worst-deciles':
      return { met: isDecile ? thresholdCondition(v.value, 'at-most', test.deciles) : worstShareCondition(v.rank, v.ranked, test.deciles / 10), withoutInterval: 0 };
    case 'worst-quintile':
      return { met: isDecile ? thresholdCondition(v.value, 'at-most', 2) : worstShareCondition(v.rank, v.ranked, 0.2), withoutInterval: 0 };
    case 'worse-than-england':
    case 'significantly-worse': {
      const r = englandCondition(v.value, v.lower, v.upper, { england: england ?? NaN, sign: worseSign(m.indicator), significant: test.kind === 'significantly-worse' });
      let n = 0;
      for (let i = 0; i < r.withoutInterval.length; i++) n += r.withoutInterval[i];
      return { met: r.met, withoutInterval: n };
    }
  }
}

/** Judges every condition, adds "inside the focus region" if asked, and tallies inside the mask. */
export function ruleModel(
  areas: LevelAreas, measures: readonly LoadedMeasure[], englands: readonly (number | null)[], spec: RuleSpec,
  mask: Uint8Array | null, focus: { label: string } | null, hotspot: HotspotCondition | null = null,
): RuleModel {
  const notes: string[] = [];
  const conditions: JudgedCondition[] = [];
  measures.forEach((m, slot) => {
    const test = spec.conditions[slot].test;
    const england = englands[slot];
    if (!m.values) return void notes.push(`Left out: ${m.unavailable}`);
    if (needsEngland(test) && england === null) return void notes.push(`Left out: ${m.indicator.short} has no England value to compare with; choose another test.`);
    const measure = m as LoadedMeasure & { values: IndicatorValues };
    const r = judge(measure, test, england);
    conditions.push({ slot, label: conditionText(m.indicator, test, england, m.dims), met: r.met, measure });
    if (r.withoutInterval > 0) notes.push(`${m.indicator.short}: ${formatCount(r.withoutInterval)} areas have no confidence interval and were compared on their value alone.`);
    if (m.values.source.some((s) => s !== null)) notes.push(`${m.indicator.short} is not small-area data here: each area is judged on the value of the larger area it lies in.`);
  });
  const mixed = mixedLevelsNote(measures.filter((m) => m.values).map((m) => m.indicator), areas.level);
  if (mixed) notes.push(mixed);
  if (spec.inHotspot) {
    if (!hotspot) notes.push('Left out: "in a hot spot" needs a finished hotspot run at this level (Hotspots tab).');
    else if (conditions.length + (spec.inFocus ? 1 : 0) >= MAX_CONDITIONS) notes.push(`Left out: "in a hot spot" (a rule has at most ${MAX_CONDITIONS} conditions).`);
    else conditions.push({ slot: -2, label: hotspot.label, met: hotspot.met, measure: null });
  }
  if (spec.inFocus) conditions.push({ slot: -1, label: focus ? `Inside ${focus.label}` : 'Inside the focus region (no focus: all of England)', met: maskCondition(areas.codes.length, mask), measure: null });
  const problem = conditions.length === 0 ? 'Add at least one condition that can be judged at this level.' : null;
  const tally = tallyRule(conditions.map((c) => c.met), areas.population, mask);
  const judged = new Set(conditions.map((c) => c.slot));
  const variation = variationReport('rule', variationInputs(measures, (slot) => judged.has(slot)), areas.level, mask, focus?.label ?? 'England');
  return { conditions, tally, notes, problem, hotspotKey: spec.inHotspot && hotspot ? hotspot.key : null, variation };
}

export function useRules(ctx: AtlasContext, spec: RuleSpec, active: boolean) {
  const { measures, loading, error } = useMeasures(ctx, spec.conditions, active);
  const engKey = spec.conditions.map((c) => (needsEngland(c.test) ? measureKey(c) : '')).join(';');
  const englands = useAsync(
    active && measures
      ? async () => ({ measures, engKey, values: await Promise.all(measures.map((m, j) => (needsEngland(spec.conditions[j].test) ? englandValue(ctx.data.queries, m.indicator, m.dims) : Promise.resolve(null)))) })
      : null,
    [active, measures, engKey],
  );
  // England values looked up for another list of measures or tests are never used.
  const eng = englands.value && englands.value.measures === measures && englands.value.engKey === engKey ? englands.value.values : null;
  const tests = JSON.stringify(spec.conditions.map((c) => c.test));
  const hs = useHotspotClasses(ctx.frame?.level);
  const hotspot = useMemo(() => (active && spec.inHotspot && hs && ctx.frame ? hotspotCondition(hs, ctx.frame.areas) : null), [active, spec.inHotspot, hs, ctx.frame]);
  const model = useMemo(
    (): RuleModel | null => (ctx.frame && measures && eng ? ruleModel(ctx.frame.areas, measures, eng, spec, ctx.mask, ctx.state.focus ? { label: ctx.focusLabel } : null, hotspot) : null),
    [ctx.frame, measures, eng, tests, spec.inFocus, spec.inHotspot, hotspot, ctx.mask, ctx.focusLabel], // eslint-disable-line react-hooks/exhaustive-deps -- spec is compared by its content (tests, inFocus, inHotspot), the focus by ctx.mask and ctx.focusLabel
  );
  return { model, loading: loading || englands.loading, error: error ?? englands.error ?? null, levelLabel: LEVELS[ctx.state.level].label };
}
