import { describe, expect, it } from 'vitest';
import { MISSING, SUPPRESSED, buildPrintBrief, formatIndicator } from './print-brief';
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
