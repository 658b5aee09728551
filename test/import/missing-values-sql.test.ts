/**
 * Missing cells are NULL in DuckDB, from every reader, never NaN (issue 11): blank cells and NHS
 * suppression markers stay out of values, sums, means, coverage and ranks. Runs on DuckDB-wasm with
 * the built tables (skipped where they have not been built); expected values are computed here from
 * areas.csv and the rows the test wrote, never read back from the app's SQL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUserIndicator, unregisterUserIndicator } from '../../src/data/catalogue';
import type { Db } from '../../src/data/db/db';
import { bytesSource } from '../../src/data/import/byte-source';
import { runImportJob } from '../../src/data/import/import-job';
import { loadDataset } from '../../src/data/import/load-dataset';
import { loadReferenceCodes } from '../../src/data/import/load-reference-codes';
import type { ReferenceCodes } from '../../src/data/import/reference-codes';
import { takeColumns } from '../../src/data/import/table-summary';
import { datasetIndicators } from '../../src/data/import/dataset-indicators';
import type { Combine, DatasetSpec, ValueSpec } from '../../src/data/import/user-dataset';
import { DATA_DIR, openBuiltDataDb } from '../support/node-db';
import { indicatorRows, rows } from '../support/query-rows';

const built = existsSync(join(DATA_DIR, 'tables/ref_lad_codes.csv'));
type Area = Record<string, string>;

/** The issue's example plus a suppressed LSOA: A has 5 and a blank, B has 7, C only "*". */
const [A, B, C] = ['E01000001', 'E01000002', 'E01000003'];
const CELLS: [string, string | number | null][] = [[A, 5], [A, null], [B, 7], [C, '*']];

// Skipped only on a machine without built data; CI builds it, so there a missing build fails instead.
describe.skipIf(!built && !process.env.CI)('missing values are NULL, never NaN (DuckDB-wasm, built tables)', () => {
  let db: Db;
  let refs: ReferenceCodes;
  let areas: Area[];
  const registered: string[] = [];
  beforeAll(async () => {
    db = await openBuiltDataDb();
    refs = await loadReferenceCodes(async (p) => new Uint8Array(readFileSync(join(DATA_DIR, p))));
    areas = Papa.parse<Area>(readFileSync(join(DATA_DIR, 'tables/areas.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  });
  afterAll(() => registered.forEach(unregisterUserIndicator));

  let n = 0;
  async function load(name: string, bytes: Uint8Array, unit: ValueSpec['unit'], combine: Combine = 'auto'): Promise<DatasetSpec> {
    const job = await runImportJob(bytesSource(bytes, name), refs);
    const column = job.table.columns[1].name;
    const id = `dnull${String(n++).padStart(2, '0')}`;
    const spec: DatasetSpec = {
      id, file: name, sheet: null, table: `user_${id}`, nativeLevel: job.report.key!.target!.atlasLevel!, joinNote: '', practices: false, combine, split: null,
      values: [{ column, field: 'v1', label: column, unit, unitText: '', polarity: 'higher-worse', decimals: 1 }],
      rowsRead: job.table.rowCount, rowsJoined: 0, areas: 0,
    };
    const loaded = await loadDataset(db, spec, { joinKeys: job.joinKeys, rowNumbers: job.table.rowNumbers, columns: takeColumns(job.table, [column]) });
    for (const ind of datasetIndicators(loaded)) {
      registerUserIndicator(ind);
      registered.push(ind.id);
    }
    return loaded;
  }
  const text = (sep: string) => new TextEncoder().encode(`code${sep}uptake\n${CELLS.map(([c, v]) => `${c}${sep}${v ?? ''}`).join('\n')}\n`);
  const stored = async (d: DatasetSpec) => rows(db, `SELECT code, v1, isnan(v1) AS nan FROM ${d.table} ORDER BY code`);

  const READERS: [string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['uptake.csv', () => text(',')],
    ['uptake.tsv', () => text('\t')],
    ['uptake.xlsx', async () => new Uint8Array(await writeXlsxFile([['code', 'uptake'], ...CELLS] as never).toBuffer())],
    ['uptake.parquet', () => new Uint8Array(parquetWriteBuffer({ columnData: [
      { name: 'code', data: CELLS.map((c) => c[0]), type: 'STRING' },
      { name: 'uptake', data: CELLS.map((c) => (typeof c[1] === 'number' ? c[1] : null)), type: 'DOUBLE' },
    ] }))],
    ['uptake.geojson', () => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: CELLS.map(([code, uptake], i) => ({
      type: 'Feature', properties: { code, uptake }, geometry: { type: 'Polygon', coordinates: [[[-0.1 + i / 100, 51.5], [-0.09 + i / 100, 51.5], [-0.09 + i / 100, 51.51], [-0.1 + i / 100, 51.5]]] },
    })) }))],
  ];
  for (const [name, make] of READERS) {
    it(`${name}: blank and suppressed cells reach DuckDB as NULL`, async () => {
      const d = await load(name, await make(), 'percent');
      expect(await stored(d)).toEqual([{ code: A, v1: 5, nan: false }, { code: B, v1: 7, nan: false }, { code: C, v1: null, nan: null }]);
    });
  }

  it('the issue example: A = 5 under every combine rule, ranks over present values only, coverage stated', async () => {
    const pop = (code: string) => Number(areas.find((a) => a.level === 'lsoa21' && a.code === code)!.population);
    for (const [combine, unit] of [['auto', 'percent'], ['mean', 'rate'], ['sum', 'count'], ['first', 'number']] as const) {
      const d = await load('example.csv', text(','), unit, combine);
      const id = datasetIndicators(d)[0].id;
      const lsoa = await indicatorRows(db, id, 'lsoa21');
      expect([A, B, C].map((c) => lsoa.get(c)!.value), combine).toEqual([5, 7, null]);
      // higher is worse: B (7) ranks 1, A (5) 2, of 2 areas with a value; C has no rank
      expect([A, B, C].map((c) => lsoa.get(c)!.national_rank)).toEqual([2, 1, null]);
      expect(lsoa.get(A)!.ranked).toBe(2);
      for (const r of lsoa.values()) expect(Number.isNaN(r.value)).toBe(false);

      // aggregated to the local authority (City of London): present LSOAs only, coverage by residents
      const members = areas.filter((a) => a.level === 'lsoa21' && a.lad24_code === 'E09000001');
      const all = members.reduce((s, a) => s + Number(a.population), 0);
      const la = (await indicatorRows(db, id, 'lad24')).get('E09000001')!;
      const expected = unit === 'count' ? 5 + 7 : (5 * pop(A) + 7 * pop(B)) / (pop(A) + pop(B));
      expect(la.value as number).toBeCloseTo(expected, 9);
      expect(la.coverage as number).toBeCloseTo((pop(A) + pop(B)) / all, 9);
      expect(la.coverage as number).toBeLessThan(1);
    }
  });

  it('a NaN that reaches a table another way is treated as missing: not a value, not ranked first', async () => {
    const d = await load('nan.csv', text(','), 'percent');
    await db.query(`UPDATE ${d.table} SET v1 = 'NaN'::DOUBLE WHERE code = '${C}'`);
    expect((await stored(d)).find((r) => r.code === C)).toMatchObject({ nan: true });
    const id = datasetIndicators(d)[0].id;
    const lsoa = await indicatorRows(db, id, 'lsoa21');
    expect(lsoa.get(C)).toMatchObject({ value: null, national_rank: null, ranked: 2 });
    expect(lsoa.get(B)!.national_rank).toBe(1);
    const ward = (await indicatorRows(db, id, 'ward24')).get(areas.find((a) => a.code === C)!.ward24_code)!;
    expect(Number.isFinite(ward.value)).toBe(true);
    expect(ward.coverage as number).toBeLessThan(1);
  });
});
