/** The composite index in words: the formula under the legend, the legend model and the class labels. */
import { mixedLevelsNote } from '../../data/catalogue/inherited';
import { LEVELS, type LevelId } from '../../geo/levels';
import type { Rgba } from '../../map/palettes';
import type { LegendModel } from '../../ui/Legend';
import { formatCount, formatNumber } from '../../ui/format';
import { css } from './combine-colours';
import { measureLabel } from './rules-text';
import type { CompositeModel } from './use-composite';
import { emptyClassesNote } from '../legend-model';

const SCALE: Record<CompositeModel['normalisation'], (ref: string) => string> = {
  percentile: (ref) => `the area's percentile rank among ${ref} (0–100; 100 = highest risk)`,
  zscore: (ref) => `how many standard deviations the area lies above the average of ${ref} (above 0 = more risk than average)`,
  minmax: (ref) => `the area's position between the lowest and highest values in ${ref} (0 = lowest risk, 100 = highest risk)`,
};

export const NORMALISATION_LABELS: Record<CompositeModel['normalisation'], string> = {
  percentile: 'Percentile rank (0–100)',
  zscore: 'z-score (standard deviations)',
  minmax: 'Min–max (0–100)',
};

export const compositeDecimals = (m: CompositeModel) => (m.normalisation === 'zscore' ? 2 : 1);

export const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

const pct = (share: number) => `${formatNumber(100 * share, 0)} %`;

function referenceWords(m: CompositeModel, level: LevelId): string {
  const areas = plural(LEVELS[level].noun);
  return m.referenceLabel === 'England' ? `all ${areas} in England` : `the ${areas} of ${m.referenceLabel}`;
}

/** The index formula in plain words, naming each input, its weight share and its direction. */
export function formulaText(m: CompositeModel, level: LevelId): string {
  const name = (u: CompositeModel['used'][number]) => measureLabel(u.measure.indicator, u.measure.dims);
  const parts = m.used.filter((_, j) => m.shares[j] > 0).map((u) => `${name(u)} × ${pct(m.shares[m.used.indexOf(u)])}`);
  const lower = m.used.filter((u, j) => m.shares[j] > 0 && u.sign === -1).map(name);
  const direction = lower.length ? ` For ${lower.join(' and ')}, lower values count as more risk.` : '';
  const mixed = mixedLevelsNote(m.used.filter((_, j) => m.shares[j] > 0).map((u) => u.measure.indicator), level);
  return `Composite risk index = weighted average of ${parts.length} scores: ${parts.join(' + ')}. Each score is ${SCALE[m.normalisation](referenceWords(m, level))}.${direction} An area missing any input has no index.${mixed ? ` ${mixed}` : ''}`;
}

export interface CompositeClasses {
  breaks: number[];
  classes: Int16Array;
  colours: Rgba[];
  counts: number[];
}

export function compositeLegend(m: CompositeModel, c: CompositeClasses, level: LevelId, mask: Uint8Array | null, classification: string): LegendModel {
  const k = c.colours.length;
  const lo = new Array<number>(k).fill(Infinity);
  const hi = new Array<number>(k).fill(-Infinity);
  for (let i = 0; i < m.values.length; i++) {
    const cl = c.classes[i];
    if (cl < 0 || (mask && !mask[i])) continue;
    lo[cl] = Math.min(lo[cl], m.values[i]);
    hi[cl] = Math.max(hi[cl], m.values[i]);
  }
  const d = compositeDecimals(m);
  const label = (i: number) => `${formatNumber(lo[i], d)} – ${formatNumber(hi[i], d)}`;
  const notes = [
    ...m.skipped.map((s) => `Left out: ${s}`),
    ...m.used.flatMap((u, j) => (m.missingBy[j] > 0 && m.shares[j] > 0 ? [`${u.measure.indicator.short}: no value for ${formatCount(m.missingBy[j])} areas in view.`] : [])),
    ...m.used.flatMap((u) => (u.measure.values.source.some((s) => s !== null)
      ? [`${u.measure.indicator.short} is not small-area data here: areas show the value of the larger area they lie in.`] : [])),
  ];
  if (m.problem) notes.unshift(m.problem);
  return {
    title: 'Composite risk index',
    // Classes with no area in view (breaks from elsewhere) are left out, and the classification line says so.
    items: Array.from({ length: k }, (_, j) => k - 1 - j).filter((i) => Number.isFinite(lo[i])).map((i) => ({ colour: css(c.colours[i]), label: label(i), count: c.counts[i] })),
    worseLabel: 'highest index (most risk)',
    noData: m.missing,
    classification: `${classification}${emptyClassesNote(lo)}`,
    method: m.problem ? 'No index to show.' : formulaText(m, level),
    notes,
  };
}
