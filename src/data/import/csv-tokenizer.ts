/**
 * An incremental RFC 4180 tokenizer: text arrives in chunks of any size, and a quoted value may run
 * across chunks and lines. Records are numbered the way a spreadsheet numbers rows (every line
 * break outside quotes starts a new row, blank lines included), so messages match what users see.
 * Lenient like Excel: a quote inside an unquoted value is literal, and text after a closing quote
 * is kept (the row is remembered as malformed).
 */
import { ImportError } from './import-issue';

export type RecordSink = (fields: string[], row: number) => void;

function indexOr(text: string, ch: string, from: number, none: number): number {
  const k = text.indexOf(ch, from);
  return k < 0 ? none : k;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterQuote }

export class CsvTokenizer {
  private state = State.FieldStart;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier chunks (or unescaped quoted text). */
  private field = '';
  private skipLf = false;
  private row = 1;
  private quoteRow = 0;
  private malformedAt = 0;
  readonly malformedRows: number[] = [];
  private readonly delimiter: number;

  constructor(private readonly delimiterChar: string, private readonly sink: RecordSink, private readonly file: string) {
    this.delimiter = delimiterChar.charCodeAt(0);
  }

  /** The row the next record will have (1 + records so far). */
  get currentRow(): number {
    return this.row;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    // next delimiter / LF / CR at or after i, found with native indexOf and reused until passed:
    // unquoted text is never walked character by character
    let nextDelim = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (i < n) {
      if (this.state === State.Quoted) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        this.field += text.slice(start, q);
        i = q + 1;
        start = i;
        this.state = State.QuoteInQuoted;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (text.charCodeAt(i) === QUOTE) {
          // "" inside quotes is one literal quote
          this.field += '"';
          start = ++i;
          this.state = State.Quoted;
          continue;
        }
        this.state = State.AfterQuote;
      }
      if (this.state === State.FieldStart && text.charCodeAt(i) === QUOTE) {
        this.state = State.Quoted;
        this.quoteRow = this.row;
        start = ++i;
        continue;
      }
      if (nextDelim < i) nextDelim = indexOr(text, this.delimiterChar, i, n);
      if (nextLf < i) nextLf = indexOr(text, '\n', i, n);
      if (nextCr < i) nextCr = indexOr(text, '\r', i, n);
      const end = Math.min(nextDelim, nextLf, nextCr);
      if (end > i) {
        // text after a closing quote ("abc"def) is kept, as spreadsheets do, but the row is remembered
        if (this.state === State.AfterQuote && this.malformedAt !== this.row) this.malformedRows.push((this.malformedAt = this.row));
        this.state = State.Unquoted;
        i = end;
        if (i === n) break;
      }
      const c = text.charCodeAt(i);
      this.endField(text, start, i);
      if (c !== this.delimiter) {
        this.endRecord();
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else this.skipLf = true;
        }
      }
      start = ++i;
    }
    if (start < n) this.field += text.slice(start, n);
  }

  /** Flushes the last record; a quote still open at the end of the file is an error. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new ImportError('unclosed-quote', `${this.file}: row ${this.quoteRow} opens a quoted value (") that is never closed, so the rest of the file would be read as one value. Check that row for a missing or extra quote mark, fix it and load the file again.`);
    }
    if (this.fields.length > 0 || this.field.length > 0 || this.state !== State.FieldStart) {
      this.endField('', 0, 0);
      this.endRecord();
    }
  }

  private endField(text: string, start: number, end: number): void {
    const tail = end > start ? text.slice(start, end) : '';
    this.fields.push(this.field.length ? this.field + tail : tail);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    this.sink(fields, this.row++);
  }
}
