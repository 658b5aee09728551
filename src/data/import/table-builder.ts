/**
 * Builds an ImportedTable row by row without keeping the rows: each cell goes straight into its
 * column (text only when the number does not print back exactly, see ImportedColumn.raw), so a big
 * file is held once, column-wise. Also checks the header and ragged rows on the way.
 */
import { MAX_LISTED, listRows, quoteValue, type ImportIssue } from './import-issue';
import type { ImportedColumn, ImportedTable, ImportFormat } from './imported-table';
import { parseCellNumber, printsBack, type NumberStyle } from './parse-number';
import { looksLikeMojibake } from './text-decoding';

/** Distinct texts kept per column before interning stops (a column of unique IDs gains nothing). */
const INTERN_LIMIT = 1 << 17;

class GrowingColumn {
  raw: (string | undefined)[] = [];
  /** Leading cells that print back from their number, not yet written to `raw` (see ImportedColumn.raw). */
  private numbersOnly = 0;
  numbers = new Float64Array(1024);
  hasNumber = false;

  push(text: string | undefined): void {
    if (text === undefined) {
      if (this.raw.length === 0) this.numbersOnly++;
      else this.raw.push(undefined);
      return;
    }
    if (this.numbersOnly > 0) {
      this.raw = new Array<string | undefined>(this.numbersOnly).fill(undefined);
      this.numbersOnly = 0;
    }
    this.raw.push(this.keep(text));
  }
  private dict: Map<string, string> | null = new Map();

  /**
   * One string per distinct text (names and codes repeat on every row of long-format files), and
   * never a slice of the decoded chunk: V8 keeps substrings of 13+ characters as views that would
   * hold every chunk of a big file in memory.
   */
  private keep(text: string): string {
    if (text.length === 0) return '';
    if (!this.dict) return detach(text);
    let kept = this.dict.get(text);
    if (kept === undefined) {
      kept = detach(text);
      if (this.dict.size < INTERN_LIMIT) this.dict.set(kept, kept);
      else this.dict = null;
    }
    return kept;
  }

  done(): void {
    this.dict = null;
  }
}

/** A copy of a long string that does not point into the text it was cut from (see `keep`). */
const detach = (s: string) => (s.length < 13 ? s : (s + ' ').slice(0, -1));

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
  private cols: GrowingColumn[] = [];
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
      const col = this.cols[j];
      col.numbers[this.n] = value;
      if (value === value) col.hasNumber = true;
      col.push(value === value && printsBack(text, value) ? undefined : text);
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
    this.cols = this.names.map(() => new GrowingColumn());
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
    for (const c of this.cols) {
      const nums = new Float64Array(size);
      nums.set(c.numbers);
      c.numbers = nums;
    }
  }

  finish(extra: Pick<ImportedTable, 'readNotes'> & Partial<ImportedTable>): ImportedTable {
    const { file } = this.opts;
    const { issues: more = [], ...rest } = extra;
    if (this.extraCount) this.issues.push({ severity: 'warning', code: 'extra-values', rows: this.extraRows.slice(), count: this.extraCount, message: `${file}: ${listRows(this.extraRows, this.extraCount)} ${this.extraCount === 1 ? 'has' : 'have'} more values than there are column names; the extra values were ignored. Check for an unquoted separator inside a value (e.g. a name with a comma) and quote it.` });
    if (this.shortCount) this.issues.push({ severity: 'info', code: 'short-rows', count: this.shortCount, message: `${file}: ${this.shortCount === 1 ? '1 row has' : `${this.shortCount.toLocaleString('en-GB')} rows have`} fewer values than there are columns; the missing values are blank.` });
    if (this.blankRows) this.issues.push({ severity: 'info', code: 'blank-rows', count: this.blankRows, message: `${file}: ${this.blankRows === 1 ? '1 blank row was' : `${this.blankRows.toLocaleString('en-GB')} blank rows were`} skipped.` });
    if (this.mojibakeRows.length) this.issues.push({ severity: 'warning', code: 'mixed-encoding', rows: this.mojibakeRows.slice(), count: this.mojibakeRows.length, message: `${file}: the file mixes text encodings: ${listRows(this.mojibakeRows)} contain characters saved as UTF-8 while the rest is Windows-1252, so letters like é or £ show garbled there (e.g. "Ã©"). Open the file, save it as "CSV UTF-8", and load it again.` });
    for (const c of this.cols) c.done();
    // text columns share one all-NaN array instead of holding one each
    const noNumbers = new Float64Array(this.n).fill(NaN);
    const columns: ImportedColumn[] = (this.names ?? []).map((name, j) => {
      const c = this.cols[j];
      return { name, raw: c.raw, numbers: c.hasNumber ? c.numbers.slice(0, this.n) : noNumbers };
    });
    return {
      file, format: this.opts.format, rowCount: this.n, columns, rowNumbers: this.rowNos.slice(0, this.n),
      rowNoun: this.opts.rowNoun ?? 'row', ...rest, issues: [...this.issues, ...more],
    };
  }
}
