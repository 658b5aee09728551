/**
 * What the main thread needs to show a loaded file before the user maps it: column names, the first
 * rows as text (for the mapping dialog's preview), and how the file was read. The full table stays
 * in the worker; only the columns the user picks are sent over later (`takeColumns`).
 */
import { cellText, type ImportedColumn, type ImportedTable, type ImportFormat } from './imported-table';

export interface TableSummary {
  file: string;
  format: ImportFormat;
  rowCount: number;
  columns: string[];
  /** The first rows, every cell as text (plain strings: render as text, never as HTML). */
  preview: string[][];
  previewRowNumbers: number[];
  rowNoun: ImportedTable['rowNoun'];
  readNotes: string[];
  sheets?: ImportedTable['sheets'];
  hasGeometry: boolean;
  /**
   * Per column with at most SMALL_DISTINCT different values (a year, a sex, an age band), those
   * values: the mapping dialog offers such a column to split repeated rows by.
   */
  smallDistinct: Record<string, string[]>;
}

const SMALL_DISTINCT = 40;

/** The distinct trimmed texts of a column, or null as soon as there are more than `max`. */
function distinctValues(col: ImportedColumn, rows: number, max = SMALL_DISTINCT): string[] | null {
  const seen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    seen.add(cellText(col, i).trim());
    if (seen.size > max) return null;
  }
  return [...seen];
}

const PREVIEW_ROWS = 20;

export function summariseTable(t: ImportedTable, rows = PREVIEW_ROWS): TableSummary {
  const n = Math.min(rows, t.rowCount);
  return {
    file: t.file, format: t.format, rowCount: t.rowCount, columns: t.columns.map((c) => c.name),
    preview: Array.from({ length: n }, (_, i) => t.columns.map((c) => cellText(c, i))),
    previewRowNumbers: Array.from(t.rowNumbers.subarray(0, n)),
    rowNoun: t.rowNoun, readNotes: t.readNotes, sheets: t.sheets, hasGeometry: !!t.geometries,
    smallDistinct: Object.fromEntries(t.columns.flatMap((c) => {
      const d = distinctValues(c, t.rowCount);
      return d ? [[c.name, d]] : [];
    })),
  };
}

/**
 * Copies of the named columns, ready to post: the numeric arrays are fresh buffers the caller can
 * transfer, so the worker's own table stays intact for further questions.
 */
export function takeColumns(t: ImportedTable, names: string[]): ImportedColumn[] {
  return names.map((name) => {
    const col = t.columns.find((c) => c.name === name);
    if (!col) throw new Error(`${t.file}: there is no column "${name}"`);
    return { name, raw: col.raw.slice(), numbers: col.numbers.slice() };
  });
}
