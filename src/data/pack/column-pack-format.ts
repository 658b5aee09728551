/**
 * The column pack: query results and tables stored column by column, compactly, for the atlas to
 * load without parsing text. The pipeline writes one per table (loaded into DuckDB as Arrow) and
 * one per level for the first map (results of the app's own SQL, keyed by the SQL text).
 *
 * Each column keeps the Arrow type DuckDB gave it, so a decoded table is the same table. Values are
 * stored without their nulls (a validity bitmap says where they are) in one of these encodings:
 *   utf8     `plain`  (length + bytes), `front` (shared prefix with the previous value + rest, for
 *            sorted codes) or `dict` (distinct values once, then an index per value)
 *   float64  `decimal` (the value times 10^k as an integer, when that is exact for every value:
 *            published figures have few decimals) or `raw` (IEEE bytes)
 *   ints     `plain` or `delta` (difference from the previous value), zigzag varints; `raw` for
 *            64-bit values beyond 2^51
 *   bool     `bytes` (one byte per value; gzip does the rest)
 */

export const COLUMN_PACK_MAGIC = 'HACOLS01';

export type PackType = 'utf8' | 'float64' | 'int64' | 'int32' | 'int16' | 'int8' | 'bool';

export type PackEncoding = 'null' | 'plain' | 'front' | 'dict' | 'decimal' | 'delta-decimal' | 'raw' | 'delta' | 'bytes';

export interface PackColumn {
  name: string;
  type: PackType;
  encoding: PackEncoding;
  /** Decimal places for the `decimal` encodings. */
  scale?: number;
  nullCount: number;
  /** Section names: validity bitmap (absent when there are no nulls) and values. */
  nulls?: string;
  values?: string;
}

export interface PackTable {
  /** What the table is: a table name, or the SQL text whose result it holds. */
  key: string;
  rows: number;
  columns: PackColumn[];
}

export interface PackHeader {
  format: 'column-pack';
  tables: PackTable[];
}
