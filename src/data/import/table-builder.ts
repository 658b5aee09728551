/**
 * Builds an ImportedTable row by row without keeping the rows: each cell goes straight into its
 * column (text only when the number does not print back exactly, see ImportedColumn.raw), so a big
 * file is held once, column-wise. Also checks the header and ragged rows on the way.
 */
import { MAX_LISTED, listRows, quoteValue, type ImportIssue } from './import-issue';
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

export class TableBuilder {
  private cols: ColumnBuilder[] = [];
  private names: string[] | null = null;
  private rowNos = new Uint32Array(1024);
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

  private setHeader(fields: string[], row: number): void {
    const { file } = this.opts;
    const seen = new Map<string, number>();
    this.names = fields.map((f, j) => {
      let name = f.replace(/^\uFEFF/, '').trim();
      if (!name) {
        name = `column ${j + 1}`;
        this.issues.push({ severity: 'warning', code: 'blank-header', column: name, rows: [row], message: `${file}: column ${j + 1} has no name in row ${row}; it is called "${name}" here. Give it a name in the file if you want to use it.` });
      }
      const k = (seen.get(name) ?? 0) + 1;
      seen.set(name, k);
      if (k > 1) {
        const renamed = `${name} (${k})`;
        this.issues.push({ severity: 'warning', code: 'duplicate-header', column: renamed, rows: [row], message: `${file}: two columns are called ${quoteValue(name)}; the later one is called ${quoteValue(renamed)} here. Rename one of them in the file to tell them apart.` });
        name = renamed;
      }
      return name;
    });
    this.cols = this.names.map(() => new ColumnBuilder());
    // year columns ("2019") make fine names; an area code never does
    const dataLike = fields.filter((f) => /^(?:[EWSNK]\d{8}|[A-Z]\d{5})$/.test(f.trim()));
    if (dataLike.length > 0) {
      this.issues.push({ severity: 'warning', code: 'header-looks-like-data', rows: [row], message: `${file}: row ${row} was read as the column names, but it looks like data (${dataLike.slice(0, 3).map((v) => quoteValue(v)).join(', ')}). That row will not be joined. If the file has no header row, add one (for example "code,value") and load it again.` });
    }
  }

  private grow(): void {
    // 1.5× rather than 2×: on a 100 MB file the spare capacity is tens of megabytes per column
    const size = Math.ceil(this.rowNos.length * 1.5);
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
