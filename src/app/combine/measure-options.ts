/** Catalogue → plain options for the combine controls (ui/ never reads the catalogue itself). */
import { findIndicator, indicatorsAt } from '../../data/catalogue';
import { dimensionValues } from '../../data/catalogue/types';
import type { LevelId } from '../../geo/levels';
import type { MeasureChoice, RuleTest } from '../../state/combine-spec';
import type { DimensionControl } from '../../ui/MeasurePicker';
import type { SelectOption } from '../../ui/Select';
import { TEST_LABELS } from './rules-text';

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

/** Tests offered for a measure: England comparisons need an England value, IMD has none. */
export function testOptions(id: string): SelectOption[] {
  const ind = findIndicator(id);
  const imd = !!ind?.group.startsWith('IMD');
  const hasCi = !!(ind?.columns.lower || ind?.ci);
  return (Object.keys(TEST_LABELS) as RuleTest['kind'][]).map((kind) => {
    const noEngland = imd && (kind === 'worse-than-england' || kind === 'significantly-worse');
    const label = kind === 'significantly-worse' && !hasCi && !imd ? `${TEST_LABELS[kind]} – no intervals: compares values` : TEST_LABELS[kind];
    return { value: kind, label: noEngland ? `${label} (no England value for IMD)` : label, disabled: noEngland };
  });
}

/** The simplest test that makes sense for a newly picked measure. */
export function defaultTest(id: string): RuleTest {
  const ind = findIndicator(id);
  return ind?.group.startsWith('IMD') ? { kind: 'worst-deciles', deciles: 2 } : { kind: 'worse-than-england' };
}
