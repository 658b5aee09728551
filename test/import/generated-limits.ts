/**
 * Inputs at and past the limits of input-limits.ts, made at test time rather than committed: huge
 * files are sparse files (their size is real, their bytes mostly never written or read), bombs are
 * small archives that declare or really hold far more than they look.
 */
import { mkdirSync, openAsBlob, truncateSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import writeXlsxFile from 'write-excel-file/node';
import { INPUT_LIMITS } from '../../src/lib/input-limits';
import { GENERATED_DIR } from './generated-inputs';

const MiB = 2 ** 20;

/** A file of `size` bytes that starts with `head` (the rest reads as zeros and takes no disk space). */
async function sparse(name: string, head: string, size: number): Promise<Blob> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  const path = `${GENERATED_DIR}/${name}`;
  writeFileSync(path, head);
  truncateSync(path, size);
  return openAsBlob(path);
}

const workbook = async (rows: unknown[][]) => new Uint8Array(await writeXlsxFile([{ sheet: 'Data', data: rows }] as never).toBuffer());
const TABLE = [['lsoa21_code', 'uptake'], ['E01000001', 50], ['E01000002', 60]];

/** Sets the uncompressed size the central directory declares for every entry matching `name`. */
function declareSize(zip: Uint8Array, name: RegExp, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    if (name.test(strFromU8(out.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))))) view.setUint32(i + 24, size, true);
  }
  return out;
}

function repeated(head: string, line: string, times: number): Uint8Array {
  const h = strToU8(head);
  const l = strToU8(line);
  const out = new Uint8Array(h.length + l.length * times);
  out.set(h);
  for (let k = 0; k < times; k++) out.set(l, h.length + k * l.length);
  return out;
}

export const GENERATED_LIMITS: Record<string, () => Uint8Array | Blob | Promise<Uint8Array | Blob>> = {
  'too-big.csv': () => sparse('too-big.csv', 'lsoa21_code,uptake\n', INPUT_LIMITS.tableFileBytes + MiB),
  'too-big.parquet': () => sparse('too-big.parquet', 'PAR1', INPUT_LIMITS.tableFileBytes + MiB),
  'too-big.xlsx': () => sparse('too-big.xlsx', 'PK\x03\x04', INPUT_LIMITS.xlsxFileBytes + MiB),
  'too-big.geojson': () => sparse('too-big.geojson', '{"type":"FeatureCollection","features":[', INPUT_LIMITS.geojsonFileBytes + MiB),
  'too-big-project.zip': () => sparse('too-big-project.zip', 'PK\x03\x04', INPUT_LIMITS.projectFileBytes + MiB),
  // the case: an 80 kB header of 40,000 columns
  'wide-40000-columns.csv': () => strToU8(`${Array.from({ length: 40_000 }, (_, j) => (j ? `c${j}` : 'code')).join(',')}\nE01000001\n`),
  'long-column-name.csv': () => strToU8(`code,${'uptake '.repeat(100)}\nE01000001,5\n`),
  'too-many-rows.csv': () => repeated('code\n', '1\n', INPUT_LIMITS.rows + 1),
  'too-many-rows.parquet': () => new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'code', data: new Int32Array(INPUT_LIMITS.rows + 1), type: 'INT32' }], rowGroupSize: 1_000_000 })),
  'xlsx-declared-bomb.xlsx': async () => declareSize(await workbook(TABLE), /^xl\/worksheets\/sheet1\.xml$/, 300 * MiB),
  'xlsx-too-many-entries.xlsx': async () => zipSync({ ...unzipSync(await workbook(TABLE)), ...Object.fromEntries(Array.from({ length: INPUT_LIMITS.zipEntries }, (_, i) => [`customXml/item${i}.xml`, strToU8('<x/>')])) }),
  // a sheet that really inflates to 64 MB while declaring 2 kB: fflate keeps to the declared size
  'xlsx-lying-sizes.xlsx': async () => {
    const files = unzipSync(await workbook(TABLE));
    const sheet = 'xl/worksheets/sheet1.xml';
    const padded = new Uint8Array(files[sheet].length + 64 * MiB).fill(0x20);
    padded.set(files[sheet]);
    return declareSize(zipSync({ ...files, [sheet]: [padded, { level: 9 }] }), /^xl\/worksheets\/sheet1\.xml$/, 200);
  },
  'geojson-too-many-features.geojson': () => {
    const f = '{"type":"Feature","properties":{"c":1},"geometry":{"type":"Polygon","coordinates":[[[0,50],[1,50],[1,51],[0,50]]]}}';
    return strToU8(`{"type":"FeatureCollection","features":[${Array.from({ length: INPUT_LIMITS.geojsonFeatures + 1 }, () => f).join(',')}]}`);
  },
  'geojson-too-many-vertices.geojson': () => {
    const ring = `[0,50],${'[1,50],'.repeat(INPUT_LIMITS.geojsonVertices)}[0,50]`;
    return strToU8(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"P1"},"geometry":{"type":"Polygon","coordinates":[[${ring}]]}}]}`);
  },
};
