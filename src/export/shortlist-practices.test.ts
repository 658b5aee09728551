import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { writeCsvBundle } from './shortlist-csv';
import { shortlistFixture } from './shortlist-fixture';
import { writeShortlistGeoJson } from './shortlist-geojson';
import { writeShortlistXlsx } from './shortlist-xlsx';
import { describe, expect, it } from 'vitest';
import { practiceFeatures, writePracticesCsv, type ShortlistPracticeRow } from './shortlist-practices';

const rows: ShortlistPracticeRow[] = [
  { kind: 'practice', practiceCode: 'B82005', name: '=HYPERLINK("http://x","Evil")', pcnCode: 'U12345', pcnName: 'North PCN', practices: null, lon: -1.5, lat: 53.4 },
  { kind: 'pcn', practiceCode: null, name: '+Central PCN', pcnCode: 'U54321', pcnName: null, practices: 6, lon: null, lat: null },
];

describe('shortlisted practices and PCNs in the exports', () => {
  it('CSV: ODS codes in their own columns, names formula-guarded, a PCN without practice code or site', () => {
    const csv = writePracticesCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      { kind: 'GP practice', practice_code: 'B82005', practice_name: `'=HYPERLINK("http://x","Evil")`, pcn_code: 'U12345', pcn_name: 'North PCN', practices_in_pcn: '', latitude: '53.4', longitude: '-1.5' },
      { kind: 'PCN', practice_code: '', practice_name: '', pcn_code: 'U54321', pcn_name: `'+Central PCN`, practices_in_pcn: '6', latitude: '', longitude: '' },
    ]);
  });

  it('GeoJSON: a practice is a point at its site, a PCN has no geometry', () => {
    const [p, n] = practiceFeatures(rows) as { id: string; geometry: unknown; properties: Record<string, unknown> }[];
    expect(p.geometry).toEqual({ type: 'Point', coordinates: [-1.5, 53.4] });
    expect(p.id).toBe('B82005');
    expect(p.properties).toMatchObject({ section: 'practices and PCNs', kind: 'GP practice', practice_code: 'B82005', pcn_code: 'U12345', practice_name: rows[0].name });
    expect(n.geometry).toBeNull();
    expect(n.id).toBe('U54321');
    expect(n.properties).toMatchObject({ kind: 'PCN', practice_code: null, pcn_code: 'U54321', pcn_name: '+Central PCN', practices_in_pcn: 6 });
  });

  it('each shortlist export carries the section: a CSV in the zip, an Excel sheet, GeoJSON features after the areas; none when empty', async () => {
    const input = { ...shortlistFixture(), practices: rows };
    const files = unzipSync(writeCsvBundle(input));
    const name = Object.keys(files).find((n) => n.endsWith('-practices-and-pcns.csv'))!;
    expect(Buffer.from(files[name]).toString('utf8')).toBe(writePracticesCsv(rows));
    expect(Object.keys(unzipSync(writeCsvBundle(shortlistFixture()))).some((n) => n.includes('practices'))).toBe(false);

    const sheets = await readXlsxFile(await writeShortlistXlsx(input), { trim: false });
    const sheet = sheets.find((x) => x.sheet === 'Practices and PCNs')!.data;
    expect(sheet[0]).toEqual(['kind', 'practice_code', 'practice_name', 'pcn_code', 'pcn_name', 'practices_in_pcn', 'latitude', 'longitude']);
    expect(sheet[1].slice(0, 5)).toEqual(['GP practice', 'B82005', rows[0].name, 'U12345', 'North PCN']);
    expect(sheet[2][5]).toBe(6);

    const geo = JSON.parse(writeShortlistGeoJson(input, () => undefined)) as { features: { id: string; properties: { section?: string } }[] };
    const areas = input.rows.length;
    expect(geo.features).toHaveLength(areas + 2);
    expect(geo.features.slice(areas).map((f) => [f.id, f.properties.section])).toEqual([['B82005', 'practices and PCNs'], ['U54321', 'practices and PCNs']]);
  });
});
