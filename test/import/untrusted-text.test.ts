/**
 * Every string from a user's file is untrusted. The import core only ever returns it as plain text:
 * markup is not parsed, entities are not unescaped, formulas are not evaluated, and nothing in a
 * cell can run code or reach the network. (Rendering it safely is the UI's job: as text nodes.)
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bytesSource } from '../../src/data/import/byte-source';
import { runImportJob } from '../../src/data/import/import-job';
import { cellText } from '../../src/data/import/imported-table';
import { summariseTable } from '../../src/data/import/table-summary';
import { unmatchedCodesCsv } from '../../src/data/import/unmatched-codes-csv';
import { syntheticReference } from './synthetic-reference';

const refs = syntheticReference();
const file = (name: string) => bytesSource(new Uint8Array(readFileSync(`test/import/bad-inputs/${name}`)), name);

afterEach(() => vi.unstubAllGlobals());

describe('untrusted text from files', () => {
  it('returns HTML exactly as written: tags and entities untouched, nothing run', async () => {
    const alert = vi.fn();
    const fetchSpy = vi.fn();
    vi.stubGlobal('alert', alert);
    vi.stubGlobal('fetch', fetchSpy);
    const { table, report } = await runImportJob(file('html-in-names.csv'), refs);
    const names = Array.from({ length: table.rowCount }, (_, i) => cellText(table.columns[1], i));
    expect(names).toEqual(['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'Fish &amp; Chips &lt;b&gt;']);
    expect(summariseTable(table).preview.map((r) => r[1])).toEqual(names);
    expect(report.issues.find((i) => i.code === 'markup-like')!.message).toContain('"Fish &amp; Chips &lt;b&gt;"');
    expect(alert).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps formulas as text, and neutralises them in the downloadable CSV', async () => {
    const { table, report } = await runImportJob(file('formula-strings.csv'), refs);
    expect(cellText(table.columns[1], 0)).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(table.columns[1].numbers[1]).toBeNaN(); // "+44 20 7946 0000" is text, not 442079460000
    const csv = unmatchedCodesCsv({ ...report, join: { ...report.join!, unmatched: [{ code: '=1+1', rows: [2], count: 1, reason: 'not-a-code', detail: '@x' }] } });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe("'=1+1,1,2,not-a-code,'@x");
  });

  it('treats markup in column names and GeoJSON properties as plain names', async () => {
    const csv = bytesSource(new TextEncoder().encode('code,<b onmouseover="x()">uptake</b>\nE01000001,5\n'), 'h.csv');
    const { table } = await runImportJob(csv, refs);
    expect(table.columns[1].name).toBe('<b onmouseover="x()">uptake</b>');
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'E05000932', name: '<svg onload=alert(1)>' }, geometry: { type: 'Polygon', coordinates: [[[0, 51], [0.1, 51], [0.1, 51.1], [0, 51]]] } }] });
    const g = await runImportJob(bytesSource(new TextEncoder().encode(geo), 'g.geojson'), refs);
    expect(cellText(g.table.columns[1], 0)).toBe('<svg onload=alert(1)>');
  });
});
