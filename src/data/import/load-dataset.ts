/**
 * Puts the joined rows of a user's file into DuckDB as the dataset's table: rows that joined are
 * sent as Arrow (code, row number, split value, the row's weight, values — for a rate its numerator
 * and denominator, kept only as a usable pair; a blank or suppressed cell is NULL, see arrow-ipc),
 * reduced to one row per area, and counted. Nothing already loaded is touched: the table name is
 * the dataset's own, and a failure drops it.
 */
import type { Db } from '../db/db';
import { numberColumn } from '../db/arrow-columns';
import { columnsToIpc, type IpcColumn } from './arrow-ipc';
import { splitValue } from './dataset-split';
import { cellText, type ImportedColumn } from './imported-table';
import { usablePair } from './ratio-checks';
import { denominatorField, numeratorField, type DatasetSpec } from './user-dataset';
import { applyUserDataChange } from './user-data-swap';
import { insertPracticeAreaRowsSql, practiceAreaReportSql } from './practice-area-rows';
import { datasetSummarySql, datasetTableSql, dropTableSql, practiceTableOf, stagedName } from './user-table-sql';

export interface JoinedRows {
  /** Per row of the file, the code it joins (null: left out). */
  joinKeys: readonly (string | null)[];
  rowNumbers: Uint32Array;
  /** The value columns (by their file names), rates' denominators, and the split column, if any. */
  columns: ImportedColumn[];
  /** Per row of the file, its weight for averages (row-weights.ts); absent: every row weighs 1. */
  weights?: Float64Array | null;
  /**
   * GP practice files placed in their LSOA: per row, the practice code it joined (null: left out).
   * The rows are then also kept per practice, in `practiceTableOf(table)`, so a rate becomes a
   * practice and PCN measure (user-practice-sql.ts) as well as an area one.
   */
  practiceKeys?: readonly (string | null)[] | null;
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

/**
 * Builds the dataset's table under its staged name (see user-data-swap.ts: the session's tables
 * change only when the staged ones are swapped in); returns the spec with its counts (areas, rows
 * joined) filled in, and the staged table. On failure nothing is left behind.
 */
export async function stageDataset(db: Db, spec: DatasetSpec, rows: JoinedRows): Promise<{ spec: DatasetSpec; staged: string; stagedPractice: string | null }> {
  const joined: number[] = [];
  const picked: number[] = [];
  const practiceKeys = rows.practiceKeys;
  rows.joinKeys.forEach((k, i) => {
    if (k !== null) joined.push(i);
    // a practice in QOF without a known surgery LSOA still counts for its practice, PCN, Sub-ICB and ICB
    if (k !== null || (practiceKeys && practiceKeys[i] !== null)) picked.push(i);
  });
  const pick = Int32Array.from(picked);
  const byName = new Map(rows.columns.map((c) => [c.name, c]));
  const cols: Record<string, IpcColumn> = {
    code: Array.from(pick, (i) => rows.joinKeys[i]),
    row: Int32Array.from(pick, (i) => rows.rowNumbers[i]),
  };
  if (practiceKeys) cols.practice = Array.from(pick, (i) => practiceKeys[i]);
  if (spec.split) {
    const c = byName.get(spec.split.column)!;
    cols.split = Array.from(pick, (i) => splitValue(cellText(c, i)));
  }
  const column = (name: string) => {
    const c = byName.get(name);
    if (!c) throw new Error(`${spec.file}: there is no column "${name}"`);
    return c;
  };
  for (const v of spec.values) {
    const c = column(v.column);
    if (!v.ratio) {
      cols[v.field] = Float64Array.from(pick, (i) => c.numbers[i]);
      continue;
    }
    // a rate counts a row only with a usable pair, so the summed numerators and denominators describe the same rows
    const d = column(v.ratio.denominator);
    const proportion = v.ratio.ci === 'proportion';
    const ok = Uint8Array.from(pick, (i) => (usablePair(c.numbers[i], d.numbers[i], proportion) ? 1 : 0));
    if (!ok.some((x) => x === 1)) {
      throw new Error(`${spec.file}: no row has a usable numerator ("${v.column}") and denominator ("${v.ratio.denominator}"): a denominator must be above 0, a numerator 0 or more${proportion ? ' and no larger than its denominator' : ''}. Nothing was added.`);
    }
    cols[numeratorField(v)] = Float64Array.from(pick, (i, k) => (ok[k] ? c.numbers[i] : NaN));
    cols[denominatorField(v)] = Float64Array.from(pick, (i, k) => (ok[k] ? d.numbers[i] : NaN));
  }
  const weighted = !!rows.weights;
  if (rows.weights) cols.w = Float64Array.from(pick, (i) => rows.weights![i]);
  const staged = stagedName(spec.table);
  const raw = `${staged}_raw`;
  const stagedPractice = practiceKeys ? stagedName(practiceTableOf(spec.table)) : null;
  try {
    await db.insertArrow(raw, columnsToIpc(cols));
    await db.query(datasetTableSql(spec, raw, staged, weighted));
    const t = await db.query(datasetSummarySql(staged));
    const done = { ...spec, rowsJoined: joined.length, areas: numberColumn(t, 'areas')[0] };
    if (!stagedPractice) return { spec: done, staged, stagedPractice };
    await db.query(datasetTableSql(spec, raw, stagedPractice, weighted, 'practice'));
    // after the count of LSOAs above: these rows are the file's Sub-ICBs and ICBs, not more areas
    await db.query(insertPracticeAreaRowsSql(spec, stagedPractice, staged));
    const r = await db.query(practiceAreaReportSql(spec, stagedPractice));
    const patients = numberColumn(r, 'patients')[0];
    const practiceAreas = { mapped: numberColumn(r, 'mapped')[0], unmapped: numberColumn(r, 'unmapped')[0], patients: Number.isFinite(patients) ? patients : null };
    return { spec: { ...done, practiceAreas }, staged, stagedPractice };
  } catch (e) {
    await db.query(dropTableSql(staged)).catch(() => undefined);
    if (stagedPractice) await db.query(dropTableSql(stagedPractice)).catch(() => undefined);
    throw e;
  } finally {
    await db.query(dropTableSql(raw)).catch(() => undefined);
  }
}

/** Stages the dataset's table and swaps it in: the one-step form for scripts and tests. */
export async function loadDataset(db: Db, spec: DatasetSpec, rows: JoinedRows): Promise<DatasetSpec> {
  const s = await stageDataset(db, spec, rows);
  const addTables = [{ staged: s.staged, table: spec.table }, ...(s.stagedPractice ? [{ staged: s.stagedPractice, table: practiceTableOf(spec.table) }] : [])];
  await applyUserDataChange(db, { addTables });
  return s.spec;
}
