import { describe, expect, it } from 'vitest';
import { assignClasses, computeBreaks } from './breaks';

const counts = (cls: Int16Array, k: number) => Array.from({ length: k }, (_, c) => cls.filter((x) => x === c).length);

describe('computeBreaks', () => {
  const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('quantiles put equal numbers of areas in each class', () => {
    const b = computeBreaks(values, { method: 'quantile', classes: 5 });
    expect(b).toEqual([20.5, 40.5, 60.5, 80.5]);
    expect(counts(assignClasses(values, b), 5)).toEqual([20, 20, 20, 20, 20]);
  });

  it('ignores NaN and respects a mask (focus region)', () => {
    const v = Float64Array.from([1, 2, NaN, 3, 100, 4]);
    const mask = Uint8Array.from([1, 1, 1, 1, 0, 1]);
    const b = computeBreaks(v, { method: 'equal', classes: 3 }, mask);
    expect(b).toEqual([2, 3]);
    expect(Array.from(assignClasses(v, b))).toEqual([0, 1, -1, 2, 2, 2]);
  });

  it('never splits tied values across classes', () => {
    const tied = Float64Array.from([0, 0, 0, 0, 0, 0, 0, 5, 10, 20]);
    const b = computeBreaks(tied, { method: 'quantile', classes: 5 });
    const cls = assignClasses(tied, b);
    expect(new Set(Array.from(cls.slice(0, 7))).size).toBe(1);
  });

  it('rank deciles are fixed national thresholds', () => {
    const b = computeBreaks(Float64Array.from([1, 2, 3]), { method: 'decile', classes: 10, rankedCount: 33755 });
    expect(b).toHaveLength(9);
    expect(assignClasses(Float64Array.from([1, 3375, 3376, 33755]), b)).toEqual(Int16Array.from([0, 0, 1, 9]));
  });

  it('ckmeans separates obvious groups', () => {
    const v = Float64Array.from([1, 1.1, 1.2, 10, 10.5, 11, 50, 51]);
    const b = computeBreaks(v, { method: 'ckmeans', classes: 3 });
    expect(Array.from(assignClasses(v, b))).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('categorical gives one class per integer value', () => {
    const v = Float64Array.from([1, 2, 2, 3, 10]);
    expect(Array.from(assignClasses(v, computeBreaks(v, { method: 'categorical', classes: 10 })))).toEqual([0, 1, 1, 2, 3]);
  });

  it('custom thresholds are sorted and deduplicated', () => {
    expect(computeBreaks(values, { method: 'custom', classes: 3, custom: [50, 10, 50, NaN] })).toEqual([10, 50]);
  });
});
