import { describe, expect, it } from 'vitest';
import { getIndicator } from '../data/catalogue';
import { classifyValues, colourBuffer } from './classify-values';
import { NO_DATA_COLOUR } from './palettes';

describe('classifyValues', () => {
  it('gives decile indicators ten fixed classes whatever the region', () => {
    const ind = getIndicator('imd2025.imd.decile');
    const c = classifyValues(Float64Array.from([1, 2, 2, 10]), ind, null, null, 4, 'viridis');
    expect(c.breaks).toHaveLength(9);
    expect(c.counts[0]).toBe(1);
    expect(c.counts[9]).toBe(1);
  });

  it('colours the worse end darker: decile 1 (most deprived) is darker than decile 10', () => {
    const ind = getIndicator('imd2025.imd.decile');
    const c = classifyValues(Float64Array.from([1, 10]), ind, null, null, 2, 'viridis');
    const buf = colourBuffer(c);
    const lum = (o: number) => 0.2126 * buf[o] + 0.7152 * buf[o + 1] + 0.0722 * buf[o + 2];
    expect(lum(0)).toBeLessThan(lum(4));
  });

  it('counts only areas in the focus region and leaves missing values grey', () => {
    const ind = getIndicator('imd2025.imd.score');
    const values = Float64Array.from([5, NaN, 10, 20, 40]);
    const mask = Uint8Array.from([1, 1, 1, 0, 1]);
    const c = classifyValues(values, ind, { method: 'quantile', classes: 3, custom: null, scope: 'focus' }, mask, 4, 'YlOrRd');
    expect(c.missing).toBe(1);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(Array.from(colourBuffer(c).subarray(4, 8))).toEqual(NO_DATA_COLOUR);
  });
});
