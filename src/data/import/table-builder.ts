/**
 * Builds an ImportedTable row by row without keeping the rows: each cell goes straight into its
 * column (text only when the number does not print back exactly, see ImportedColumn.raw), so a big
 * file is held once, column-wise. Also checks the header and ragged rows on the way, gives every
 * column a distinct name, and enforces the limits on columns, rows and cells (input-limits.ts) as
 * the rows arrive, so a file over them is refused before it fills memory.
 */
import { INPUT_LIMITS } from '../../lib/input-limits';
import { MAX_LISTED, listRows, quoteValue, tooLarge, type ImportIssue } from './import-issue';
import { ColumnBuilder } from './column-builder';
import type { ImportedColumn, ImportedTable, ImportFormat } from './imported-table';
import { parseCellNumber, type NumberStyle } from './parse-number';
import { looksLikeMojibake } from './text-decoding';

const isBlankRow = (fields: string[]) => {
  for (const f of fields) if (f.length && f.trim() !== '') return false;
  return true;
};

export interface TableBuilderOptions {
  file: string;
  format: ImportFormat;
  rowNoun?: 'row' | 'feature';
  numberStyle: NumberStyle;
  /** Look for UTF-8 text mis-read as Windows-1252 (only when the file was read that way). */
  checkMojibake?: boolean;
  /** GeoJSON: a feature without properties is still a row (it has a polygon). */
  keepBlankRows?: boolean;
}

/** Rows of room a table starts with: small, so a header of many columns reserves little. */
const FIRST_CAPACITY = 64;

const fmt = (n: number) => n.toLocaleString('en-GB');

export class TableBuilder {
  private cols: ColumnBuilder[] = [];
  private names: string[] | null = null;
  private rowNos = new Uint32Array(FIRST_CAPACITY);
  private n = 0;
  private readonly issues: ImportIssue[] = [];
  private readonly extraRows: number[] = [];
  private extraCount = 0;
  private shortCount = 0;
  private blankRows = 0;
  private readonly mojibakeRows: number[] = [];

  constructor(private readonly opts: TableBuilderOptions) {}

  get rowCount(): number {
    return this.n;
  }

  get hasHeader(): boolean {
    return this.names !== null;
  }

  /** Feeds one record; the first non-blank record is the header. */
  add(fields: string[], row: number): void {
    if ((!this.names || !this.opts.keepBlankRows) && isBlankRow(fields)) {
      if (this.names) this.blankRows++;
      return;
    }
    if (!this.names) return this.setHeader(fields, row);
    const width = this.cols.length;
    this.checkRoom(width);
    if (fields.length > width && fields.slice(width).some((f) => f.trim() !== '')) {
      if (this.extraCount++ < MAX_LISTED) this.extraRows.push(row);
    } else if (fields.length < width) this.shortCount++;
    if (this.n === this.rowNos.length) this.grow();
    this.rowNos[this.n] = row;
    for (let j = 0; j < width; j++) {
      const text = j < fields.length ? fields[j] : '';
      const value = parseCellNumber(text, this.opts.numberStyle);
      this.cols[j].add(this.n, text, value);
      if (this.opts.checkMojibake && this.mojibakeRows.length < MAX_LISTED && looksLikeMojibake(text) && this.mojibakeRows[this.mojibakeRows.length - 1] !== row) this.mojibakeRows.push(row);
    }
    this.n++;
  }

  /** Refuses `more` rows when they would pass the limit on rows or on cells. */
  checkRoom(width: number, more = 1): void {
    const { file } = this.opts;
    const advice = 'Split the file (for example by year) or keep only the rows and columns you need, and load it again.';
    const rows = this.n + more;
    const noun = `${this.opts.rowNoun ?? 'row'}s`;
    if (rows > INPUT_LIMITS.rows) throw tooLarge(file, 'rows', more === 1 ? `it has more than ${fmt(INPUT_LIMITS.rows)} ${noun}` : `it has ${fmt(rows)} ${noun}`, advice);
    if (rows * width > INPUT_LIMITS.cells) {
      throw tooLarge(file, 'cells', `its ${fmt(width)} columns and ${more === 1 ? 'more than ' : ''}${fmt(more === 1 ? this.n : rows)} ${noun} make more than ${fmt(INPUT_LIMITS.cells)} cells`, advice);
    }
  }

  /**
   * Column-wise input (Parquet), so no row is ever held as an array: room for `count` more rows
   * numbered from `firstRow`; then `fillColumn` for each column (each column's cells in row order),
   * and `commitRows` to make them part of the table.
   */
  reserveRows(count: number, firstRow: number): void {
    this.checkRoom(this.cols.length, count);
    while (this.n + count > this.rowNos.length) this.grow();
    for (let i = 0; i < count; i++) this.rowNos[this.n + i] = firstRow + i;
  }

  /** Cells `at` … `at + texts.length − 1` of the reserved rows, for column `j`. */
  fillColumn(j: number, at: number, count: number, text: (i: number) => string): void {
    const col = this.cols[j];
    for (let i = 0; i < count; i++) {
      const t = text(i);
      col.add(this.n + at + i, t, parseCellNumber(t, this.opts.numberStyle));
    }
  }

  commitRows(count: number): void {
    this.n += count;
  }

  private setHeader(fields: string[], row: number): void {
    const { file } = this.opts;
    if (fields.length > INPUT_LIMITS.columns) {
      throw tooLarge(file, 'columns', `it has ${fmt(fields.length)} columns`, 'Keep only the columns you need (the area codes and the values to map), save the file and load it again.');
    }
    const trimmed = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
    const long = trimmed.findIndex((t) => t.length > INPUT_LIMITS.columnNameChars);
    if (long >= 0) {
      throw tooLarge(file, 'columnNameChars', `the name of column ${long + 1} in row ${row} is ${fmt(trimmed[long].length)} characters long`, 'Check that the file has a line break after each row (a file without them reads as one huge header), or shorten the column names.');
    }
    // A renamed column takes a name that no column of the file has, so "a, a, a (2)" gives
    // "a", "a (3)", "a (2)": the user's own names stay as they are, and every name is distinct.
    const written = new Set(trimmed);
    const used = new Set<string>();
    const free = (base: string, from: number) => {
      let k = from;
      while (written.has(`${base} (${k})`) || used.has(`${base} (${k})`)) k++;
      return `${base} (${k})`;
    };
    this.names = trimmed.map((t, j) => {
      let name = t;
      if (!name) {
        name = written.has(`column ${j + 1}`) || used.has(`column ${j + 1}`) ? free(`column ${j + 1}`, 2) : `column ${j + 1}`;
        this.issues.push({ severity: 'warning', code: 'blank-header', column: name, rows: [row], message: `${file}: column ${j + 1} has no name in row ${row}; it is called "${name}" here. Give it a name in the file if you want to use it.` });
      } else if (used.has(name)) {
        const renamed = free(name, 2);
        this.issues.push({ severity: 'warning', code: 'duplicate-header', column: renamed, rows: [row], message: `${file}: two columns are called ${quoteValue(name)}; the later one (column ${j + 1}) is called ${quoteValue(renamed)} here. Rename one of them in the file to tell them apart.` });
        name = renamed;
      }
      used.add(name);
      return name;
    });
    this.cols = this.names.map(() => new ColumnBuilder(this.rowNos.length));
    // year columns ("2019") make fine names; an area code never does
    const dataLike = fields.filter((f) => /^(?:[EWSNK]\d{8}|[A-Z]\d{5})$/.test(f.trim()));
    if (dataLike.length > 0) {
      this.issues.push({ severity: 'warning', code: 'header-looks-like-data', rows: [row], message: `${file}: row ${row} was read as the column names, but it looks like data (${dataLike.slice(0, 3).map((v) => quoteValue(v)).join(', ')}). That row will not be joined. If the file has no header row, add one (for example "code,value") and load it again.` });
    }
  }

  private grow(): void {
    // 2× while small, then 1.5×: on a 100 MB file the spare capacity is tens of megabytes per column
    const size = this.rowNos.length < 1 << 16 ? this.rowNos.length * 2 : Math.ceil(this.rowNos.length * 1.5);
    const rows = new Uint32Array(size);
    rows.set(this.rowNos);
    this.rowNos = rows;
    for (const c of this.cols) c.grow(size);
  }

  finish(extra: Pick<ImportedTable, 'readNotes'> & Partial<ImportedTable>): ImportedTable {
    const { file } = this.opts;
    const { issues: more = [], ...rest } = extra;
    if (this.extraCount) this.issues.push({ severity: 'warning', code: 'extra-values', rows: this.extraRows.slice(), count: this.extraCount, message: `${file}: ${listRows(this.extraRows, this.extraCount)} ${this.extraCount === 1 ? 'has' : 'have'} more values than there are column names; the extra values were ignored. Check for an unquoted separator inside a value (e.g. a name with a comma) and quote it.` });
    if (this.shortCount) this.issues.push({ severity: 'info', code: 'short-rows', count: this.shortCount, message: `${file}: ${this.shortCount === 1 ? '1 row has' : `${this.shortCount.toLocaleString('en-GB')} rows have`} fewer values than there are columns; the missing values are blank.` });
    if (this.blankRows) this.issues.push({ severity: 'info', code: 'blank-rows', count: this.blankRows, message: `${file}: ${this.blankRows === 1 ? '1 blank row was' : `${this.blankRows.toLocaleString('en-GB')} blank rows were`} skipped.` });
    if (this.mojibakeRows.length) this.issues.push({ severity: 'warning', code: 'mixed-encoding', rows: this.mojibakeRows.slice(), count: this.mojibakeRows.length, message: `${file}: the file mixes text encodings: ${listRows(this.mojibakeRows)} contain characters saved as UTF-8 while the rest is Windows-1252, so letters like é or £ show garbled there (e.g. "Ã©"). Open the file, save it as "CSV UTF-8", and load it again.` });
    // text columns share one all-NaN array instead of holding one each
    const noNumbers = new Float64Array(this.n).fill(NaN);
    const columns: ImportedColumn[] = (this.names ?? []).map((name, j) => this.cols[j].finish(name, this.n, noNumbers));
    return {
      file, format: this.opts.format, rowCount: this.n, columns, rowNumbers: this.rowNos.slice(0, this.n),
      rowNoun: this.opts.rowNoun ?? 'row', ...rest, issues: [...this.issues, ...more],
    };
  }
}
