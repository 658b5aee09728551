/**
 * The composite risk index at the level on screen. Loading and normalising the inputs happens when
 * the inputs, their directions, the normalisation or the reference change; a weight change only
 * re-runs the weighted average (under a millisecond for 33,755 areas), which is what keeps the map
 * in step with a moving slider.
 */
import { useMemo } from 'react';
import { compositeIndex, countMissing } from '../../analysis/combine/composite-index';
import { normaliseScores, type Normalisation } from '../../analysis/combine/normalise-scores';
import type { LevelId } from '../../geo/levels';
import type { CompositeSpec } from '../../state/combine-spec';
import type { AtlasContext } from '../atlas-context';
import type { IndicatorValues } from '../../data/level-data';
import { useMeasures, type LoadedMeasure } from './combine-inputs';
import { variationInputs, variationReport, type VariationReport } from './input-variation';

export interface UsedInput {
  /** Position in the spec's input list. */
  slot: number;
  measure: LoadedMeasure & { values: IndicatorValues };
  sign: 1 | -1;
  scores: Float64Array;
}

export interface CompositeModel {
  used: UsedInput[];
  /** Why inputs were left out (not available at this level). */
  skipped: string[];
  values: Float64Array;
  /** Weight shares of the used inputs (same order). */
  shares: number[];
  /** Areas in view without an index, and per used input without a value. */
  missing: number;
  missingBy: number[];
  normalisation: Normalisation;
  /** "all LSOAs in England" or the focus region's name. */
  referenceLabel: string;
  /** Set when there is no index to draw (fewer than two usable inputs). */
  problem: string | null;
  /** Which weighted inputs do not vary in the focus region (and what to do about it). */
  variation: VariationReport;
}

const scoreCache = new WeakMap<IndicatorValues, Map<string, Float64Array>>();

function scoresFor(values: IndicatorValues, method: Normalisation, sign: 1 | -1, refKey: string, reference: Uint8Array | null): Float64Array {
  let m = scoreCache.get(values);
  if (!m) scoreCache.set(values, (m = new Map<string, Float64Array>()));
  const key = `${method}|${sign}|${refKey}`;
  let s = m.get(key);
  if (!s) m.set(key, (s = normaliseScores(values.value, { method, sign, reference })));
  return s;
}

/** Normalised scores of every input available at the level (cached per values array and method). */
export function compositeInputs(measures: readonly LoadedMeasure[], spec: CompositeSpec, reference: Uint8Array | null, refKey: string): UsedInput[] {
  return measures.flatMap((m, slot): UsedInput[] => {
    // A context measure has no worse end: it joins the index only once the user picks a direction.
    if (!m.values || spec.inputs[slot]?.direction === 'unset') return [];
    const sign = spec.inputs[slot]?.direction === 'lower' ? -1 : 1;
    const scores = scoresFor(m.values, spec.normalisation, sign, refKey, reference);
    return [{ slot, measure: m as UsedInput['measure'], sign, scores }];
  });
}

/**
 * The index from the scores and the current weights: the only step a weight change re-runs.
 * `region` names the focus region (`mask`) for the variation warning.
 */
export function compositeModel(
  used: UsedInput[], measures: readonly LoadedMeasure[], spec: CompositeSpec, mask: Uint8Array | null, referenceLabel: string, level: LevelId, region: string,
): CompositeModel {
  const skipped = measures.flatMap((m, slot) => (m.unavailable ? [m.unavailable]
    : spec.inputs[slot]?.direction === 'unset' ? [`${m.indicator.short}: a context measure (neither higher nor lower is worse); choose whether higher or lower values mean more risk to include it.`] : []));
  const weighted = used.filter((u) => spec.inputs[u.slot].weight > 0);
  const { values, shares } = compositeIndex(used.map((u) => u.scores), used.map((u) => spec.inputs[u.slot].weight));
  const problem = weighted.length < 2
    ? `The index needs at least two indicators with a weight above 0 that exist at this level (${weighted.length} now).`
    : null;
  if (problem) values.fill(NaN);
  return {
    used, skipped, values, shares, missing: countMissing(values, mask),
    missingBy: used.map((u) => countMissing(u.measure.values.value, mask)),
    normalisation: spec.normalisation,
    referenceLabel,
    problem,
    variation: variationReport('composite', variationInputs(measures, (slot) => used.some((u) => u.slot === slot) && spec.inputs[slot].weight > 0), level, mask, region),
  };
}

export function useComposite(ctx: AtlasContext, spec: CompositeSpec, active: boolean) {
  const { measures, loading, error } = useMeasures(ctx, spec.inputs, active);
  const byFocus = spec.reference === 'focus' && ctx.mask !== null;
  const refKey = byFocus ? `focus:${ctx.state.focus?.code}` : 'england';
  const directions = spec.inputs.map((i) => i.direction).join(',');
  const used = useMemo(
    () => (measures ? compositeInputs(measures, spec, byFocus ? ctx.mask : null, refKey) : null),
    [measures, spec.normalisation, refKey, directions], // eslint-disable-line react-hooks/exhaustive-deps -- spec is compared by what compositeInputs reads (normalisation, directions) and the reference by refKey
  );
  const weights = spec.inputs.map((i) => i.weight).join(',');
  const model = useMemo(
    () => (used && measures && ctx.frame ? compositeModel(used, measures, spec, ctx.mask, byFocus ? ctx.focusLabel : 'England', ctx.frame.level, ctx.focusLabel) : null),
    [used, weights, ctx.mask, ctx.focusLabel], // eslint-disable-line react-hooks/exhaustive-deps -- spec is compared by its weights; measures and the frame (and its level) change with used, byFocus with ctx.mask
  );
  return { model, loading, error };
}
