/**
 * The catalogue entries (group "Your data") of a user's dataset: one per value, with its columns,
 * unit, interval, the rule and the method sentence for every level, and its caveats.
 */
import type { Indicator } from '../catalogue/types';
import { LEVELS } from '../../geo/levels';
import { splitDimension } from './dataset-split';
import { datasetLevels } from './dataset-level-rules';
import { denominatorField, indicatorId, kindOf, numeratorField, unitOf, type DatasetSpec } from './user-dataset';
import { practiceAreaLevels } from './practice-area-levels';
import { nativeNote, valueAggregate, valueCaveats } from './value-method';

const USER_GROUP = 'Your data';

export function datasetIndicators(d: DatasetSpec): Indicator[] {
  const where = d.sheet ? `"${d.file}", sheet "${d.sheet}"` : `"${d.file}"`;
  const dimension = d.split ? splitDimension(d.split) : undefined;
  return d.values.map((v): Indicator => {
    const r = v.ratio;
    const levels = practiceAreaLevels(d, v, datasetLevels(d.nativeLevel, valueAggregate(d, v)));
    return {
      id: indicatorId(d, v), label: v.label, short: v.label, group: USER_GROUP,
      definition: `From your file ${where}, ${r ? `column "${v.column}" divided by column "${r.denominator}"${r.multiplier === 100 ? ', as a percentage' : ` × ${r.multiplier.toLocaleString('en-GB')}`}` : `column "${v.column}"`}. Loaded in this browser only: it is not uploaded anywhere and is not part of share links.`,
      source: { publisher: 'Your own file (loaded in this browser)', dataset: d.file, licence: 'Your own data', sourceIds: [] },
      table: d.table, nativeLevel: d.nativeLevel,
      columns: r ? { value: v.field, numerator: numeratorField(v), denominator: denominatorField(v) } : { value: v.field },
      unit: unitOf(v), kind: kindOf(v), polarity: v.polarity, decimals: v.decimals,
      period: d.split ? `${d.split.column}: ${d.split.values[0]} to ${d.split.values[d.split.values.length - 1]}` : 'as in your file',
      dimensions: dimension ? [dimension] : undefined,
      ...(r ? { ci: { method: r.ci, multiplier: r.multiplier }, ...(r.suppressBelow > 0 ? { suppressBelow: r.suppressBelow } : {}), ...(r.suppressBelow < 10 ? { flagBelow: 10 } : {}) } : {}),
      publishedGeography: `${LEVELS[d.nativeLevel]?.label ?? d.nativeLevel}${d.practices ? ' (GP practice values placed in the LSOA each practice is in, not where its patients live)' : ''}`,
      levels: levels.levels,
      methodNote: { ...levels.methodNote, [d.nativeLevel]: nativeNote(d, v) },
      unavailable: levels.unavailable,
      classification: 'quantile',
      caveats: [d.joinNote, ...valueCaveats(d, v)],
    };
  });
}
