/** Catalogue → plain options for the combine controls (ui/ never reads the catalogue itself). */
import { findIndicator, indicatorsAt } from '../../data/catalogue';
import { dimensionValues } from '../../data/catalogue/types';
import type { LevelId } from '../../geo/levels';
import type { MeasureChoice, RuleTest } from '../../state/combine-spec';
import type { DimensionControl } from '../../ui/MeasurePicker';
import type { SelectOption } from '../../ui/Select';
import { isNeutral } from '../../data/catalogue/direction';
import { hasIntervals } from '../../data/catalogue/measure-notes';
import { NEUTRAL_TEST_LABELS, TEST_LABELS } from './rules-text';

/** Measures available at the level, grouped by dataset; the chosen ones stay listed even if not. */
export function measureOptions(level: LevelId, chosen: readonly string[]): SelectOption[] {
  const here = indicatorsAt(level);
  const ids = new Set(here.map((i) => i.id));
  const others = [...new Set(chosen)].filter((id) => !ids.has(id)).flatMap((id) => {
    const ind = findIndicator(id);
    return ind ? [{ value: id, label: `${ind.short} (not at this level)`, group: 'Not available here' }] : [];
  });
  return [...here.map((i) => ({ value: i.id, label: i.short, group: i.group })), ...others];
}

export function dimControls(choice: MeasureChoice): DimensionControl[] {
  const ind = findIndicator(choice.indicator);
  if (!ind) return [];
  const dims = dimensionValues(ind, choice.dims);
  return (ind.dimensions ?? []).map((d) => ({ key: d.key, label: d.label, value: dims[d.key], options: d.values.map((v) => ({ value: v.value, label: v.label })) }));
}

export function shortLabel(id: string): string {
  return findIndicator(id)?.short ?? id;
}

/**
 * Tests offered for a measure with its chosen options: England comparisons need an England value
 * (IMD has none); "significantly" needs intervals for the chosen period; a context measure's tests
 * speak of highest and above, never worse.
 */
export function testOptions(id: string, dims: Record<string, string> = {}): SelectOption[] {
  const ind = findIndicator(id);
  const imd = !!ind?.group.startsWith('IMD');
  const words = ind && isNeutral(ind) ? NEUTRAL_TEST_LABELS : TEST_LABELS;
  return (Object.keys(TEST_LABELS) as RuleTest['kind'][]).map((kind) => {
    const noEngland = imd && (kind === 'worse-than-england' || kind === 'significantly-worse');
    const label = kind === 'significantly-worse' && ind && !imd && !hasIntervals(ind, dims) ? `${words[kind]} – no intervals for this choice: compares values` : words[kind];
    return { value: kind, label: noEngland ? `${label} (no England value for IMD)` : label, disabled: noEngland };
  });
}

/** The simplest test that makes sense for a newly picked measure. */
export function defaultTest(id: string): RuleTest {
  const ind = findIndicator(id);
  if (ind?.id.endsWith('.imd.share20')) return { kind: 'at-least', value: 50 };
  if (ind?.group.startsWith('IMD')) return { kind: 'worst-deciles', deciles: 2 };
  // A context measure has no worse end to compare with England by default: the user sets a threshold.
  return ind && isNeutral(ind) ? { kind: 'at-least', value: 0 } : { kind: 'worse-than-england' };
}
