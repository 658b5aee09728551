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
    const cols = ['Composite risk index', 'Composite input 1: Smokers (%)', 'Composite input 1 score: Smokers', 'Rule condition 1 measure: IMD score', 'Rule condition 1 met (1 = yes, 0 = no): IMD score at least 30'];
    for (const c of cols) expect(header).toContain(c);
    const at = (c: string) => header.indexOf(c);
    expect(body.map((r) => r[at(cols[1])])).toEqual(['23.5', '', '10', '15']);
    expect(body.map((r) => r[at(cols[2])])).toEqual(['88', '', '3.1', '40']);
    expect(body.map((r) => r[at(cols[3])])).toEqual(['45.68', '0', '', '-1.01']);
    expect(body.map((r) => r[at(cols[4])])).toEqual(['1', '0', '', '0']);
  });

  it('method and sources: each input with its role, unit, period, publisher and dataset', () => {
    const rows = provenanceRows(input).filter((r) => r.section === 'Indicators');
    const value = rows.find((r) => r.item === 'Composite input 1: Smokers')!.value;
    expect(value).toBe('Input 1 of 2 of the composite risk index, weight 50 %; unit: %; 1 decimal place; no confidence interval; period: 2024; '
      + 'publisher: Made-up Health Office; dataset: Synthetic Lifestyle Survey, indicator 1');
    const method = parse(writeMethodCsv(input));
    expect(method).toContainEqual(['Indicators', 'Rule condition 1 met (1 = yes, 0 = no): IMD score at least 30', 'Whether the area meets rule condition 1; no unit; 0 decimal places; no confidence interval']);
  });

  it('print brief (one page): each input under Indicators; per-area input columns stay in the data files', () => {
    const brief = buildPrintBrief(input);
    const headers = brief.table.columns.map((c) => c.header);
    expect(headers).toContain('Composite risk index');
    expect(headers.filter((h) => h.startsWith('Composite input') || h.startsWith('Rule condition'))).toEqual([]);
    const indicators = brief.method.find((s) => s.heading === 'Indicators')!.rows;
    // The rule's measure is also a list column ("IMD score"): described once.
    expect(indicators.map((r) => r.item)).toEqual(input.columns.filter((c) => !c.part || c.id === 'composite_input1').map((c) => c.label));
    expect(indicators.find((r) => r.item === 'Composite input 1: Smokers')!.value)
      .toBe('unit: %; period: 2024; publisher: Made-up Health Office; dataset: Synthetic Lifestyle Survey, indicator 1');
    // With a source title, the brief names it and leaves the publisher to "Data sources".
    expect(indicators.find((r) => r.item === 'Smoking prevalence')!.value).toBe('unit: %; with 95% confidence interval; source: Synthetic Lifestyle Survey');
  });

  it('GeoJSON: input columns as properties, their period and source in the provenance member', () => {
    const gj = JSON.parse(writeShortlistGeoJson(input, (c) => fixtureGeometries().get(c))) as {
      features: { properties: Record<string, unknown> }[];
      provenance: { columns: { id: string }[] };
    };
    expect(gj.features[0].properties.composite_input1_score).toBe(88);
    expect(gj.features[0].properties.rule_condition1_met).toBe(1);
    const col = gj.provenance.columns.find((c) => c.id === 'composite_input1');
    expect(col).toMatchObject({ vintage: '2024', publisher: 'Made-up Health Office', dataset: 'Synthetic Lifestyle Survey, indicator 1', part: 'value' });
  });

  it('print brief: each source once with publisher and vintage, every licence and attribution statement once', () => {
    const sources = buildPrintBrief(input).method.find((s) => s.heading === 'Data sources')!.rows;
    const ds = input.provenance.datasets;
    expect(sources.map((r) => r.item)).toEqual([...ds.map((d) => d.title), 'Licences and attribution']);
    expect(sources[0].value).toBe(`${ds[0].publisher}; vintage ${ds[0].vintage}`);
    const statements = sources[sources.length - 1].value;
    for (const d of ds) expect(statements).toContain(d.licence);
    expect(statements.split(`Licence: ${ds[0].licence}.`)).toHaveLength(2);
    expect(statements).toContain(ds[0].attribution!);
  });
});
