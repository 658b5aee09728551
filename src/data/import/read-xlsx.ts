/**
 * Excel (.xlsx) reader. Workbooks are zipped XML, so the whole file is read at once (Excel caps a
 * sheet at ~1M rows). The first sheet is read unless another is chosen; an empty sheet fails with
 * the names of the sheets that do hold data, so the UI can offer them. The archive's declared
 * sizes are checked against the limits before anything is unzipped (see lib/zip-directory).
 */
import readXlsxFile from 'read-excel-file/universal';
import { formatBytes, INPUT_LIMITS } from '../../lib/input-limits';
import { inflatedSize, zipDirectory } from '../../lib/zip-directory';
import type { ByteSource } from './byte-source';
import { ImportError, throwIfAborted, tooLarge } from './import-issue';
import type { ImportedTable } from './imported-table';
import { POINT_DECIMALS } from './parse-number';
import type { ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';

type Cell = string | number | boolean | Date | null | undefined | object;

/** Cells as text: numbers keep the text Excel stored, dates become ISO dates, nothing is evaluated. */
function cellString(v: Cell): string {
  if (v == null) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const filled = (r: readonly Cell[]) => r.filter((c) => c != null && !(typeof c === 'string' && c.trim() === '')).length;
const isEmptyRow = (r: readonly Cell[]) => filled(r) === 0;

/**
 * Where the column names are: sheets often start with a title or notes in one cell above the table,
 * so the header is the first row more than half as full as the fullest of the first 50 rows.
 */
function headerRow(data: readonly Cell[][]): number {
  const head = data.slice(0, 50).map(filled);
  const widest = Math.max(0, ...head);
  return widest === 0 ? -1 : head.findIndex((k) => k > 0 && k * 2 > widest);
}

export async function readXlsx(src: ByteSource, opts: ReadOptions = {}): Promise<ImportedTable> {
  const file = src.name;
  const bytes = await src.read(0, src.size);
  checkArchive(bytes, file);
  opts.onProgress?.({ phase: 'reading', done: src.size / 2, total: src.size, rows: 0 });
  throwIfAborted(opts.signal, file);
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    // parseNumber keeps the number's stored text; `trim: false` keeps cells exactly as typed
    sheets = await readXlsxFile(bytes.buffer as ArrayBuffer, { parseNumber: (s: string) => s, trim: false });
  } catch (e) {
    throw new ImportError('corrupt-xlsx', `${file}: could not be opened as an Excel workbook (${(e as Error).message}). If it is an old .xls file or password-protected, open it in Excel and save it as .xlsx or CSV; if it was cut short, download it again.`);
  }
  throwIfAborted(opts.signal, file);
  const names = sheets.map((s) => s.sheet);
  const chosen = pickSheet(sheets, opts.sheet, file, names);
  const withData = sheets.filter((s) => s !== chosen && s.data.some((r) => !isEmptyRow(r)));
  const firstRow = headerRow(chosen.data);
  if (firstRow < 0) {
    const others = withData.length ? ` Sheets with data: ${withData.map((s) => `"${s.sheet}"`).join(', ')}; choose one of them.` : ' No other sheet holds data either.';
    throw new ImportError('empty-sheet', `${file}: sheet "${chosen.sheet}" is empty.${others}`, names);
  }
  const builder = new TableBuilder({ file, format: 'xlsx', numberStyle: POINT_DECIMALS });
  chosen.data.forEach((r, i) => i >= firstRow && builder.add(r.map(cellString), i + 1));
  const notes = [`Sheet "${chosen.sheet}"${names.length > 1 ? ` (of ${names.length}: ${names.map((n) => `"${n}"`).join(', ')})` : ''}.`];
  if (chosen.data.slice(0, firstRow).some((r) => !isEmptyRow(r))) notes.push(`The column names are in row ${firstRow + 1}; the title or notes above them were skipped.`);
  else if (firstRow > 0) notes.push(`The column names are in row ${firstRow + 1}; the rows above are empty.`);
  opts.onProgress?.({ phase: 'reading', done: src.size, total: src.size, rows: builder.rowCount });
  return builder.finish({ readNotes: notes, sheets: { names, read: chosen.sheet } });
}

/** Refuses a workbook that would unzip past the limits (a "zip bomb" made to look like a workbook). */
function checkArchive(bytes: Uint8Array, file: string): void {
  const entries = zipDirectory(bytes);
  if (!entries) return; // not a readable ZIP: the reader says so, with its own message
  const advice = 'Save the sheet you need as CSV UTF-8 and load that instead.';
  if (entries.length > INPUT_LIMITS.zipEntries) throw tooLarge(file, 'zipEntries', `the workbook holds ${entries.length.toLocaleString('en-GB')} files`, advice);
  const inflated = inflatedSize(entries);
  if (inflated > INPUT_LIMITS.xlsxInflatedBytes) throw tooLarge(file, 'xlsxInflatedBytes', `the workbook unzips to ${formatBytes(inflated)}`, advice);
}

function pickSheet<S extends { sheet: string }>(sheets: S[], want: string | number | undefined, file: string, names: string[]): S {
  if (!sheets.length) throw new ImportError('empty-sheet', `${file}: the workbook has no sheets.`, names);
  if (want === undefined) return sheets[0];
  const found = typeof want === 'number' ? sheets[want - 1] : sheets.find((s) => s.sheet === want);
  if (!found) throw new ImportError('sheet-not-found', `${file}: there is no sheet ${typeof want === 'number' ? `number ${want}` : `"${want}"`}; the sheets are ${names.map((n) => `"${n}"`).join(', ')}.`, names);
  return found;
}
