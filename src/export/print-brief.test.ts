import { describe, expect, it } from 'vitest';
import { BRIEF_PRACTICES, MISSING, SUPPRESSED, buildPrintBrief, formatIndicator } from './print-brief';
import type { ShortlistPracticeRow } from './shortlist-practices';
import { shortlistFixture } from './shortlist-fixture';

describe('buildPrintBrief', () => {
  const input = shortlistFixture();
  const brief = buildPrintBrief(input);

  it('has the title, a subtitle with level and date, totals and a footer', () => {
    expect(brief.title).toBe(input.title);
    expect(brief.subtitle).toBe('Electoral ward (2024) · 21 November 2026');
    expect(brief.summary).toEqual(['4 areas (Electoral ward (2024))', '21,845 residents', '0.8% of the 2,870,000 residents of NHS Testshire ICB']);
    expect(brief.footer).toBe('Hotspot Atlas 0.1.0 · generated 21 November 2026');
    expect(brief.shareUrl).toBe(input.provenance.shareUrl);
  });

  it('formats one display row per area, aligned with the header', () => {
    const { columns, rows } = brief.table;
    expect(columns.map((c) => c.header)).toEqual([
      'Rank', 'Area', 'Code', 'Local authority', 'Residents', 'Smoking prevalence', 'IMD score', 'Change since 2019 (pp)', 'Hotspot class', 'Conditions met', 'Note',
    ]);
    for (const r of rows) expect(r).toHaveLength(columns.length);
    expect(rows[0]).toEqual(['1', 'Ashbury North', 'E05999001', 'Millbrook', '12,345', '23.5% (20.1–26.8)', '45.68', '-2.5', 'High–High (hotspot)', 'IMD decile 1–2; Smoking above England', 'Check with PCN, "priority"']);
    expect(rows[1][5]).toBe(SUPPRESSED);
    expect(rows[2][4]).toBe(MISSING);
    expect(rows[2][6]).toBe(MISSING);
    // Untrusted text is passed through as text; the renderer escapes it.
    expect(rows[1][1]).toBe('=HYPERLINK("http://x","y")');
  });

  it('lists shortlisted practices and PCNs compactly (ODS code, name, PCN, list size), the first few, the rest counted; none: no section', () => {
    expect(brief.practices).toBeNull();
    const practice = (i: number): ShortlistPracticeRow => ({
      kind: 'practice', practiceCode: `B8200${i}`, name: i === 0 ? '=HYPERLINK("http://x","y")' : `Surgery ${i}`, pcnCode: 'U12345', pcnName: i === 1 ? null : 'North PCN', subIcbCode: 'E38000247',
      listSize: 9120 + i, practices: null, measure: null, lon: -1.5, lat: 53.4, members: [],
    });
    const pcn: ShortlistPracticeRow = { kind: 'pcn', practiceCode: null, name: 'Central PCN', pcnCode: 'U54321', pcnName: null, subIcbCode: null, listSize: 51234, practices: 6, measure: null, lon: null, lat: null, members: [[-1.5, 53.4]] };
    const p = buildPrintBrief({ ...input, practices: [pcn, practice(0), practice(1)] }).practices!;
    expect(p.columns.map((c) => c.header)).toEqual(['ODS code', 'GP practice or PCN', 'PCN', 'List size']);
    expect(p.rows).toEqual([
      ['U54321', 'Central PCN (PCN, 6 practices)', MISSING, '51,234'],
      ['B82000', '=HYPERLINK("http://x","y")', 'North PCN', '9,120'],
      ['B82001', 'Surgery 1', 'U12345', '9,121'],
    ]);
    expect(p.more).toBe(0);
    expect(p.note).toMatch(/group of practices, not an area/);
    const many = buildPrintBrief({ ...input, practices: Array.from({ length: 9 }, (_, i) => practice(i)) }).practices!;
    expect(many.rows).toHaveLength(BRIEF_PRACTICES);
    expect(many.more).toBe(9 - BRIEF_PRACTICES);
  });

  it('keeps method, parameters, indicators and sources, not the export header', () => {
    expect(brief.method.map((s) => s.heading)).toEqual(['Method', 'Parameters', 'Indicators', 'Data sources']);
  });
});

describe('formatIndicator', () => {
  const col = { id: 'x', label: 'X', unit: '%', decimals: 1, ciLevel: 95 };
  it('shows an interval only when both bounds exist', () => {
    expect(formatIndicator(col, { value: 9.95, lower: 8.04, upper: 12.05 })).toBe('10.0% (8.0–12.1)');
    expect(formatIndicator(col, { value: 9.95, lower: 8.04 })).toBe('10.0%');
    expect(formatIndicator({ ...col, ciLevel: null, unit: 'per 100,000' }, { value: 512, lower: 1, upper: 2 })).toBe('512.0');
    expect(formatIndicator(col, undefined)).toBe(MISSING);
  });
});
