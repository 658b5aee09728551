import { describe, expect, it } from 'vitest';
import { shortlistFixture } from './shortlist-fixture';
import { describeDataset, provenanceRows, provenanceSections, provenanceText } from './provenance';

describe('provenance', () => {
  const input = shortlistFixture();

  it('orders the sections and drops empty ones', () => {
    expect(provenanceSections(input).map((s) => s.heading)).toEqual(['Export', 'Selection', 'Method', 'Parameters', 'Indicators', 'Data sources']);
    const bare = shortlistFixture();
    bare.provenance = { ...bare.provenance, method: [], parameters: [] };
    expect(provenanceSections(bare).map((s) => s.heading)).toEqual(['Export', 'Selection', 'Indicators', 'Data sources']);
  });

  it('states the selection totals and the share of the focus region', () => {
    const rows = provenanceRows(input).filter((r) => r.section === 'Selection');
    expect(rows).toEqual([
      { section: 'Selection', item: 'Areas', value: '4 (Electoral ward (2024))' },
      { section: 'Selection', item: 'Residents', value: '21,845' },
      { section: 'Selection', item: 'Share of focus region', value: '0.8% of 2,870,000 NHS Testshire ICB residents' },
    ]);
    const noFocus = shortlistFixture();
    noFocus.totals = { areas: 4, residents: 21845, focusResidents: 0 };
    expect(provenanceRows(noFocus).some((r) => r.item === 'Share of focus region')).toBe(false);
  });

  it('describes indicators and datasets, with licence and attribution', () => {
    const rows = provenanceRows(input);
    expect(rows).toContainEqual({ section: 'Indicators', item: 'Smoking prevalence', value: 'unit: %; 1 decimal place; with 95% confidence interval; source: Synthetic Lifestyle Survey' });
    expect(describeDataset(input.provenance.datasets[1])).toBe('Ministry of Examples; vintage 2019; licence: Open Government Licence v3.0; https://example.org/imd');
  });

  it('renders plain text with headings and item lines, including date, app version and share link', () => {
    const text = provenanceText(input);
    expect(text.startsWith('Export\n  Title: Lung health check shortlist – Greater Testshire\n')).toBe(true);
    expect(text).toContain('  Generated: 21 November 2026\n  Application: Hotspot Atlas 0.1.0\n  Share link: https://example.org/atlas/#v=1&s=abc,def');
    expect(text).toContain('\n\nMethod\n  Step 1: Areas were ranked by the composite index.\n');
    expect(text).toContain('\n\nParameters\n  Permutations: 999\n  Seed: -42');
  });
});
