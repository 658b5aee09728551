/**
 * Corpus entries that are binary or too big to keep in git, made at test time: Excel and Parquet
 * workbooks (write-excel-file, hyparquet-writer) and the 100 MB CSV, written to the git-ignored
 * test/output/import-corpus/ once and reused while its size is right.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { parquetWriteBuffer } from 'hyparquet-writer';
import writeXlsxFile from 'write-excel-file/node';
import { GENERATED_LIMITS } from './generated-limits';
import { GENERATED_PROJECTS } from './generated-projects';

export const GENERATED_DIR = 'test/output/import-corpus';

const LSOA = ['E01000001', 'E01000002', 'E01000003', 'E01000005', 'E01033769', 'E01033770'];

function goodParquet(): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 'lsoa21_code', data: LSOA, type: 'STRING' },
      { name: 'referrals', data: BigInt64Array.from([12n, 7n, 0n, 31n, 5n, 9n]), type: 'INT64' },
      { name: 'uptake_pct', data: [61.5, null, 70.25, 55, 48.5, 66], type: 'DOUBLE' },
    ],
  }));
}

async function xlsx(sheets: { sheet: string; data: unknown[][] }[]): Promise<Uint8Array> {
  // write-excel-file's cell types are stricter than the plain values used here
  return new Uint8Array(await writeXlsxFile(sheets as never).toBuffer());
}

const TABLE = [['lsoa21_code', 'uptake_pct'], ...LSOA.map((c, i) => [c, 50 + i])];

/** Small generated files, by corpus name. */
export const GENERATED: Record<string, () => Promise<Uint8Array | Blob> | Uint8Array | Blob> = {
  'good.parquet': goodParquet,
  'truncated.parquet': () => {
    const bytes = goodParquet();
    return bytes.slice(0, Math.floor(bytes.length * 0.6));
  },
  'damaged-footer.parquet': () => {
    const bytes = goodParquet();
    bytes.fill(0x07, bytes.length - 40, bytes.length - 8); // metadata scrambled, "PAR1" ends intact
    return bytes;
  },
  'xlsx-empty-first-sheet.xlsx': () => xlsx([{ sheet: 'Cover', data: [] }, { sheet: 'Data', data: TABLE }]),
  'xlsx-title-above-table.xlsx': () => xlsx([{ sheet: 'Uptake', data: [['Screening uptake by LSOA, 2023'], [null], ...TABLE] }]),
  'xlsx-truncated.xlsx': async () => (await xlsx([{ sheet: 'Data', data: TABLE }])).slice(0, 400),
  'xlsx-suppressed.xlsx': () => xlsx([{ sheet: 'Data', data: [['lsoa21_code', 'uptake'], ['E01000001', 50], ['E01000002', '*'], ['E01000003', null], ['E01000005', 'c']] }]),
  'parquet-row-groups-with-nulls.parquet': () => new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 'lsoa21_code', data: LSOA, type: 'STRING' },
      { name: 'name', data: LSOA.map((c, i) => (i === 2 ? null : `Area ${c}`)), type: 'STRING' },
      { name: 'uptake', data: [61.5, null, 70.25, null, 48.5, 66], type: 'DOUBLE' },
    ],
    rowGroupSize: 2,
  })),
  ...GENERATED_LIMITS,
  ...GENERATED_PROJECTS,
};

/** Rows of the big CSV: a long-format file (code × year) as commissioners export from warehouses. */
const LARGE_CSV = { name: 'large-100mb.csv', bytes: 100 * 1024 * 1024, header: 'lsoa21_code,practice_name,year,referrals,rate_per_1000,uptake_pct\n' };

/** The area code on data row i (0-based) of the big CSV: a few known LSOAs, then LSOA-shaped codes. */
export function largeCsvCode(i: number): string {
  return i < LSOA.length ? LSOA[i] : `E01${String(10_000 + (i % 33_755)).padStart(6, '0')}`;
}

export function largeRow(i: number): string {
  const code = largeCsvCode(i);
  return `${code},Practice ${i % 6_500},${2015 + (i % 9)},${i % 997},${((i % 4001) / 10).toFixed(1)},${(40 + (i % 600) / 10).toFixed(1)}\n`;
}

/** Writes the 100 MB CSV unless it is already there; returns its path and row count. */
export async function largeCsv(): Promise<{ path: string; rows: number }> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const path = `${GENERATED_DIR}/${LARGE_CSV.name}`;
  let size = LARGE_CSV.header.length;
  let rows = 0;
  while (size < LARGE_CSV.bytes) size += largeRow(rows++).length;
  if (existsSync(path) && statSync(path).size === size) return { path, rows };
  const out = createWriteStream(path);
  out.write(LARGE_CSV.header);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += largeRow(i);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { path, rows };
}
