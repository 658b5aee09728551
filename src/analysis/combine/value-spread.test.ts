import { describe, expect, it } from 'vitest';
import { valueSpread } from './value-spread';

describe('valueSpread', () => {
  const values = Float64Array.from([12.2, 12.2, NaN, 12.2, 30.1, 41.5]);

  it('counts present and distinct values inside the region only', () => {
    expect(valueSpread(values, null)).toEqual({ present: 5, distinct: 3, constant: false });
    expect(valueSpread(values, Uint8Array.from([1, 1, 1, 1, 0, 0]))).toEqual({ present: 3, distinct: 1, constant: true });
    expect(valueSpread(values, Uint8Array.from([0, 0, 0, 1, 1, 0]))).toEqual({ present: 2, distinct: 2, constant: false });
  });

  it('needs two values to call an input constant (one area, or none, says nothing)', () => {
    expect(valueSpread(values, Uint8Array.from([1, 0, 1, 0, 0, 0])).constant).toBe(false);
    expect(valueSpread(new Float64Array(0), null)).toEqual({ present: 0, distinct: 0, constant: false });
  });

  it('stops counting distinct values at the cap', () => {
    const many = Float64Array.from({ length: 50 }, (_, i) => i);
    expect(valueSpread(many, null, 10)).toEqual({ present: 50, distinct: 10, constant: false });
  });
});
