import { describe, expect, it } from 'vitest';
import { formatWithUnit } from './format';

describe('formatWithUnit', () => {
  it('keeps the unit of percentages and of every "per …" rate, including users\' per 1,000 / 10,000', () => {
    expect(formatWithUnit(12.345, 1, '%')).toBe('12.3 %');
    expect(formatWithUnit(3.2, 1, '% of registered patients')).toBe('3.2 %');
    expect(formatWithUnit(512, 1, 'per 100,000 per year')).toBe('512.0 per 100,000 per year');
    expect(formatWithUnit(4.25, 2, 'per 1,000 patients')).toBe('4.25 per 1,000 patients');
    expect(formatWithUnit(1234.5, 1, 'per 10,000')).toBe('1,234.5 per 10,000');
  });
  it('leaves scores, ranks and counts bare and says when there is no value', () => {
    expect(formatWithUnit(21.7, 1, 'score')).toBe('21.7');
    expect(formatWithUnit(1500, 0, 'residents')).toBe('1,500');
    expect(formatWithUnit(Number.NaN, 1, '%')).toBe('no data');
  });
});
