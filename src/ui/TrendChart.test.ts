import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { getIndicator } from '../data/catalogue';
import { COVID_2020 } from '../data/catalogue/stage-dimensions';
import { flaggedYears } from '../data/catalogue/types';
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

describe('TrendChart: a marked year (2020, COVID-19)', () => {
  const stage = getIndicator('cancer.stage.early');
  const flags = flaggedYears(stage);
  const pts = [2018, 2019, 2020, 2021, 2022].map((y, k) => point(String(y), y, 50 + k));
  const html = renderToStaticMarkup(createElement(TrendChart, { title: 'Early stage', points: pts, format: String, flags }));

  it('takes the marked year from the stage catalogue: 2020 and its COVID-19 caveat, nothing else', () => {
    expect(flags).toEqual([{ year: 2020, short: 'COVID-19', label: COVID_2020 }]);
  });

  it('draws a hatched band named "2020: COVID-19" and a hollow point for that year only', () => {
    expect(html.match(/data-testid="trend-flag"/g)).toHaveLength(1);
    expect(html).toMatch(/data-year="2020"/);
    expect(html).toMatch(/<text[^>]*>2020: COVID-19<\/text>/);
    expect(html).toMatch(/<pattern id="trend-hatch-/);
    const hollow = [...html.matchAll(/<circle[^>]*data-testid="trend-flag-point"[^>]*>/g)];
    expect(hollow).toHaveLength(1);
    expect(hollow[0][0]).toContain('fill="#fff"');
    // the hollow point sits where 2020's filled point would be: third of five, between 2019's and 2021's
    const cx = [...html.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cx).toHaveLength(5);
    expect(hollow[0][0]).toContain(`cx="${cx[2]}"`);
  });

  it('names the year in the text: the svg label, the table caption and row, and the note under the chart', () => {
    expect(html).toMatch(/aria-label="[^"]*2020 marked: COVID-19/);
    expect(html).toContain(`2020 is marked (COVID-19). ${COVID_2020}`);
    expect(html).toContain('<th scope="row">2020 (COVID-19)</th>');
    expect(html).toContain(`Hatched band and hollow point: 2020 (COVID-19). ${COVID_2020}`);
  });

  it('marks nothing when the chart does not reach that year', () => {
    const before = renderToStaticMarkup(createElement(TrendChart, { title: 'x', points: pts.slice(0, 2), format: String, flags }));
    expect(before).not.toContain('trend-flag');
    expect(before).not.toContain('COVID-19');
  });
});
