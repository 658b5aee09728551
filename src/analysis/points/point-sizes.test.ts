import { describe, expect, it } from 'vitest';
import { LIST_THRESHOLDS, minListAt, pointRadius } from './point-sizes';

describe('practice symbol sizes', () => {
  it('makes area proportional to the list: four times the list, twice the radius', () => {
    const big = pointRadius(40_000, 40_000, 1, 12);
    expect(big).toBe(12);
    expect(pointRadius(10_000, 40_000, 1, 12)).toBeCloseTo(big / 2, 12);
  });
  it('keeps tiny and missing lists visible at the minimum radius', () => {
    expect(pointRadius(5, 40_000, 2, 12)).toBe(2);
    expect(pointRadius(Number.NaN, 40_000, 2, 12)).toBe(2);
  });
  it('thins to the larger practices at England scale and draws all at street scale', () => {
    expect(minListAt(5.6)).toBe(LIST_THRESHOLDS[0].minList);
    expect(minListAt(8)).toBe(LIST_THRESHOLDS[1].minList);
    expect(minListAt(12)).toBe(0);
  });
});
