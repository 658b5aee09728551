import { describe, expect, it } from 'vitest';
import { classTotals, gClasses, G_CLASSES, LISA_CLASSES, lisaClasses } from './cluster-classes';

const names = (codes: Uint8Array, classes: readonly string[]) => Array.from(codes, (c) => classes[c]);

describe('gClasses', () => {
  it('bins hot and cold spots by the strictest confidence level passed, within α', () => {
    const z = Float64Array.from([3, 2, 1.8, -2, -3, 0.5, 2, NaN]);
    const p = Float64Array.from([0.001, 0.04, 0.08, 0.09, 0.005, 0.5, 0.2, NaN]);
    expect(names(gClasses(z, p, 0.1), G_CLASSES)).toEqual(['hot-99', 'hot-95', 'hot-90', 'cold-90', 'cold-99', 'not-significant', 'not-significant', 'no-neighbours']);
    // At α = 0.05 the 90 % bins are not used.
    expect(names(gClasses(z, p, 0.05), G_CLASSES).slice(0, 5)).toEqual(['hot-99', 'hot-95', 'not-significant', 'not-significant', 'cold-99']);
  });
});

describe('lisaClasses', () => {
  it('labels significant areas by scatterplot quadrant', () => {
    const own = Float64Array.from([1, -1, 1, -1, 1, 0]);
    const lag = Float64Array.from([2, -2, -2, 2, 2, 1]);
    const p = Float64Array.from([0.01, 0.01, 0.01, 0.01, 0.2, 0.01]);
    expect(names(lisaClasses(own, lag, p, 0.05), LISA_CLASSES)).toEqual(['high-high', 'low-low', 'high-low', 'low-high', 'not-significant', 'low-high']);
    expect(names(lisaClasses(own, lag, Float64Array.from([NaN, 1, 1, 1, 1, 1]), 0.05), LISA_CLASSES)[0]).toBe('no-neighbours');
  });
});

describe('classTotals', () => {
  it('counts areas and sums residents per class', () => {
    const t = classTotals(Uint8Array.from([1, 1, 0, 2]), LISA_CLASSES, [100, 250, 40, 10]);
    expect(t['high-high']).toEqual({ areas: 2, total: 350 });
    expect(t['low-low']).toEqual({ areas: 1, total: 10 });
    expect(t['low-high']).toEqual({ areas: 0, total: 0 });
  });
});
