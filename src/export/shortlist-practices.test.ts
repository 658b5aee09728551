import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { writeCsvBundle } from './shortlist-csv';
import { shortlistFixture } from './shortlist-fixture';
import { writeShortlistGeoJson } from './shortlist-geojson';
import { writeShortlistXlsx } from './shortlist-xlsx';
import { describe, expect, it } from 'vitest';
import { PCN_GEOMETRY_NOTE, practiceFeatures, writePracticesCsv, type ShortlistPracticeRow } from './shortlist-practices';

const measure = (value: number, lower: number, upper: number) => ({ label: 'Cancer register, % of registered patients all ages (QOF 2022-23 recorded prevalence)', unit: '%', value, lower, upper });
const rows: ShortlistPracticeRow[] = [
  {
    kind: 'practice', practiceCode: 'B82005', name: '=HYPERLINK("http://x","Evil")', pcnCode: 'U12345', pcnName: 'North PCN', subIcbCode: 'E38000247', listSize: 9120, practices: null,
    measure: measure(3.2, 2.9, 3.6), lon: -1.5, lat: 53.4, members: [],
  },
  {
    kind: 'pcn', practiceCode: null, name: '+Central PCN', pcnCode: 'U54321', pcnName: null, subIcbCode: 'E38000247', listSize: 51000, practices: 6,
    measure: measure(3.0, 2.8, 3.1), lon: null, lat: null, members: [[-1.51, 53.41], [-1.49, 53.39]],
  },
  { kind: 'pcn', practiceCode: null, name: 'not a PCN in the QOF 2022-23 mapping', pcnCode: 'U00000', pcnName: null, subIcbCode: null, listSize: null, practices: null, measure: null, lon: null, lat: null, members: [] },
];
const M = 'Cancer register, % of registered patients all ages (QOF 2022-23 recorded prevalence) (%)';

describe('shortlisted practices and PCNs in the exports', () => {
  it('CSV: ODS codes in their own columns, names formula-guarded, a PCN without practice code or site', () => {
    const csv = writePracticesCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      {
        kind: 'GP practice', practice_code: 'B82005', practice_name: `'=HYPERLINK("http://x","Evil")`, pcn_code: 'U12345', pcn_name: 'North PCN', sub_icb_code: 'E38000247', list_size: '9120', practices_in_pcn: '',
        measure: M, measure_value: '3.2', measure_lower_95: '2.9', measure_upper_95: '3.6', latitude: '53.4', longitude: '-1.5',
      },
      {
        kind: 'PCN', practice_code: '', practice_name: '', pcn_code: 'U54321', pcn_name: `'+Central PCN`, sub_icb_code: 'E38000247', list_size: '51000', practices_in_pcn: '6',
        measure: M, measure_value: '3', measure_lower_95: '2.8', measure_upper_95: '3.1', latitude: '', longitude: '',
      },
      {
        kind: 'PCN', practice_code: '', practice_name: '', pcn_code: 'U00000', pcn_name: 'not a PCN in the QOF 2022-23 mapping', sub_icb_code: '', list_size: '', practices_in_pcn: '',
        measure: '', measure_value: '', measure_lower_95: '', measure_upper_95: '', latitude: '', longitude: '',
      },
    ]);
  });

  it('GeoJSON: a practice is a Point at its site with its codes, Sub-ICB, list size and measure; a PCN is the MultiPoint of its practices, said to be a group, not an area', () => {
    const [p, n, unknown] = practiceFeatures(rows) as { id: string; geometry: unknown; properties: Record<string, unknown> }[];
    expect(p.geometry).toEqual({ type: 'Point', coordinates: [-1.5, 53.4] });
    expect(p.id).toBe('B82005');
    expect(p.properties).toEqual({
      section: 'practices and PCNs', kind: 'GP practice', practice_code: 'B82005', practice_name: rows[0].name, pcn_code: 'U12345', pcn_name: 'North PCN', sub_icb_code: 'E38000247',
      list_size: 9120, practices_in_pcn: null, measure: M, measure_value: 3.2, measure_lower_95: 2.9, measure_upper_95: 3.6, latitude: 53.4, longitude: -1.5,
    });
    expect(n.geometry).toEqual({ type: 'MultiPoint', coordinates: [[-1.51, 53.41], [-1.49, 53.39]] });
    expect(n.id).toBe('U54321');
    expect(n.properties).toMatchObject({ kind: 'PCN', practice_code: null, pcn_code: 'U54321', pcn_name: '+Central PCN', practices_in_pcn: 6, list_size: 51000, sub_icb_code: 'E38000247', measure_value: 3, geometry_note: PCN_GEOMETRY_NOTE });
    expect(PCN_GEOMETRY_NOTE).toMatch(/group of GP practices, not an area/);
    // a code the data does not hold: no geometry (RFC 7946 allows null), still listed
    expect(unknown.geometry).toBeNull();
  });

  it('each shortlist export carries the section: a CSV in the zip, an Excel sheet, GeoJSON features after the areas; none when empty', async () => {
    const input = { ...shortlistFixture(), practices: rows };
    const files = unzipSync(writeCsvBundle(input));
    const name = Object.keys(files).find((n) => n.endsWith('-practices-and-pcns.csv'))!;
    expect(Buffer.from(files[name]).toString('utf8')).toBe(writePracticesCsv(rows));
    expect(Object.keys(unzipSync(writeCsvBundle(shortlistFixture()))).some((n) => n.includes('practices'))).toBe(false);

    const sheets = await readXlsxFile(await writeShortlistXlsx(input), { trim: false });
    const sheet = sheets.find((x) => x.sheet === 'Practices and PCNs')!.data;
    expect(sheet[0]).toEqual(['kind', 'practice_code', 'practice_name', 'pcn_code', 'pcn_name', 'sub_icb_code', 'list_size', 'practices_in_pcn', 'measure', 'measure_value', 'measure_lower_95', 'measure_upper_95', 'latitude', 'longitude']);
    expect(sheet[1].slice(0, 7)).toEqual(['GP practice', 'B82005', rows[0].name, 'U12345', 'North PCN', 'E38000247', 9120]);
    expect(sheet[2][7]).toBe(6);

    const geo = JSON.parse(writeShortlistGeoJson(input, () => undefined)) as { features: { id: string; properties: { section?: string } }[] };
    const areas = input.rows.length;
    expect(geo.features).toHaveLength(areas + 3);
    expect(geo.features.slice(areas).map((f) => [f.id, f.properties.section])).toEqual([['B82005', 'practices and PCNs'], ['U54321', 'practices and PCNs'], ['U00000', 'practices and PCNs']]);
  });
});
