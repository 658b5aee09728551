import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, isoDatePart, roundOrNull, roundTo, withUnit } from './format-value';

describe('roundTo', () => {
  it('rounds decimal halves away from zero, as printed', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(1.25, 1)).toBe(1.3);
    expect(roundTo(-2.54, 1)).toBe(-2.5);
    expect(roundTo(12345.6, 0)).toBe(12346);
  });

  it('handles exponent-form numbers and never returns -0', () => {
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(roundTo(1.5e21, 1)).toBe(1.5e21);
  });

  it('maps missing and non-finite input to null', () => {
    expect(roundOrNull(undefined, 1)).toBeNull();
    expect(roundOrNull(NaN, 1)).toBeNull();
    expect(roundOrNull(Infinity, 1)).toBeNull();
    expect(roundOrNull(2.25, 1)).toBe(2.3);
  });
});

describe('formatNumber / withUnit', () => {
  it('formats en-GB with separators and fixed decimals, rounding like the files', () => {
    expect(formatNumber(2870000, 0)).toBe('2,870,000');
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(10, 1)).toBe('10.0');
    expect(formatNumber(null, 1)).toBe('');
    expect(withUnit('12.3', '%')).toBe('12.3%');
    expect(withUnit('512.0', 'per 100,000')).toBe('512.0 per 100,000');
    expect(withUnit('', '%')).toBe('');
  });
});

describe('isoDatePart / formatDate', () => {
  it('reads the date from the text, whatever the time zone', () => {
    expect(isoDatePart('2026-11-21T23:30:00-05:00')).toBe('2026-11-21');
    expect(isoDatePart('2026-13-01')).toBeNull();
    expect(isoDatePart('yesterday')).toBeNull();
    expect(formatDate('2026-11-21')).toBe('21 November 2026');
    expect(formatDate('soon')).toBe('soon');
  });
});
