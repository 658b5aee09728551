/**
 * An incremental RFC 4180 tokenizer: text arrives in chunks of any size, and a quoted value may run
 * across chunks and lines. Records are numbered the way a spreadsheet numbers rows (every line
 * break outside quotes starts a new row, blank lines included), so messages match what users see.
 * Lenient like Excel: a quote inside an unquoted value is literal, and text after a closing quote
 * is kept (the row is remembered as malformed).
 */
import { ImportError } from './import-issue';

export type RecordSink = (fields: string[], row: number) => void;

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

  constructor(delimiter: string, private readonly sink: RecordSink, private readonly file: string) {
    this.delimiter = delimiter.charCodeAt(0);
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
      const c = text.charCodeAt(i);
      if (this.state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          // "" inside quotes is one literal quote
          this.field += '"';
          i++;
          start = i;
          this.state = State.Quoted;
          continue;
        }
        this.state = State.AfterQuote;
      }
      if (c === this.delimiter) {
        this.endField(text, start, i);
        start = ++i;
        continue;
      }
      if (c === LF || c === CR) {
        this.endField(text, start, i);
        this.endRecord();
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else this.skipLf = true;
        }
        start = ++i;
        continue;
      }
      if (this.state === State.FieldStart) {
        if (c === QUOTE) {
          this.state = State.Quoted;
          this.quoteRow = this.row;
          start = ++i;
          continue;
        }
        this.state = State.Unquoted;
      } else if (this.state === State.AfterQuote) {
        if (this.malformedAt !== this.row) this.malformedRows.push((this.malformedAt = this.row));
        this.state = State.Unquoted;
      }
      i++;
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
