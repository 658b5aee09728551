import { describe, expect, it } from 'vitest';
import { practiceScore } from './practice-score';

const f = (xs: number[]) => Float64Array.from(xs);

describe('practiceScore', () => {
  it('averages mid-rank percentiles by weight, oriented by which end ranks first', () => {
    // four units; a: 1..4 (higher first), b: 40..10 (lower first) → both put unit 4 first
    const s = practiceScore([{ values: f([1, 2, 3, 4]), weight: 1, first: 'higher' }, { values: f([40, 30, 20, 10]), weight: 3, first: 'lower' }], null);
    // mid-rank percentiles of 1..4 among 4: 12.5, 37.5, 62.5, 87.5 (both inputs agree)
    expect(Array.from(s)).toEqual([12.5, 37.5, 62.5, 87.5]);
    // weights matter when inputs disagree: b counts three times as much as a
    const t = practiceScore([{ values: f([1, 2, 3, 4]), weight: 1, first: 'higher' }, { values: f([10, 20, 30, 40]), weight: 3, first: 'lower' }], null);
    expect(t[0]).toBeCloseTo(0.25 * 12.5 + 0.75 * 87.5, 12);
  });

  it('ranks within the scope only; outside it, or with a weighted value missing, there is no score; weight 0 leaves a measure out', () => {
    const scope = Uint8Array.from([1, 1, 0, 1]);
    const s = practiceScore([{ values: f([1, NaN, 100, 3]), weight: 2, first: 'higher' }, { values: f([NaN, 5, 5, 5]), weight: 0, first: 'higher' }], scope);
    // reference: 1 and 3 (the 100 is outside, NaN has no value) → 25 and 75
    expect(Array.from(s)).toEqual([25, NaN, NaN, 75]);
  });
});
