/**
 * The one in-memory table every reader produces (CSV/TSV, Excel, Parquet, GeoJSON): column names,
 * each column's text as read plus a numeric reading, and the row numbers the user would look for.
 * Plain data (arrays and typed arrays) so it crosses postMessage; no classes.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ImportIssue } from './import-issue';

export type ImportFormat = 'csv' | 'xlsx' | 'parquet' | 'geojson';

export interface ImportedColumn {
  name: string;
  /**
   * Text as read. `undefined` where the cell is a plain number whose text is exactly
   * `String(numbers[i])`, and empty (length 0) when every cell of the column is such a number: on
   * big files most cells are, and not keeping a string per cell roughly halves memory. Read cells
   * with `cellText`.
   */
  raw: (string | undefined)[];
  /**
   * Numeric reading of every cell (thousands separators, %, £ allowed); NaN when blank or not a
   * number. Read-only: columns without any number share one all-NaN array.
   */
  numbers: Float64Array;
}

export interface ImportedTable {
  file: string;
  format: ImportFormat;
  rowCount: number;
  columns: ImportedColumn[];
  /**
   * Per row, the number to quote in messages: the spreadsheet row for CSV and Excel (the header is
   * row 1, blank lines count, a quoted line break does not), the data row for Parquet (first row = 1),
   * the feature number for GeoJSON (first feature = 1).
   */
  rowNumbers: Uint32Array;
  rowNoun: 'row' | 'feature';
  /** GeoJSON only: WGS84 polygons, one per row. */
  geometries?: (Polygon | MultiPolygon)[];
  /** How the file was read (encoding, delimiter, sheet, projection), in words for the report. */
  readNotes: string[];
  /** Problems met while reading that did not stop it. */
  issues: ImportIssue[];
  /** Excel only: every sheet name, and the one read. */
  sheets?: { names: string[]; read: string };
}

/** The cell's text as read (a number stored without its text is printed back exactly). */
export function cellText(col: ImportedColumn, i: number): string {
  const s = col.raw[i];
  return s !== undefined ? s : String(col.numbers[i]);
}

export function columnByName(table: ImportedTable, name: string): ImportedColumn | undefined {
  return table.columns.find((c) => c.name === name);
}

/** Rows as objects keyed by column name (all columns, or the named ones), for reference lists. */
export function* tableRows(table: ImportedTable, only?: readonly string[]): Generator<Record<string, string>> {
  const cols = only ? table.columns.filter((c) => only.includes(c.name)) : table.columns;
  for (let i = 0; i < table.rowCount; i++) {
    const row: Record<string, string> = {};
    for (const c of cols) row[c.name] = cellText(c, i);
    yield row;
  }
}
