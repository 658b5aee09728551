/**
 * Synthetic shortlist for the export tests: made-up areas and values, with the awkward cases real
 * files can bring (formula-like names, quotes, commas, newlines, accents, suppressed values,
 * negative numbers, missing parents) gathered in a few rows.
 */
import type { AreaGeometry, ShortlistExport } from './types';

export const MALICIOUS = {
  name: '=HYPERLINK("http://x","y")',
  note: '+1+1',
  condition: '-2+3',
  hotspot: '@SUM(A1)',
  laName: '\t=1',
  icbName: '\r=1',
} as const;

export function shortlistFixture(): ShortlistExport {
  return {
    title: 'Lung health check shortlist – Greater Testshire',
    level: { id: 'ward24', label: 'Electoral ward (2024)' },
    columns: [
      { id: 'smoking_prev', label: 'Smoking prevalence', unit: '%', decimals: 1, ciLevel: 95, source: 'Synthetic Lifestyle Survey' },
      { id: 'imd_score', label: 'IMD score', unit: '', decimals: 2, ciLevel: null, source: 'Synthetic Deprivation Index' },
      { id: 'change_pp', label: 'Change since 2019', unit: 'pp', decimals: 1, ciLevel: null },
    ],
    rows: [
      {
        rank: 1, code: 'E05999001', name: 'Ashbury North',
        la: { code: 'E08999001', name: 'Millbrook' }, icb: { code: 'E54999001', name: 'NHS Testshire ICB' },
        residents: 12345,
        values: { smoking_prev: { value: 23.456, lower: 20.1, upper: 26.84 }, imd_score: { value: 45.678 }, change_pp: { value: -2.54 } },
        conditionsMet: ['IMD decile 1–2', 'Smoking above England'],
        hotspotClass: 'High–High (hotspot)', note: 'Check with PCN, "priority"',
      },
      {
        rank: 2, code: 'E05999002', name: MALICIOUS.name,
        la: { code: 'E08999002', name: MALICIOUS.laName }, icb: { code: 'E54999001', name: MALICIOUS.icbName },
        residents: 8000,
        values: { smoking_prev: { value: 31.2, lower: 25, upper: 37.5, suppressed: true, note: 'fewer than 10 cases' }, imd_score: { value: 0 }, change_pp: { value: -0.04 } },
        conditionsMet: [MALICIOUS.condition],
        hotspotClass: MALICIOUS.hotspot, note: MALICIOUS.note,
      },
      {
        rank: 3, code: 'E05999003', name: 'Comma, "Quote" and\nnewline',
        la: null, icb: null,
        residents: null,
        values: { smoking_prev: { value: 9.95, lower: 8.04, upper: 12.05 }, change_pp: { value: 1.25, note: 'boundary change' } },
        conditionsMet: [],
        hotspotClass: null, note: 'Ynys Môn – ok',
      },
      {
        rank: 4, code: 'E05999004', name: ' =1+1',
        la: { code: 'E08999001', name: 'Millbrook' }, icb: { code: 'E54999001', name: 'NHS Testshire ICB' },
        residents: 1500,
        values: { smoking_prev: { value: 15 }, imd_score: { value: -1.005 }, change_pp: { value: -12 } },
        conditionsMet: ['IMD decile 1–2'],
        hotspotClass: 'Not significant', note: '-5',
      },
    ],
    totals: { areas: 4, residents: 21845, focusResidents: 2_870_000, focusLabel: 'NHS Testshire ICB' },
    provenance: {
      datasets: [
        { title: 'Synthetic Lifestyle Survey', publisher: 'Made-up Statistics Office', licence: 'Open Government Licence v3.0', vintage: '2023', attribution: 'Contains made-up data © Crown copyright 2026' },
        { title: 'Synthetic Deprivation Index', publisher: 'Ministry of Examples', licence: 'Open Government Licence v3.0', vintage: '2019', url: 'https://example.org/imd' },
      ],
      method: ['Areas were ranked by the composite index.', '=cmd|\' /C calc\'!A0 is kept as text.'],
      parameters: [
        { key: 'Permutations', value: '999' },
        { key: 'Seed', value: '-42' },
      ],
      generatedAt: '2026-11-21T10:30:00Z',
      shareUrl: 'https://example.org/atlas/#v=1&s=abc,def',
      appVersion: '0.1.0',
    },
  };
}

const square = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

/**
 * Geometries with the faults the GeoJSON writer must fix: clockwise exteriors, counter-clockwise
 * holes, nine-decimal coordinates, an unclosed ring, a sliver that collapses when rounded, and one
 * area with no geometry at all (E05999003).
 */
export function fixtureGeometries(): Map<string, AreaGeometry> {
  const cwExterior = square(-2.300000004, 53.4, 0.05).reverse();
  const ccwHole = square(-2.29, 53.41, 0.01);
  const sliver = [[-2.1, 53.5], [-2.05, 53.5], [-2.05, 53.500000001], [-2.1, 53.5]];
  return new Map<string, AreaGeometry>([
    ['E05999001', { type: 'Polygon', coordinates: [cwExterior, ccwHole] }],
    ['E05999002', { type: 'MultiPolygon', coordinates: [[square(-2.2, 53.45, 0.02).slice(0, 4)], [square(-2.15, 53.45, 0.02)]] }],
    ['E05999004', { type: 'MultiPolygon', coordinates: [[sliver], [square(-2.0, 53.5, 0.03).reverse()]] }],
  ]);
}

/**
 * The base fixture as a composite-index and overlap-rule shortlist: the index, each composite
 * input's value and score, and the rule condition's measure and "met" flag, each with its role;
 * the value columns also carry their period, publisher and dataset.
 */
export function combineShortlistFixture(): ShortlistExport {
  const base = shortlistFixture();
  const meta = { vintage: '2024', publisher: 'Made-up Health Office', dataset: 'Synthetic Lifestyle Survey, indicator 1' };
  const columns = [
    { id: 'composite_index', label: 'Composite risk index', unit: '', decimals: 1, ciLevel: null },
    { id: 'composite_input1', label: 'Composite input 1: Smokers', unit: '%', decimals: 1, ciLevel: null, ...meta, role: 'Input 1 of 2 of the composite risk index, weight 50 %', part: 'value' as const, measure: 'Smokers' },
    { id: 'composite_input1_score', label: 'Composite input 1 score: Smokers', unit: '', decimals: 1, ciLevel: null, role: 'Normalised score of input 1 (Percentile rank (0–100))', part: 'score' as const },
    ...base.columns,
    { id: 'rule_condition1', label: 'Rule condition 1 measure: IMD score', unit: '', decimals: 2, ciLevel: null, ...meta, role: 'The value judged by rule condition 1: IMD score at least 30', part: 'value' as const, measure: 'IMD score' },
    { id: 'rule_condition1_met', label: 'Rule condition 1 met (1 = yes, 0 = no): IMD score at least 30', unit: '', decimals: 0, ciLevel: null, role: 'Whether the area meets rule condition 1', part: 'met' as const },
  ];
  const extra = [
    { composite_index: { value: 71.25 }, composite_input1: { value: 23.456 }, composite_input1_score: { value: 88.04 }, rule_condition1: { value: 45.678 }, rule_condition1_met: { value: 1 } },
    { composite_index: { value: 50 }, composite_input1: { value: null }, composite_input1_score: { value: null }, rule_condition1: { value: 0 }, rule_condition1_met: { value: 0 } },
    { composite_index: { value: 12.5 }, composite_input1: { value: 9.95 }, composite_input1_score: { value: 3.1 }, rule_condition1: { value: null }, rule_condition1_met: { value: null } },
    { composite_index: { value: 40 }, composite_input1: { value: 15 }, composite_input1_score: { value: 40 }, rule_condition1: { value: -1.005 }, rule_condition1_met: { value: 0 } },
  ];
  return { ...base, columns, rows: base.rows.map((r, i) => ({ ...r, values: { ...r.values, ...extra[i] } })) };
}
