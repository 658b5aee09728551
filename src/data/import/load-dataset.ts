/**
 * Puts the joined rows of a user's file into DuckDB as the dataset's table: rows that joined are
 * sent as Arrow (code, row number, split value, values; a blank or suppressed cell is NULL, see
 * arrow-ipc), reduced to one row per area, and counted. Nothing already loaded is touched: the
 * table name is the dataset's own, and a failure drops it.
 */
import type { Db } from '../db/db';
import { numberColumn } from '../db/arrow-columns';
import { columnsToIpc, type IpcColumn } from './arrow-ipc';
import { splitValue } from './dataset-split';
import { cellText, type ImportedColumn } from './imported-table';
import type { DatasetSpec } from './user-dataset';
import { datasetSummarySql, datasetTableSql, dropTableSql } from './user-table-sql';

export interface JoinedRows {
  /** Per row of the file, the code it joins (null: left out). */
  joinKeys: readonly (string | null)[];
  rowNumbers: Uint32Array;
  /** The value columns (by their file names) and the split column, if any. */
  columns: ImportedColumn[];
}

/** Decimals worth showing: as many as the values have, at most 3 (counts: 0). */
export function decimalsOf(numbers: Float64Array, rows: Int32Array | null, isCount: boolean): number {
  if (isCount) return 0;
  let most = 0;
  const n = rows ? rows.length : numbers.length;
  for (let k = 0; k < Math.min(n, 20_000) && most < 3; k++) {
    const v = numbers[rows ? rows[k] : k];
    if (!Number.isFinite(v) || Number.isInteger(v)) continue;
    for (let d = 1; d <= 3; d++) {
      if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-6) {
        most = Math.max(most, d);
        break;
      }
      if (d === 3) most = 3;
    }
  }
  return most;
}

/** Loads the table; returns the spec with its counts (areas, rows joined) filled in. */
export async function loadDataset(db: Db, spec: DatasetSpec, rows: JoinedRows): Promise<DatasetSpec> {
  const joined: number[] = [];
  rows.joinKeys.forEach((k, i) => {
    if (k !== null) joined.push(i);
  });
  const pick = Int32Array.from(joined);
  const byName = new Map(rows.columns.map((c) => [c.name, c]));
  const cols: Record<string, IpcColumn> = {
    code: Array.from(pick, (i) => rows.joinKeys[i]),
    row: Int32Array.from(pick, (i) => rows.rowNumbers[i]),
  };
  if (spec.split) {
    const c = byName.get(spec.split.column)!;
    cols.split = Array.from(pick, (i) => splitValue(cellText(c, i)));
  }
  for (const v of spec.values) {
    const c = byName.get(v.column);
    if (!c) throw new Error(`${spec.file}: there is no column "${v.column}"`);
    cols[v.field] = Float64Array.from(pick, (i) => c.numbers[i]);
  }
  const raw = `${spec.table}_raw`;
  try {
    await db.insertArrow(raw, columnsToIpc(cols));
    await db.query(datasetTableSql(spec, raw));
    const t = await db.query(datasetSummarySql(spec.table));
    return { ...spec, rowsJoined: joined.length, areas: numberColumn(t, 'areas')[0] };
  } catch (e) {
    await db.query(dropTableSql(spec.table)).catch(() => undefined);
    throw e;
  } finally {
    await db.query(dropTableSql(raw)).catch(() => undefined);
  }
}
