/**
 * Columns → an Arrow IPC stream for `Db.insertArrow`: numbers go in as they are (no text round
 * trip), text as plain UTF-8 (not dictionary-encoded, which DuckDB would keep as an ENUM-like type).
 *
 * Missing values go in as NULL, never as NaN: readers mark a blank or suppressed cell with NaN in
 * their Float64Arrays, and DuckDB takes a NaN as a value (`NaN IS NOT NULL`, sums and means that
 * meet one become NaN, and NaN sorts above every number, so it would rank as the worst area). So
 * every non-finite number is left out through the column's validity bitmap.
 */
import { Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';

/** Float64Array: NaN (or ±Infinity) means missing and becomes NULL. */
export type IpcColumn = Float64Array | Int32Array | readonly (string | null)[];

export function columnsToIpc(columns: Record<string, IpcColumn>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, col] of Object.entries(columns)) {
    if (col instanceof Float64Array) vectors[name] = float64Vector(col);
    else if (col instanceof Int32Array) vectors[name] = makeVector({ type: new Int32(), data: col });
    else vectors[name] = utf8Vector(col);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

/** Numbers with a validity bitmap: bit i set where values[i] is finite. */
function float64Vector(values: Float64Array): Vector {
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) validity[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  // the slot under a NULL is never read, but keep it a plain 0 rather than the NaN it held
  const data = nulls ? values.map((v) => (Number.isFinite(v) ? v : 0)) : values;
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount: nulls, data, nullBitmap: nulls ? validity : undefined }));
}

/**
 * A UTF-8 vector built by hand: Arrow's builders (vectorFromArray) compile their null check with
 * `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') forbids.
 */
function utf8Vector(values: readonly (string | null)[]): Vector {
  const enc = new TextEncoder();
  const parts = values.map((v) => (v === null ? null : enc.encode(v)));
  const offsets = new Int32Array(values.length + 1);
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  parts.forEach((b, i) => {
    offsets[i + 1] = offsets[i] + (b ? b.length : 0);
    if (b) nullBitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  });
  const data = new Uint8Array(offsets[values.length]);
  parts.forEach((b, i) => b && data.set(b, offsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: nulls, valueOffsets: offsets, data, nullBitmap: nulls ? nullBitmap : undefined }));
}
