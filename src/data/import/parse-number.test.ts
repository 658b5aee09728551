import { describe, expect, it } from 'vitest';
import { cellKind, parseCellNumber, printsBack } from './parse-number';

describe('parseCellNumber', () => {
  it('reads plain, signed, decimal and exponent numbers', () => {
    expect(['12', '-3.5', '+4', '.5', '1e3', ' 7 '].map((s) => parseCellNumber(s))).toEqual([12, -3.5, 4, 0.5, 1000, 7]);
  });

  it('reads thousands separators, % and £ as published', () => {
    expect(parseCellNumber('29,199')).toBe(29199);
    expect(parseCellNumber('6,144,703.5')).toBe(6144703.5);
    expect(parseCellNumber('12.5%')).toBe(12.5);
    expect(parseCellNumber('£1,250')).toBe(1250);
  });

  it('refuses text and badly grouped numbers', () => {
    for (const s of ['12,5', '1,23,456', 'twelve', '12 apples', 'E01000001', '=1+1', '0x10', 'Infinity']) expect(parseCellNumber(s)).toBeNaN();
  });

  it('reads decimal commas when the file uses them', () => {
    const style = { decimalComma: true };
    expect(parseCellNumber('12,5', style)).toBe(12.5);
    expect(parseCellNumber('1.234,5', style)).toBe(1234.5);
    expect(parseCellNumber('1.234', style)).toBe(1234);
    expect(parseCellNumber('7', style)).toBe(7);
  });

  it('tells missing markers from text', () => {
    expect(['', '  ', 'NA', '*', '..', 'c', '#N/A', 'x', 'oops'].map((s) => cellKind(s, parseCellNumber(s))))
      .toEqual(['blank', 'blank', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'text']);
  });

  it('knows which texts a number prints back as (so their text need not be kept)', () => {
    const samples = ['0', '-0', '7', '-12', '007', '12.5', '12.50', '5.', '.5', '0.25', '-0.001', '0.000001', '0.0000001', '+3', '1e3', '1E21',
      '123456789012345', '1234567890123456789', '0.30000000000001', '9007199254740993', '3.14159265358979', '1,234', '12%'];
    for (const t of samples) {
      const v = parseCellNumber(t);
      expect(printsBack(t, v), t).toBe(String(v) === t);
    }
  });
});

