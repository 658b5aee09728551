import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../data/catalogue';
import { DEFAULT_COMBINE, type CompositeSpec } from '../../state/combine-spec';
import type { IndicatorValues } from '../../data/level-data';
import type { LoadedMeasure } from './combine-inputs';
import { compositeInputs, compositeModel } from './use-composite';

function measure(id: string, value: number[]): LoadedMeasure {
  const n = value.length;
  const values: IndicatorValues = {
    key: id, value: Float64Array.from(value), lower: new Float64Array(n).fill(NaN), upper: new Float64Array(n).fill(NaN), rank: new Float64Array(n), ranked: n,
    source: new Array<string | null>(n).fill(null), suppressed: new Uint8Array(n), note: new Array<string | null>(n).fill(null), coverage: new Float64Array(n).fill(NaN), sourceShare: new Float64Array(n).fill(NaN),
  };
  return { choice: { indicator: id, dims: {} }, indicator: getIndicator(id), dims: {}, values, unavailable: null };
}

describe('composite index with a context measure', () => {
  it('leaves out an input whose direction is not chosen yet, and says why', () => {
    const spec: CompositeSpec = {
      ...DEFAULT_COMBINE.composite,
      inputs: [
        { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
        { indicator: 'smoking.aps.current', dims: {}, direction: 'higher', weight: 1 },
        { indicator: 'cancer.qof.prevalence', dims: {}, direction: 'unset', weight: 5 },
      ],
    };
    const ms = [measure('imd2025.imd.score', [10, 20, 30]), measure('smoking.aps.current', [12, 14, 11]), measure('cancer.qof.prevalence', [3, 4, 5])];
    const used = compositeInputs(ms, spec, null, 'england');
    expect(used.map((u) => u.slot)).toEqual([0, 1]);
    const model = compositeModel(used, ms, spec, null, 'England', 'ward24', 'all of England');
    expect(model.shares).toEqual([0.5, 0.5]);
    expect(model.skipped).toEqual([expect.stringMatching(/^Cancer register %: a context measure .*choose whether higher or lower values mean more risk/)]);
    // Once chosen it counts like any other input.
    const chosen = { ...spec, inputs: spec.inputs.map((i, j) => (j === 2 ? { ...i, direction: 'lower' as const } : i)) };
    expect(compositeInputs(ms, chosen, null, 'england').map((u) => [u.slot, u.sign])).toEqual([[0, 1], [1, 1], [2, -1]]);
  });
});
