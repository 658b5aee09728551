import { describe, expect, it } from 'vitest';
import { effectSentence, signed, type OutcomeWording } from './effect-sentence';

const referrals: OutcomeWording = { label: 'Urgent referrals', kind: 'rate', unit: 'per 10,000 residents', decimals: 0, period: 'quarter', areaNoun: ['ward', 'wards'] };

describe('effect sentence', () => {
  it('states a clear difference with its interval in the outcome’s own units', () => {
    expect(effectSentence({ estimate: 12.2, lower: 3.4, upper: 21, treatedAreas: 12, comparisonAreas: 36 }, referrals)).toBe(
      'After the programme started, the 12 intervention wards had 12 more urgent referrals per 10,000 residents per quarter than the 36 comparison wards, allowing for how the two groups differed before (95 % CI 3 to 21).',
    );
  });

  it('says "no clear difference" when the interval includes zero, and uses "fewer" for a fall', () => {
    const s = effectSentence({ estimate: -4, lower: -11, upper: 3, treatedAreas: 1, comparisonAreas: 5 }, referrals);
    expect(s).toBe('No clear difference: after the programme started, the 1 intervention ward had 4 fewer urgent referrals per 10,000 residents per quarter than the 5 comparison wards, allowing for how the two groups differed before, but the 95 % interval (−11 to 3) includes no difference.');
  });

  it('words percentages as percentage points and keeps acronyms', () => {
    const s = effectSentence({ estimate: 2.14, lower: 0.5, upper: 3.8, treatedAreas: 20, comparisonAreas: 40 }, { label: 'GP-recorded screening uptake', kind: 'percent', unit: '%', decimals: 1, period: null, areaNoun: ['LSOA', 'LSOAs'] });
    expect(s).toContain('had GP-recorded screening uptake 2.1 percentage points higher than the 40 comparison LSOAs');
    expect(s).toContain('(95 % CI 0.5 to 3.8 percentage points)');
  });

  it('formats negatives with a true minus and never shows −0', () => {
    expect(signed(-1234.56, 1)).toBe('−1,234.6');
    expect(signed(-0.01, 0)).toBe('0');
  });
});
