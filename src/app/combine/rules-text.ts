/** Overlap-rule conditions in words: labels for the legend, the count table, tooltips and the panel. */
import type { Indicator } from '../../data/catalogue/types';
import type { RuleTest } from '../../state/combine-spec';
import { formatNumber, formatWithUnit } from '../../ui/format';

const worst = (ind: Indicator) => (ind.group.startsWith('IMD') ? 'most deprived' : ind.polarity === 'higher-worse' ? 'highest' : 'lowest');
const side = (ind: Indicator) => (ind.polarity === 'higher-worse' ? 'above' : 'below');

export const TEST_LABELS: Record<RuleTest['kind'], string> = {
  'worst-deciles': 'In the worst deciles nationally',
  'worst-quintile': 'In the worst fifth nationally (top quintile)',
  'worse-than-england': 'Worse than England',
  'significantly-worse': 'Significantly worse than England (95 % CI)',
  'at-least': 'At least a value',
  'at-most': 'At most a value',
};

/**
 * A measure's short name plus the options that differ from its defaults ("Adult smokers % (APS),
 * 2019"), so two uses of one indicator with different periods can be told apart.
 */
export function measureLabel(ind: Indicator, dims: Record<string, string> = {}): string {
  const changed = (ind.dimensions ?? []).flatMap((d) => {
    const v = dims[d.key];
    const shown = v ?? (d.alwaysLabel ? d.defaultValue : undefined);
    return shown !== undefined && (shown !== d.defaultValue || d.alwaysLabel) ? [d.values.find((x) => x.value === shown)?.label ?? shown] : [];
  });
  return changed.length ? `${ind.short}, ${changed.join(', ')}` : ind.short;
}

/** "IMD decile: most deprived 20 % nationally (deciles 1–2)". */
export function conditionText(ind: Indicator, test: RuleTest, england: number | null, dims: Record<string, string> = {}): string {
  const s = measureLabel(ind, dims);
  switch (test.kind) {
    case 'worst-deciles':
      return `${s}: ${worst(ind)} ${test.deciles * 10} % nationally (decile${test.deciles > 1 ? `s 1–${test.deciles}` : ' 1'})`;
    case 'worst-quintile':
      return `${s}: ${worst(ind)} 20 % nationally (top quintile)`;
    case 'worse-than-england':
      return `${s} ${side(ind)} England${england === null ? '' : ` (${formatWithUnit(england, ind.decimals, ind.unit)})`}`;
    case 'significantly-worse':
      return `${s} significantly ${side(ind)} England${england === null ? '' : ` (${formatWithUnit(england, ind.decimals, ind.unit)})`}`;
    case 'at-least':
      return `${s} ≥ ${ind.unit === '%' ? formatWithUnit(test.value, ind.decimals, ind.unit) : formatNumber(test.value, ind.decimals)}`;
    case 'at-most':
      return `${s} ≤ ${ind.unit === '%' ? formatWithUnit(test.value, ind.decimals, ind.unit) : formatNumber(test.value, ind.decimals)}`;
  }
}

export const needsEngland = (t: RuleTest) => t.kind === 'worse-than-england' || t.kind === 'significantly-worse';
