/**
 * CSV/TSV reader: streams the file in chunks (decode → tokenize → columns), so a 100 MB file is never
 * held as one string or as an array of row arrays. Encoding and separator are detected from the
 * first 64 kB; a tentative UTF-8 read that meets invalid bytes starts again as Windows-1252.
 */
import { extensionOf, type ByteSource } from './byte-source';
import { CsvTokenizer } from './csv-tokenizer';
import { DELIMITER_NAME, detectDelimiter, type Delimiter } from './csv-dialect';
import { ImportError, throwIfAborted } from './import-issue';
import type { ImportedTable } from './imported-table';
import { POINT_DECIMALS } from './parse-number';
import { DEFAULT_CHUNK_BYTES, type ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';
import { NotUtf8, TextChunkDecoder, sniffEncoding, windows1252Fallback, type EncodingGuess } from './text-decoding';

const SAMPLE_BYTES = 64 * 1024;

export async function readCsv(src: ByteSource, opts: ReadOptions = {}): Promise<ImportedTable> {
  const head = await src.read(0, Math.min(src.size, SAMPLE_BYTES));
  const guess = sniffEncoding(head, src.name);
  try {
    return await readWith(src, head, guess, opts);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return readWith(src, head, windows1252Fallback(), opts);
  }
}

async function readWith(src: ByteSource, head: Uint8Array, guess: EncodingGuess, opts: ReadOptions): Promise<ImportedTable> {
  const file = src.name;
  const ext = extensionOf(file);
  const sample = new TextDecoder(guess.encoding).decode(head);
  if (sample.trim() === '' && src.size <= SAMPLE_BYTES) {
    throw new ImportError('empty', `${file}: the file is empty (no column names, no rows). Check that you picked the right file, or export the data again.`);
  }
  const delimiter: Delimiter = opts.delimiter ?? detectDelimiter(sample, src.size <= SAMPLE_BYTES, ext);
  const notes = [guess.note, `Values separated by ${DELIMITER_NAME[delimiter]}${opts.delimiter ? ' (as chosen)' : ''}.`];
  if ((ext === 'csv' && delimiter !== ',') || (ext === 'tsv' && delimiter !== '\t')) {
    notes.push(`The file name ends in .${ext} but its values are separated by ${DELIMITER_NAME[delimiter]}; read that way.`);
  }
  // European exports: semicolons between values, commas inside numbers
  const numberStyle = { decimalComma: delimiter === ';' };
  if (numberStyle.decimalComma) notes.push('Numbers read with a decimal comma ("12,5" = 12.5), as is usual in semicolon-separated files.');
  const builder = new TableBuilder({ file, format: 'csv', numberStyle: numberStyle.decimalComma ? numberStyle : POINT_DECIMALS, checkMojibake: guess.encoding === 'windows-1252' });
  const tokenizer = new CsvTokenizer(delimiter, (fields, row) => builder.add(fields, row), file);
  const decoder = new TextChunkDecoder(guess);
  const step = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  for (let at = 0; at < src.size; at += step) {
    throwIfAborted(opts.signal, file);
    const end = Math.min(src.size, at + step);
    const bytes = at === 0 && end <= head.length ? head.subarray(0, end) : await src.read(at, end);
    tokenizer.push(decoder.decode(bytes, end === src.size));
    opts.onProgress?.({ phase: 'reading', done: end, total: src.size, rows: builder.rowCount });
  }
  tokenizer.end();
  if (!builder.hasHeader) {
    throw new ImportError('empty', `${file}: the file has only blank lines (no column names, no rows). Check that you picked the right file, or export the data again.`);
  }
  const table = builder.finish({ readNotes: notes });
  if (tokenizer.malformedRows.length) {
    table.issues.push({
      severity: 'warning', code: 'malformed-quotes', rows: tokenizer.malformedRows.slice(0, 1000), count: tokenizer.malformedRows.length,
      message: `${file}: ${tokenizer.malformedRows.length === 1 ? `row ${tokenizer.malformedRows[0]} has` : `rows ${tokenizer.malformedRows.slice(0, 5).join(', ')} have`} text after a closing quote mark (e.g. "abc"def); it was kept as part of the value. Check the quotes in ${tokenizer.malformedRows.length === 1 ? 'that row' : 'those rows'}.`,
    });
  }
  return table;
}
