import { describe, expect, it } from 'vitest';
import { computeBreaks } from '../classify/breaks';
import { combineBreaks } from './class-breaks';

const values = Float64Array.from({ length: 200 }, (_, i) => ((i * 37) % 101) + (i % 7) / 10);
values[5] = NaN;
const region = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));

describe('combineBreaks', () => {
  it('agrees with the map classification for every method, within a region', () => {
    for (const method of ['quantile', 'equal', 'ckmeans'] as const) {
      for (const classes of [3, 5]) {
        expect(combineBreaks(values, { method, classes, custom: null }, region)).toEqual(computeBreaks(values, { method, classes }, region));
        expect(combineBreaks(values, { method, classes, custom: null }, null)).toEqual(computeBreaks(values, { method, classes }));
      }
    }
  });

  it('custom thresholds are sorted, deduplicated and cut to classes − 1', () => {
    expect(combineBreaks(values, { method: 'custom', classes: 3, custom: [50, 10, 10, 90, NaN] }, null)).toEqual([10, 50]);
  });
});
