import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TrendChart, type TrendPoint } from './TrendChart';

const point = (label: string, year: number, value: number): TrendPoint => ({ label, start: year, end: year, value, lower: null, upper: null, suppressed: false, england: null });

describe('TrendChart', () => {
  it('spreads the quarters of one year across it, in the order given, instead of stacking them', () => {
    const pts = [point('2023 Q1', 2023, 1), point('2023 Q2', 2023, 2), point('2023 Q3', 2023, 3), point('2023 Q4', 2023, 4), point('2024 Q1', 2024, 5)];
    const html = renderToStaticMarkup(createElement(TrendChart, { title: 'Quarterly', points: pts, format: String }));
    const cx = [...html.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cx).toHaveLength(5);
    for (let k = 1; k < cx.length; k++) expect(cx[k]).toBeGreaterThan(cx[k - 1]);
    // evenly spaced within 2023; 2024's only quarter sits mid-year
    expect(cx[2] - cx[1]).toBeCloseTo(cx[1] - cx[0], 6);
    expect(cx[4] - cx[3]).toBeGreaterThan(cx[1] - cx[0]);
  });
});
