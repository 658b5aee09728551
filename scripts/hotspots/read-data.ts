/**
 * The analyst's CSV: one row per area with an id column and numeric value columns. Every problem is
 * reported with the file, line and column, so it can be fixed in a spreadsheet.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface AreaValues {
  /** Value columns by name, keyed by area id. */
  byId: Map<string, number[]>;
  columns: string[];
}

export function readAreaValues(file: string, idColumn: string, valueColumns: string[]): AreaValues {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read --data file ${file}: ${(e as Error).message}`);
  }
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new Error(`${file} line ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const header = parsed.meta.fields ?? [];
  for (const col of [idColumn, ...valueColumns]) {
    if (!header.includes(col)) throw new Error(`${file}: no column "${col}" (columns: ${header.join(', ')})`);
  }
  const byId = new Map<string, number[]>();
  const lineOf = new Map<string, number>();
  parsed.data.forEach((row, r) => {
    const line = r + 2;
    const id = (row[idColumn] ?? '').trim();
    if (id === '') throw new Error(`${file} line ${line}: empty ${idColumn}`);
    if (byId.has(id)) throw new Error(`${file} line ${line}: ${idColumn} "${id}" already appears on line ${lineOf.get(id)}`);
    const values = valueColumns.map((col) => {
      const raw = (row[col] ?? '').trim();
      const v = Number(raw.replace(/,/g, ''));
      if (raw === '' || !Number.isFinite(v)) throw new Error(`${file} line ${line}, column ${col} (${idColumn} "${id}"): "${raw}" is not a number`);
      return v;
    });
    byId.set(id, values);
    lineOf.set(id, line);
  });
  if (byId.size === 0) throw new Error(`${file}: no data rows`);
  return { byId, columns: valueColumns };
}

/**
 * The values in the weights' area order. Every area in the weights needs a value; data rows for
 * areas the weights do not know are an error too (a silent drop would change the test).
 */
export function alignValues(data: AreaValues, ids: readonly string[], file: string, weightsSource: string): Float64Array[] {
  const missing = ids.filter((id) => !data.byId.has(id));
  if (missing.length) throw new Error(`${file} has no row for ${missing.length} area${missing.length === 1 ? '' : 's'} in ${weightsSource} (e.g. ${missing.slice(0, 5).join(', ')})`);
  const known = new Set(ids);
  const extra = [...data.byId.keys()].filter((id) => !known.has(id));
  if (extra.length) throw new Error(`${file} has ${extra.length} row${extra.length === 1 ? '' : 's'} for areas not in ${weightsSource} (e.g. ${extra.slice(0, 5).join(', ')})`);
  return data.columns.map((_, c) => Float64Array.from(ids, (id) => data.byId.get(id)![c]));
}
