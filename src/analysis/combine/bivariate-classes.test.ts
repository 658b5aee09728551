import { describe, expect, it } from 'vitest';
import { bivariateClasses } from './bivariate-classes';

describe('bivariateClasses', () => {
  const x = Float64Array.from([1, 5, 9, 1, 9, NaN]);
  const y = Float64Array.from([1, 5, 9, 9, 1, 5]);
  const breaks = [3, 7];

  it('puts the higher-risk third of each indicator in column / row 2', () => {
    const r = bivariateClasses(x, y, breaks, breaks, 1, 1, null);
    expect([...r.cells]).toEqual([0, 4, 8, 6, 2, -1]);
    expect(r.missing).toBe(1);
    expect(r.counts.reduce((a, b) => a + b)).toBe(5);
  });

  it('flips an axis whose low values are the risky ones', () => {
    const r = bivariateClasses(x, y, breaks, breaks, -1, 1, null);
    expect([...r.cells]).toEqual([2, 4, 6, 8, 0, -1]);
  });

  it('counts only the scope', () => {
    const r = bivariateClasses(x, y, breaks, breaks, 1, 1, Uint8Array.from([1, 1, 0, 0, 0, 0]));
    expect(r.counts[0]).toBe(1);
    expect(r.counts[4]).toBe(1);
    expect(r.counts[8]).toBe(0);
    expect(r.missing).toBe(0);
  });

  it('rejects more than two breaks per axis', () => {
    expect(() => bivariateClasses(x, y, [1, 2, 3], breaks, 1, 1, null)).toThrow(/3 classes/);
  });
});
