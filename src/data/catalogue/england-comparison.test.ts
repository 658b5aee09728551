import { describe, expect, it } from 'vitest';
import { compareWithEngland, comparisonText } from './england-comparison';

describe('compareWithEngland (Fingertips convention)', () => {
  it('is higher or lower only when the whole 95 % interval is on one side of England', () => {
    expect(compareWithEngland({ value: 20, lower: 18.1, upper: 22 }, 18)).toBe('higher');
    expect(compareWithEngland({ value: 15, lower: 13, upper: 17.9 }, 18)).toBe('lower');
    expect(compareWithEngland({ value: 19, lower: 17, upper: 21 }, 18)).toBe('similar');
    expect(compareWithEngland({ value: 19, lower: 18, upper: 21 }, 18)).toBe('similar'); // touching is not excluding
  });

  it('makes no comparison without an interval, a value or an England value', () => {
    expect(compareWithEngland({ value: 30, lower: null, upper: null }, 18)).toBeNull();
    expect(compareWithEngland({ value: null, lower: null, upper: null }, 18)).toBeNull();
    expect(compareWithEngland({ value: 30, lower: 25, upper: 35 }, null)).toBeNull();
    expect(compareWithEngland({ value: 30, lower: Number.NaN, upper: 35 }, 18)).toBeNull();
  });

  it('says which side is worse from the polarity', () => {
    expect(comparisonText('higher', 'higher-worse')).toBe('Significantly higher than England (worse)');
    expect(comparisonText('higher', 'lower-worse')).toBe('Significantly higher than England (better)');
    expect(comparisonText('similar', 'higher-worse')).toBe('Similar to England');
    expect(comparisonText(null, 'higher-worse')).toBeNull();
  });

  it('never calls a context measure better or worse', () => {
    for (const c of ['higher', 'lower'] as const) {
      const text = comparisonText(c, 'neutral')!;
      expect(text).toBe(`Significantly ${c} than England (a context measure: not better or worse)`);
      expect(text).not.toMatch(/\((worse|better)\)/);
    }
    expect(comparisonText('similar', 'neutral')).toBe('Similar to England');
  });
});
