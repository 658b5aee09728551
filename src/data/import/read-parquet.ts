/**
 * Parquet reader (hyparquet, all codecs through hyparquet-compressors), one row group at a time so
 * progress and cancellation work on big files, and column by column: each column of a row group
 * goes straight into the table's column, so no row is ever held as a JS array of values. DuckDB-wasm
 * cannot read Parquet offline (its reader is a downloaded extension), which is why this is done in
 * JavaScript. A file cut short loses its footer, so it is checked for the "PAR1" marks at both ends
 * before anything else; the row and column counts are checked against the limits from the footer.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type ColumnData, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { ByteSource } from './byte-source';
import { ImportError, throwIfAborted } from './import-issue';
import type { ImportedTable } from './imported-table';
import { POINT_DECIMALS } from './parse-number';
import type { ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function valueString(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `(${v.length} bytes of binary data)`;
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

function corrupt(file: string, why: string): ImportError {
  return new ImportError('corrupt-parquet', `${file}: ${why} The file may have been cut short while downloading or copying: export or download it again.`);
}

/** One column of rows [rowStart, rowEnd), as the decoded chunks that cover it. */
async function readColumn(buffer: AsyncBuffer, metadata: FileMetaData, column: string, rowStart: number, rowEnd: number): Promise<ColumnData[]> {
  const chunks: ColumnData[] = [];
  await parquetRead({ file: buffer, metadata, compressors, columns: [column], rowStart, rowEnd, onChunk: (c) => chunks.push(c) });
  return chunks;
}

export async function readParquet(src: ByteSource, opts: ReadOptions = {}): Promise<ImportedTable> {
  const file = src.name;
  if (src.size < 12) throw corrupt(file, `is only ${src.size} bytes, too short to be a Parquet file.`);
  const head = await src.read(0, 4);
  const tail = await src.read(src.size - 4, src.size);
  if (!MAGIC.every((b, i) => head[i] === b)) throw corrupt(file, 'does not start with the Parquet signature "PAR1".');
  if (!MAGIC.every((b, i) => tail[i] === b)) throw corrupt(file, 'is incomplete: it does not end with the Parquet footer.');
  const buffer: AsyncBuffer = { byteLength: src.size, slice: async (s, e) => (await src.read(s, e ?? src.size)).buffer as ArrayBuffer };
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (e) {
    throw corrupt(file, `has a damaged footer (${(e as Error).message}).`);
  }
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const builder = new TableBuilder({ file, format: 'parquet', numberStyle: POINT_DECIMALS, keepBlankRows: true });
  builder.add(names, 0);
  const total = Number(metadata.num_rows);
  builder.checkRoom(names.length, total); // the footer says how big the table is: refuse before reading
  let rowStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    throwIfAborted(opts.signal, file);
    const rows = Number(group.num_rows);
    const rowEnd = rowStart + rows;
    builder.reserveRows(rows, rowStart + 1);
    for (const [j, name] of names.entries()) {
      let chunks: ColumnData[];
      try {
        chunks = await readColumn(buffer, metadata, name, rowStart, rowEnd);
      } catch (e) {
        throw corrupt(file, `could not be read at rows ${rowStart + 1}–${rowEnd} (row group ${g + 1} of ${metadata.row_groups.length}, column "${name}": ${(e as Error).message}).`);
      }
      // chunks may reach outside the rows asked for: take each row of the group once, in order
      let next = rowStart;
      for (const c of chunks.sort((a, b) => a.rowStart - b.rowStart)) {
        const from = Math.max(next, c.rowStart);
        const to = Math.min(rowEnd, c.rowEnd);
        if (to <= from) continue;
        const data = c.columnData;
        builder.fillColumn(j, from - rowStart, to - from, (i) => valueString(data[from - c.rowStart + i]));
        next = to;
      }
      if (next !== rowEnd) throw corrupt(file, `is missing values at rows ${next + 1}–${rowEnd} of column "${name}" (row group ${g + 1} of ${metadata.row_groups.length}).`);
    }
    builder.commitRows(rows);
    rowStart = rowEnd;
    opts.onProgress?.({ phase: 'reading', done: Math.round((rowEnd / Math.max(1, total)) * src.size), total: src.size, rows: builder.rowCount });
  }
  return builder.finish({ readNotes: [`Parquet: ${total.toLocaleString('en-GB')} rows in ${metadata.row_groups.length} row group(s); row numbers are data rows (the first row is 1).`] });
}
