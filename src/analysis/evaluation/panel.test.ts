import { describe, expect, it } from 'vitest';
import { assemblePanel, comparePeriods, panelFromPeriodColumns, windowMean } from './panel';
import { phaseOf, resolveWindows } from './windows';

describe('panel', () => {
  it('orders periods in time, areas by code, and leaves gaps as NaN', () => {
    const p = assemblePanel([
      { area: 'E05000002', period: '2024 Q1', value: 5 },
      { area: 'E05000001', period: '2023 Q10', value: 1 },
      { area: 'E05000001', period: '2023 Q2', value: 2 },
      { area: 'E05000002', period: '2023 Q2', value: 3 },
    ]);
    expect(p.areas).toEqual(['E05000001', 'E05000002']);
    expect(p.periods).toEqual(['2023 Q2', '2023 Q10', '2024 Q1']);
    expect(Array.from(p.value)).toEqual([2, 1, NaN, 3, NaN, 5]);
    expect(windowMean(p, 0, [0, 1, 2])).toBe(1.5);
    expect(windowMean(p, 1, [1])).toBeNaN();
  });

  it('sorts month names by year and month', () => {
    expect(['Jan 2024', 'Dec 2023', 'March 2023', 'Apr 2023'].sort(comparePeriods)).toEqual(['March 2023', 'Apr 2023', 'Dec 2023', 'Jan 2024']);
  });

  it('builds rates from counts and keeps the counts', () => {
    const p = assemblePanel([
      { area: 'A', period: '2023', numerator: 12, denominator: 4000 },
      { area: 'A', period: '2024', numerator: 3, denominator: 0 },
    ], { multiplier: 10_000 });
    expect(p.value[0]).toBeCloseTo(30, 12);
    expect(p.value[1]).toBeNaN();
    expect(Array.from(p.numerator!)).toEqual([12, 3]);
    expect(p.multiplier).toBe(10_000);
  });

  it('names the area and period of a repeated row, and honours a given period order', () => {
    expect(() => assemblePanel([{ area: 'A', period: 'x', value: 1 }, { area: 'A', period: 'x', value: 2 }])).toThrow('area "A" has more than one row for period "x"');
    const p = assemblePanel([{ area: 'A', period: 'late', value: 1 }, { area: 'A', period: 'early', value: 2 }], { periodOrder: ['early', 'late'] });
    expect(p.periods).toEqual(['early', 'late']);
  });
});

describe('windows', () => {
  const periods = ['2022', '2023', '2024', '2025', '2026'];
  it('resolves baseline, gap and follow-up, with the last baseline period as reference', () => {
    const w = resolveWindows(periods, { baseline: ['2022', '2023'], followup: ['2025', '2026'] });
    expect(w).toEqual({ pre: [0, 1], post: [3, 4], between: [2], span: [0, 1, 2, 3, 4], reference: 1 });
    expect([0, 2, 4].map((p) => phaseOf(w, p))).toEqual(['baseline', 'between', 'follow-up']);
  });
  it('refuses windows that overlap, run backwards or name unknown periods', () => {
    expect(() => resolveWindows(periods, { baseline: ['2022', '2024'], followup: ['2024', '2026'] })).toThrow(/must start after the baseline ends/);
    expect(() => resolveWindows(periods, { baseline: ['2023', '2022'], followup: ['2025', '2026'] })).toThrow(/ends \(2022\) before it starts/);
    expect(() => resolveWindows(periods, { baseline: ['2019', '2022'], followup: ['2025', '2026'] })).toThrow(/"2019" is not in the data/);
  });
});

describe('panelFromPeriodColumns', () => {
  it('lays period columns out area-major and makes rates from counts, as assemblePanel does from rows', () => {
    const areas = ['A', 'B'];
    const periods = ['2023', '2024'];
    const counts = [Float64Array.from([3, NaN]), Float64Array.from([5, 8])];
    const dens = [Float64Array.from([1000, 2000]), Float64Array.from([0, 4000])];
    const p = panelFromPeriodColumns(areas, periods, counts, { denominators: dens, multiplier: 1000 });
    const rows = assemblePanel([
      { area: 'A', period: '2023', numerator: 3, denominator: 1000 }, { area: 'A', period: '2024', numerator: 5, denominator: 0 },
      { area: 'B', period: '2023', numerator: NaN, denominator: 2000 }, { area: 'B', period: '2024', numerator: 8, denominator: 4000 },
    ], { multiplier: 1000 });
    expect(Array.from(p.value)).toEqual(Array.from(rows.value));
    expect(Array.from(p.numerator!)).toEqual(Array.from(rows.numerator!));
    const plain = panelFromPeriodColumns(areas, periods, counts, null);
    expect(Array.from(plain.value)).toEqual([3, 5, NaN, 8]);
    expect(plain.numerator).toBeNull();
  });
});
