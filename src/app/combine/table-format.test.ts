import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../ui/format';
import { fastNumber } from './table-format';

describe('fastNumber', () => {
  it('matches the Intl en-GB formatting used elsewhere', () => {
    for (const v of [0, 1, -1, 12.345, 999.95, 1234.5, -98765.432, 1e6, 0.004, -1.6, 33755]) {
      for (const d of [0, 1, 2]) expect(fastNumber(v, d)).toBe(formatNumber(v, d).replace(/\u2212/g, '-'));
    }
    expect(fastNumber(NaN, 1)).toBe('–');
    // Intl writes "-0" for a tiny negative rounded away; a table reads better with "0".
    expect(fastNumber(-0.004, 0)).toBe('0');
  });
});
