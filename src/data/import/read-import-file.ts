/**
 * The reader entry point: recognises the format from the file's first bytes (the name only breaks
 * ties), reads it into an ImportedTable, and refuses files with no data rows. Everything here runs
 * in a Web Worker or in node; nothing is sent anywhere.
 */
import { extensionOf, type ByteSource } from './byte-source';
import { formatBytes, INPUT_LIMITS, type LimitId } from '../../lib/input-limits';
import { ImportError, throwIfAborted, tooLarge } from './import-issue';
import type { ImportedTable, ImportFormat } from './imported-table';
import { readCsv } from './read-csv';
import { readGeoJson } from './read-geojson';
import type { ReadOptions } from './read-options';
import { readParquet } from './read-parquet';
import { readXlsx } from './read-xlsx';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The format of a file, from its signature; throws for formats the atlas cannot read. */
function detectFormat(name: string, head: Uint8Array): ImportFormat {
  const ext = extensionOf(name);
  const unsupported = (what: string, todo: string) => new ImportError('unsupported-format', `${name}: this is ${what}, which the atlas cannot read. ${todo}`);
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'xlsx' || ext === 'xlsm' || ext === '') return 'xlsx';
    throw unsupported(`a ZIP archive (.${ext})`, 'Unzip it and load the CSV, Excel, Parquet or GeoJSON file inside.');
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw unsupported('an old-style Excel (.xls) or password-protected workbook', 'Open it in Excel and save it as .xlsx (without a password) or as CSV UTF-8.');
  if (startsWith(head, [0x1f, 0x8b])) throw unsupported('a gzip-compressed file', 'Decompress it first and load the file inside.');
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) throw unsupported('a PDF document', 'Export the table as CSV or Excel from the program that made the PDF.');
  if (ext === 'parquet') throw new ImportError('corrupt-parquet', `${name}: does not start with the Parquet signature "PAR1", so it is not a Parquet file or is damaged. Export or download it again.`);
  if (ext === 'xlsx') throw new ImportError('corrupt-xlsx', `${name}: is not an Excel workbook (an .xlsx file is a ZIP archive and this one is not). Open it in Excel and save it as .xlsx or CSV.`);
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  return 'csv';
}

const SIZE_LIMIT: Record<ImportFormat, LimitId> = { csv: 'tableFileBytes', parquet: 'tableFileBytes', xlsx: 'xlsxFileBytes', geojson: 'geojsonFileBytes' };
const SIZE_ADVICE: Record<ImportFormat, string> = {
  csv: 'Keep only the rows and columns you need (or split the file, for example by year) and load it again.',
  parquet: 'Keep only the rows and columns you need (or split the file, for example by year) and load it again.',
  xlsx: 'Save the sheet you need as CSV UTF-8 (larger files are fine as CSV), or keep only the rows and columns you need.',
  geojson: 'Simplify the boundaries in your GIS (e.g. mapshaper, 1 % of the points is plenty for a map) and export again.',
};

/** Reads a user's file into the common table. Throws ImportError with a message fit to show. */
export async function readImportFile(src: ByteSource, opts: ReadOptions = {}): Promise<ImportedTable> {
  throwIfAborted(opts.signal, src.name);
  if (src.size === 0) throw new ImportError('empty', `${src.name}: the file is empty (0 bytes). Check that you picked the right file, or export the data again.`);
  const format = detectFormat(src.name, await src.read(0, Math.min(src.size, 8)));
  const limit = SIZE_LIMIT[format];
  if (src.size > INPUT_LIMITS[limit]) throw tooLarge(src.name, limit, `the file is ${formatBytes(src.size)}`, SIZE_ADVICE[format]);
  const table = format === 'parquet' ? await readParquet(src, opts)
    : format === 'xlsx' ? await readXlsx(src, opts)
      : format === 'geojson' ? await readGeoJson(src, opts)
        : await readCsv(src, opts);
  if (table.rowCount === 0) {
    const cols = table.columns.map((c) => `"${c.name}"`).slice(0, 5).join(', ');
    throw new ImportError('no-rows', `${src.name}: the file has column names (${cols}${table.columns.length > 5 ? ', …' : ''}) but no rows of data. Export the data again with its rows.`);
  }
  return table;
}
