/** Overlap-rule conditions in words: labels for the legend, the count table, tooltips and the panel. */
import { isNeutral, worseSide, worstWords } from '../../data/catalogue/direction';
import { hasIntervals } from '../../data/catalogue/measure-notes';
import type { Indicator } from '../../data/catalogue/types';
import type { RuleTest } from '../../state/combine-spec';
import { formatWithUnit } from '../../ui/format';

export const TEST_LABELS: Record<RuleTest['kind'], string> = {
  'worst-deciles': 'In the worst deciles nationally',
  'worst-quintile': 'In the worst fifth nationally (top quintile)',
  'worse-than-england': 'Worse than England\'s value',
  'significantly-worse': 'Significantly worse than England (95 % CI)',
  'at-least': 'At least a value',
  'at-most': 'At most a value',
};

/** The same tests in words for a context measure, which has no worse end. */
export const NEUTRAL_TEST_LABELS: Record<RuleTest['kind'], string> = {
  'worst-deciles': 'In the highest deciles nationally',
  'worst-quintile': 'In the highest fifth nationally',
  'worse-than-england': 'Above England\'s value',
  'significantly-worse': 'Significantly above England (95 % CI)',
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
    // A user's group of ethnic groups is always named, even when it is the default option.
    const shown = v ?? (d.alwaysLabel ? d.defaultValue : undefined);
    return shown !== undefined && (shown !== d.defaultValue || d.alwaysLabel) ? [d.values.find((x) => x.value === shown)?.label ?? shown] : [];
  });
  return changed.length ? `${ind.short}, ${changed.join(', ')}` : ind.short;
}

/** A threshold as typed: whole numbers without decimals ("≥ 50 %" for the Core20 rule). */
const threshold = (ind: Indicator, v: number) => formatWithUnit(v, Number.isInteger(v) ? 0 : ind.decimals, ind.unit === '%' ? '%' : '');
const isImdDecile = (ind: Indicator) => /^imd20\d\d\.imd\.decile$/.test(ind.id);
const edition = (ind: Indicator) => ind.id.slice(3, 7);

/** "IMD decile of LSOA 2019: most deprived 20 % nationally (deciles 1–2: a Core20 LSOA)". */
export function conditionText(ind: Indicator, test: RuleTest, england: number | null, dims: Record<string, string> = {}): string {
  const s = measureLabel(ind, dims);
  const eng = england === null ? '' : ` (${formatWithUnit(england, ind.decimals, ind.unit)})`;
  switch (test.kind) {
    case 'worst-deciles': {
      const core20 = isImdDecile(ind) && test.deciles === 2 ? `: a Core20 LSOA, IMD ${edition(ind)}` : '';
      return `${s}: ${worstWords(ind)} ${test.deciles * 10} % nationally (decile${test.deciles > 1 ? `s 1–${test.deciles}` : ' 1'}${core20})`;
    }
    case 'worst-quintile':
      return `${s}: ${worstWords(ind)} 20 % nationally (${isNeutral(ind) ? 'highest' : 'top'} quintile)`;
    case 'worse-than-england':
      return `${s} ${worseSide(ind)} England's value${eng}`;
    case 'significantly-worse':
      // "Significantly" only where the chosen period has 95 % intervals (APS smoking: 2019 only).
      return hasIntervals(ind, dims)
        ? `${s} significantly ${worseSide(ind)} England${eng}, 95 % confidence interval`
        : `${s} ${worseSide(ind)} England's value${eng}; no confidence intervals for this choice, so compared on the value alone`;
    case 'at-least':
      return `${s} ≥ ${threshold(ind, test.value)}`;
    case 'at-most':
      return `${s} ≤ ${threshold(ind, test.value)}`;
  }
}

export const needsEngland = (t: RuleTest) => t.kind === 'worse-than-england' || t.kind === 'significantly-worse';
