/**
 * One column of an ImportedTable while it is being read. Keeps memory close to one copy of the
 * data: no text for cells that print back from their number (none at all for a column of plain
 * numbers), one string per distinct text, and no string that points into a decoded chunk.
 */
import type { ImportedColumn } from './imported-table';
import { printsBack } from './parse-number';

/** Distinct texts kept per column before interning stops (a column of unique IDs gains nothing). */
const INTERN_LIMIT = 1 << 17;

/**
 * A copy of a long string that does not point into the text it was cut from: V8 keeps substrings
 * of 13+ characters as views, which would hold every chunk of a big file in memory.
 */
const detach = (s: string) => (s.length < 13 ? s : (s + ' ').slice(0, -1));

export class ColumnBuilder {
  private raw: (string | undefined)[] = [];
  /** Leading cells that print back from their number, not yet written to `raw`. */
  private numbersOnly = 0;
  private numbers: Float64Array;
  private hasNumber = false;
  private dict: Map<string, string> | null = new Map();

  /** @param capacity rows to make room for now (the table grows every column together) */
  constructor(capacity: number) {
    this.numbers = new Float64Array(capacity);
  }

  /** Cell `i` (cells arrive in order) with its text and numeric reading. */
  add(i: number, text: string, value: number): void {
    this.numbers[i] = value;
    if (value === value) {
      this.hasNumber = true;
      if (printsBack(text, value)) {
        if (this.raw.length === 0) this.numbersOnly++;
        else this.raw.push(undefined);
        return;
      }
    }
    if (this.numbersOnly > 0) {
      this.raw = new Array<string | undefined>(this.numbersOnly).fill(undefined);
      this.numbersOnly = 0;
    }
    this.raw.push(this.keep(text));
  }

  /** One string per distinct text: names and codes repeat on every row of long-format files. */
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

  grow(size: number): void {
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  /** The finished column; a column without numbers takes the table's shared all-NaN array. */
  finish(name: string, rows: number, noNumbers: Float64Array): ImportedColumn {
    this.dict = null;
    return { name, raw: this.raw, numbers: this.hasNumber ? this.numbers.slice(0, rows) : noNumbers };
  }
}
