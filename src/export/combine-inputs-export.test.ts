/**
 * A composite or rule shortlist names every input in every format: its value (and score or "met")
 * columns, and its unit, period, publisher and dataset in the method and sources.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildPrintBrief } from './print-brief';
import { provenanceRows } from './provenance';
import { writeMethodCsv, writeShortlistCsv } from './shortlist-csv';
import { combineShortlistFixture, fixtureGeometries } from './shortlist-fixture';
import { writeShortlistGeoJson } from './shortlist-geojson';

const input = combineShortlistFixture();
const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;

describe('composite and rule inputs in exports', () => {
  it('CSV: a value and a score column per composite input, a value and a met column per rule condition', () => {
    const [header, ...body] = parse(writeShortlistCsv(input));
    const cols = ['Composite risk index', 'Composite input 1: Smokers (%)', 'Composite input 1 score: Smokers', 'Rule condition 1 measure: Smokers (%)', 'Rule condition 1 met (1 = yes, 0 = no): Smokers above England'];
    for (const c of cols) expect(header).toContain(c);
    const at = (c: string) => header.indexOf(c);
    expect(body.map((r) => r[at(cols[1])])).toEqual(['23.5', '', '10', '15']);
    expect(body.map((r) => r[at(cols[2])])).toEqual(['88', '', '3.1', '40']);
    expect(body.map((r) => r[at(cols[4])])).toEqual(['1', '', '0', '0']);
  });

  it('method and sources: each input with its role, unit, period, publisher and dataset', () => {
    const rows = provenanceRows(input).filter((r) => r.section === 'Indicators');
    const value = rows.find((r) => r.item === 'Composite input 1: Smokers')!.value;
    expect(value).toBe('Input 1 of 2 of the composite risk index, weight 50 %; unit: %; 1 decimal place; no confidence interval; period: 2024; '
      + 'publisher: Made-up Health Office; dataset: Synthetic Lifestyle Survey, indicator 1');
    const method = parse(writeMethodCsv(input));
    expect(method.some((r) => r[1] === 'Rule condition 1 met (1 = yes, 0 = no): Smokers above England' && r[2].includes('period: 2024'))).toBe(true);
  });

  it('print brief: input values in the table, scores and "met" flags only under Indicators', () => {
    const brief = buildPrintBrief(input);
    const headers = brief.table.columns.map((c) => c.header);
    expect(headers).toContain('Composite input 1: Smokers');
    expect(headers).toContain('Rule condition 1 measure: Smokers');
    expect(headers).not.toContain('Composite input 1 score: Smokers');
    expect(headers.some((h) => h.startsWith('Rule condition 1 met'))).toBe(false);
    const indicators = brief.method.find((s) => s.heading === 'Indicators')!.rows.map((r) => r.item);
    expect(indicators).toContain('Composite input 1 score: Smokers');
    expect(indicators).toContain('Rule condition 1 met (1 = yes, 0 = no): Smokers above England');
  });

  it('GeoJSON: input columns as properties, their period and source in the provenance member', () => {
    const gj = JSON.parse(writeShortlistGeoJson(input, (c) => fixtureGeometries().get(c)));
    expect(gj.features[0].properties.composite_input1_score).toBe(88);
    expect(gj.features[0].properties.rule_condition1_met).toBe(1);
    const col = gj.provenance.columns.find((c: { id: string }) => c.id === 'composite_input1');
    expect(col).toMatchObject({ vintage: '2024', publisher: 'Made-up Health Office', dataset: 'Synthetic Lifestyle Survey, indicator 1', part: 'value' });
  });
});
